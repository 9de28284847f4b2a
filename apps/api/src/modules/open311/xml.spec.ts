import { escapeXml, singularOf, toXml } from './xml';

describe('Open311 XML (Spark convention)', () => {
  it('names list items in the singular, service_requests → request', () => {
    expect(singularOf('service_requests')).toBe('request');
    expect(singularOf('services')).toBe('service');
    expect(singularOf('errors')).toBe('error');
    expect(singularOf('values')).toBe('value');
  });

  it('escapes markup and drops characters XML 1.0 forbids', () => {
    expect(escapeXml(`a<b>&"c'\u0001\u0008d\n`)).toBe('a&lt;b&gt;&amp;&quot;c&apos;d\n');
    expect(escapeXml('路灯坏了 😀')).toBe('路灯坏了 😀');
    expect(escapeXml('\uFFFE\uFFFF\uD800x')).toBe('x');
  });

  it('writes a document with the declaration, nested lists, booleans and empty elements', () => {
    const xml = toXml('service_requests', [{ service_request_id: 'A1', status: 'open', lat: 39.9, address: null, extended_attributes: { detailed_status: 'for_triage' } }]);
    expect(xml).toBe(
      '<?xml version="1.0" encoding="utf-8"?><service_requests><request><service_request_id>A1</service_request_id><status>open</status><lat>39.9</lat><address/><extended_attributes><detailed_status>for_triage</detailed_status></extended_attributes></request></service_requests>',
    );
    expect(toXml('services', [{ metadata: false, description: '<script>' }])).toContain('<service><metadata>false</metadata><description>&lt;script&gt;</description></service>');
  });

  it('refuses a key that is not an XML name rather than write broken XML', () => {
    expect(() => toXml('x', { 'attribute[a]': 1 })).toThrow(/not an XML name/);
  });
});

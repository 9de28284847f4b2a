/**
 * GeoReport v2 XML by the Spark convention: the JSON value under a root
 * element, each array item in the singular element of its list
 * (`service_requests` → `request`, otherwise the list name without its
 * trailing "s"). Text is escaped; characters XML 1.0 forbids are dropped.
 */
const SINGULAR: Record<string, string> = { service_requests: 'request', service_request_updates: 'request_update', keywords: 'keyword' };

export function singularOf(list: string): string {
  return SINGULAR[list] ?? (list.endsWith('s') ? list.slice(0, -1) : list);
}

// Tab, LF, CR and everything from U+0020 except surrogates (handled by the u flag) and U+FFFE/U+FFFF.
const FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function escapeXml(text: string): string {
  return text
    .replace(FORBIDDEN, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

function element(name: string, value: unknown, out: string[]): void {
  if (!NAME.test(name)) throw new Error(`not an XML name: ${name}`);
  if (value === undefined) return;
  if (value === null) {
    out.push(`<${name}/>`);
  } else if (Array.isArray(value)) {
    out.push(`<${name}>`);
    for (const item of value) element(singularOf(name), item, out);
    out.push(`</${name}>`);
  } else if (value instanceof Date) {
    out.push(`<${name}>${escapeXml(value.toISOString())}</${name}>`);
  } else if (typeof value === 'object') {
    out.push(`<${name}>`);
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) element(k, v, out);
    out.push(`</${name}>`);
  } else {
    out.push(`<${name}>${escapeXml(String(value))}</${name}>`);
  }
}

/** A whole document: `toXml('services', [...])` → `<services><service>…</service></services>`. */
export function toXml(root: string, value: unknown): string {
  const out: string[] = ['<?xml version="1.0" encoding="utf-8"?>'];
  element(root, value, out);
  return out.join('');
}

import { render, type DocumentData } from './document-templates';

const data: DocumentData = {
  caseCode: '261125-7KM3Q-8',
  centreName: '东城街道综治中心',
  unitName: '东城街道司法所',
  receivedAt: '2026年03月01日 09:05',
  channel: '来访登记',
  category: '邻里纠纷',
  riskLevel: '低',
  text: '<script>alert(1)</script><img src=x onerror="alert(2)">',
  address: '幸福路"1"号',
  status: '已受理',
  deadline: '2026年03月16日 09:05',
  rows: [['承办单位', '<b>司法所</b>']],
  qrSvg: '<svg id="qr"></svg>',
  lookupUrl: 'http://h5/#/packages/case/lookup/index?caseCode=261125-7KM3Q-8',
  printedAt: '2026年03月01日',
};

describe('document templates', () => {
  it('escapes every value: no markup from report text survives', () => {
    const html = render('acceptance', data);
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<b>司法所');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('幸福路&quot;1&quot;号');
    expect(html).toContain('<svg id="qr"></svg>');
  });
  it('is an A4 page with the title, code, unit and deadline', () => {
    const html = render('supervision', data);
    expect(html).toMatch(/@page \{ size: A4;/);
    for (const s of ['督办单', '261125-7KM3Q-8', '东城街道司法所', '2026年03月16日 09:05']) expect(html).toContain(s);
  });
});

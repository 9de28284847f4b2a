import { render, type DocumentData } from './document-templates';
import { escapeHtml as e } from './html';
import { privateSummary, RISK_MEASURES, riskWarning } from './risk-warning';

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

describe('risk warning (风险预警单)', () => {
  const high = riskWarning({
    level: 'high',
    tier: 'district',
    unitLevel: 'district',
    engineLevel: 'high',
    reasons: ['关键词:讨薪', '涉及约30人/户("三十多名",群体)', '出现"堵路"等群体性行为或苗头', '涉及金额约50万元("五十万")', '当事人留电话13812345678<b>'],
  });
  const warning = (risk = high) =>
    render('risk_warning', { ...data, riskLevel: risk.level, text: privateSummary('工头欠薪,联系电话 13912345678,身份证110101199003071234'), risk });

  it('prints the level, every reason, scale and amount, the tier with 领导包案 and the measures, escaped', () => {
    const html = warning();
    for (const s of ['风险预警单', '高风险', '区县级综治中心牵头,领导包案', '包案领导:', '涉及约30人/户', '涉及金额约50万元', '出现&quot;堵路&quot;等群体性行为或苗头', '与系统研判一致,未调整', '立即报告包案领导']) {
      expect(html).toContain(s);
    }
    expect(html).toContain('涉及约30人/户(&quot;三十多名&quot;,群体);涉及金额约50万元(&quot;五十万&quot;)');
    for (const m of RISK_MEASURES.high) expect(html).toContain(e(m));
    expect(html).not.toContain('<b>');
    expect(html).not.toContain('<script>alert');
  });

  it('masks phone and ID numbers in the summary and the reasons', () => {
    const html = warning();
    expect(html).toContain('139****5678');
    expect(html).toContain('138****5678');
    expect(html).toContain('110***********1234');
    expect(html).not.toMatch(/13912345678|13812345678|110101199003071234/);
  });

  it('medium: street tier, no 领导包案, the override and its reason, and a step up when the queue sits lower', () => {
    const medium = riskWarning({
      level: 'medium',
      tier: 'street',
      unitLevel: 'community',
      engineLevel: 'low',
      reasons: ['一对一日常纠纷,未见升级信号'],
      override: { from: 'low', reason: '双方多次冲突,需街道介入' },
    });
    expect(medium.leaderInCharge).toBe(false);
    expect(medium.scale).toBe('研判依据未列明具体人数或金额');
    const html = warning(medium);
    for (const s of ['中风险', '街道级综治中心牵头化解', '系统研判为低风险,经人工研判调整为中风险。调整理由:双方多次冲突,需街道介入', '按分级化解要求,报请街道级综治中心牵头化解']) {
      expect(html).toContain(s);
    }
    for (const m of RISK_MEASURES.medium) expect(html).toContain(e(m));
    expect(html).not.toContain('领导包案');
  });

  it('cuts the summary short', () => {
    expect(privateSummary('很'.repeat(300))).toBe(`${'很'.repeat(100)}…`);
    expect(privateSummary(' 短\n文本 ')).toBe('短 文本');
  });
});

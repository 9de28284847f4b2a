import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { escapeHtml } from '../../src/modules/documents/html';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { PLACE, TEXT, World, type Ticket } from '../factories/world';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = join(__dirname, '../artifacts');

/** 2026年03月16日 09:05 in China time, as the documents print it. */
const china = (iso: string) => {
  const d = new Date(Date.parse(iso) + 8 * 3600_000).toISOString();
  return `${d.slice(0, 4)}年${d.slice(5, 7)}月${d.slice(8, 10)}日 ${d.slice(11, 16)}`;
};

describe('documents (文书) (MariaDB)', () => {
  let t: TestApp;
  let w: World;
  let dispatcher: string;
  let handler: string;
  let resident: { token: string; phone: string };
  let tk: Ticket;
  const injected = '楼道堆物<script>alert("x")</script><img src=x onerror=alert(1)>堵住消防通道';
  const doc = (id: string, kind: string, token = dispatcher) => t.req('GET', `/tickets/${id}/documents/${kind}`, { token });

  beforeAll(async () => {
    t = await startTestApp({ PUBLIC_BASE_URL: 'https://zz.example.gov.cn' });
    w = await World.create(t);
    dispatcher = await t.staff('street-dispatcher');
    handler = await t.staff('handler');
    resident = await t.resident();
    const r = await w.report(resident.token, injected, PLACE.eastGrid1);
    await w.must(dispatcher, r.id, 'accept');
    await w.must(dispatcher, r.id, 'dispatch', { departmentId: w.dep('D01S01', 'justice'), note: '请尽快调解' });
    await w.must(handler, r.id, 'sign');
    await w.must(dispatcher, r.id, 'supervise', { note: '群众多次来电,请加快办理' });
    await w.must(handler, r.id, 'feedback', { outcome: 'mediated', note: '双方达成一致<b>已清理</b>' });
    tk = (await w.get(dispatcher, r.id)).body;
  });
  afterAll(async () => {
    await w.close();
    await t.close();
  });

  it.each([
    ['acceptance', '受理告知单', ['东城街道综治中心', '受理时间']],
    ['assignment', '交办单', ['东城街道司法所', '请尽快调解', '签收期限']],
    ['feedback', '反馈单', ['东城街道司法所', '调解成功', '双方达成一致&lt;b&gt;已清理&lt;/b&gt;', '按时办结']],
    ['supervision', '督办单', ['东城街道司法所', '群众多次来电,请加快办理', '人工督办']],
  ])('%s: %s filled from the ticket and its trail, escaped, with the QR code', async (kind, title, extra) => {
    const r = await doc(tk.id, kind);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(r.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = r.body as string;
    for (const s of [title, tk.caseCode, china(tk.resolveDeadline as string), '@page { size: A4;', ...extra]) expect(html).toContain(s);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).not.toMatch(/<script|<img/i); // the escaped text stays text: no element, no attribute
    expect(html).toMatch(/<svg[^>]*viewBox/);
    expect(html).toContain(`https://zz.example.gov.cn/#/packages/case/lookup/index?caseCode=${tk.caseCode}`);
  });

  it('staff of other units, the resident and unknown kinds get 404', async () => {
    expect((await doc(tk.id, 'acceptance', resident.token)).status).toBe(404);
    expect((await doc(tk.id, 'acceptance', await t.staff('hrss-handler'))).status).toBe(404);
    expect((await doc(tk.id, 'acceptance', await w.staff('dispatcher', 'D01S02'))).status).toBe(404);
    expect((await doc(tk.id, 'risk', dispatcher)).status).toBe(404);
    expect((await doc('not-a-uuid', 'acceptance', dispatcher)).status).toBe(404);
    expect((await doc(tk.id, 'assignment', handler)).status).toBe(200);
    expect((await doc(tk.id, 'assignment', await t.staff('leader'))).status).toBe(200);
  });

  it('before dispatch the acceptance notice states the time limit that will apply', async () => {
    const r = await w.report(resident.token, '邻居在楼道里堆放杂物,影响通行', PLACE.eastGrid1);
    await w.must(dispatcher, r.id, 'accept');
    expect((await doc(r.id, 'acceptance')).body).toContain('交办之日起 15 日内办结');
  });

  describe('risk_warning: 风险预警单', () => {
    let districtDispatcher: string;
    let high: Ticket;
    beforeAll(async () => {
      districtDispatcher = await t.staff('dispatcher');
      const r = await w.report(resident.token, `${TEXT.high},联系我${resident.phone}`, PLACE.westGrid1);
      await w.must(districtDispatcher, r.id, 'accept');
      await w.must(districtDispatcher, r.id, 'dispatch', { departmentId: w.dep('D01', 'hrss') });
      high = (await w.get(districtDispatcher, r.id)).body;
    });

    it('a high ticket: level, the engine reasons, scale, 区县级 tier with 领导包案, measures, department, deadline; phones masked', async () => {
      const r = await doc(high.id, 'risk_warning', districtDispatcher);
      expect(r.status).toBe(200);
      expect(r.headers.get('content-security-policy')).toContain("default-src 'none'");
      const html = r.body as string;
      const triage = high.triage as { riskLevel: string; reasons: string[] };
      expect(triage.riskLevel).toBe('high');
      expect(triage.reasons.some((x) => /人\/户/.test(x))).toBe(true);
      const unit = (await w.sql<{ name: string }>('SELECT name FROM departments WHERE id = ?', [w.dep('D01', 'hrss')]))[0].name;
      for (const s of ['风险预警单', high.caseCode, '高风险', '区县级综治中心牵头,领导包案', '包案领导:', '立即报告包案领导', '与系统研判一致,未调整', unit, china(high.resolveDeadline as string), '劳动争议/欠薪', '@page { size: A4;']) {
        expect(html).toContain(s);
      }
      for (const reason of triage.reasons) expect(html).toContain(escapeHtml(reason));
      expect(html).toMatch(/规模及金额<\/th><td colspan="3">[^<]*人\/户/);
      expect(html).toContain(`${resident.phone.slice(0, 3)}****${resident.phone.slice(-4)}`);
      expect(html).not.toContain(resident.phone);
      expect(html).toMatch(/<svg[^>]*viewBox/);
    });

    it('every slip masks a phone number typed into the report text', async () => {
      for (const kind of ['acceptance', 'assignment', 'supervision']) {
        const r = await doc(high.id, kind, districtDispatcher);
        expect({ kind, status: r.status }).toEqual({ kind, status: 200 });
        expect(r.body as string).toContain(`联系我${resident.phone.slice(0, 3)}****${resident.phone.slice(-4)}`);
        expect(r.body as string).not.toContain(resident.phone);
      }
    });

    it('the assigned department may print it; the resident, other streets and other departments get 404', async () => {
      expect((await doc(high.id, 'risk_warning', await t.staff('hrss-handler'))).status).toBe(200);
      expect((await doc(high.id, 'risk_warning', resident.token)).status).toBe(404);
      expect((await doc(high.id, 'risk_warning', dispatcher)).status).toBe(404); // 东城 street: not its queue
      expect((await doc(high.id, 'risk_warning', handler)).status).toBe(404); // 司法所: not assigned
    });

    it('a low ticket is refused with 409 and a Chinese message; after an override to medium it prints with the reason', async () => {
      const r = await w.report(resident.token, TEXT.low, PLACE.eastGrid1);
      expect(r.riskLevel).toBe('low');
      const refused = await doc(r.id, 'risk_warning');
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({ code: 'DOCUMENT.NOT_APPLICABLE', message: '该案件为低风险,无需出具风险预警单' });
      expect((await doc(r.id, 'risk_warning', resident.token)).status).toBe(404); // a resident learns nothing, not even the level

      const o = await t.req('POST', `/tickets/${r.id}/triage-override`, { token: dispatcher, body: { riskLevel: 'medium', reason: '双方多次冲突<b>需街道介入</b>' } });
      expect(o.status).toBe(200);
      const html = (await doc(r.id, 'risk_warning')).body as string;
      for (const s of ['中风险', '街道级综治中心牵头化解', '系统研判为低风险,经人工研判调整为中风险。调整理由:双方多次冲突&lt;b&gt;需街道介入&lt;/b&gt;', '尚未交办', '按分级化解要求,报请街道级综治中心牵头化解', '交办之日起 7 日内办结']) {
        expect(html).toContain(s);
      }
      expect(html).not.toContain('领导包案');
    });
  });

  (existsSync(CHROMIUM) ? it : it.skip)('prints as one A4 page in Chromium (PNG saved under test/artifacts)', async () => {
    const html = (await doc(tk.id, 'acceptance')).body as string;
    mkdirSync(ARTIFACTS, { recursive: true });
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 794, height: 1123 } }); // A4 at 96 dpi
      await page.emulateMedia({ media: 'print' });
      await page.setContent(html, { waitUntil: 'load' });
      await page.screenshot({ path: join(ARTIFACTS, 'acceptance.png'), fullPage: true });
      const pageCount = async () => ((await page.pdf({ preferCSSPageSize: true })).toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      expect(await pageCount()).toBe(1);
      const height = await page.evaluate(() => document.body.scrollHeight);
      expect(height).toBeLessThanOrEqual(1123);
      for (const kind of ['assignment', 'feedback', 'supervision']) {
        await page.setContent((await doc(tk.id, kind)).body as string, { waitUntil: 'load' });
        await page.screenshot({ path: join(ARTIFACTS, `${kind}.png`), fullPage: true });
      }
      // The fullest risk warning the engine writes: six risk reasons plus the category one, a long text, dispatched.
      const r = await w.report(resident.token, `${TEXT.high},欠薪八十万元,有人扬言跳楼,已有人受伤,对方持刀威胁,多次协调未果,其中有老人和孕妇。${'工地情况复杂'.repeat(30)}`, PLACE.westGrid1);
      const districtDispatcher = await t.staff('dispatcher');
      await w.must(districtDispatcher, r.id, 'accept');
      await w.must(districtDispatcher, r.id, 'dispatch', { departmentId: w.dep('D01', 'hrss') });
      const reasons = ((await w.get(districtDispatcher, r.id)).body.triage as { reasons: string[] }).reasons;
      expect(reasons.length).toBeGreaterThanOrEqual(6);
      await page.setContent((await doc(r.id, 'risk_warning', districtDispatcher)).body as string, { waitUntil: 'load' });
      await page.screenshot({ path: join(ARTIFACTS, 'risk_warning.png'), fullPage: true });
      expect(await pageCount()).toBe(1);
      expect(await page.evaluate(() => document.body.scrollHeight)).toBeLessThanOrEqual(1123);
    } finally {
      await browser.close();
    }
  }, 60_000);
});

import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { PLACE, World, type Ticket } from '../factories/world';

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
  let resident: { token: string };
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
      const pdf = await page.pdf({ preferCSSPageSize: true });
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      expect(pages).toBe(1);
      const height = await page.evaluate(() => document.body.scrollHeight);
      expect(height).toBeLessThanOrEqual(1123);
      for (const kind of ['assignment', 'feedback', 'supervision']) {
        await page.setContent((await doc(tk.id, kind)).body as string, { waitUntil: 'load' });
        await page.screenshot({ path: join(ARTIFACTS, `${kind}.png`), fullPage: true });
      }
    } finally {
      await browser.close();
    }
  }, 60_000);
});

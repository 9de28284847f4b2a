import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  apiCall,
  expectNoHorizontalOverflow,
  launchBrowser,
  residentLogin,
  shotWhole,
  staffLogin,
  startServer,
  tap,
  type,
  visible,
  type ApiSession,
  type Server,
} from './harness';
import { resolveTicket } from './workflow-helpers';

jest.setTimeout(240_000);

const MEDIUM = '邻居装修漏水到我家,多次协调未果,对方情绪激动,扬言要去上访';
/** 东城幸福社区第1网格 (GCJ-02): lands at the 东城 street centre, 司法所 suggested. */
const EAST = { lat: 39.87, lng: 116.32 };
const DAY = 86_400_000;

/** A valid 18-digit ID number (check character X) and the same number with a wrong check character. */
const ID_OK = '11010519491231002X';
const ID_BAD_CHECK = '110105194912310021';
const ID_MASKED = '110***********002X';
const VISITOR_PHONE = '13912345678';
const VISITOR_PHONE_MASKED = '139****5678';

/**
 * The staff flows the main staff test leaves out, on the H5 build at 375 px:
 * 回访 closing a resolved ticket, 延期申请 asked for by the handler and
 * approved or refused in the queue, 来访登记 at the counter (ID checksum,
 * masking), and the 12345/110 import with per-row results and duplicates.
 */
describe('more staff flows on the H5 build', () => {
  let server: Server;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const jsErrors: string[] = [];
  let resident: ApiSession;

  /** A 375 px phone, as `phonePage`, with the clock of a counter in China (dates on the page and in the trail agree). */
  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (e) => jsErrors.push(String(e)));
    return page;
  }

  /** Logs in through the staff login page and waits for the role's home. */
  async function staffUi(username: string, home: string): Promise<Page> {
    const page = await newPage();
    await page.goto(server.origin + '/#/packages/staff/login/index');
    await type(page, '#staff-username input', username);
    await type(page, '#staff-password input', 'demo1234');
    await tap(page, '#staff-login');
    await page.waitForFunction((h) => location.hash.includes(h), home);
    return page;
  }

  const api = <T = any>(method: string, path: string, body?: unknown, token?: string) => apiCall<T>(server.api, method, path, body, token);

  async function report(text: string): Promise<{ id: string; caseCode: string }> {
    const r = await apiCall(server.api, 'POST', '/reports', { text, location: EAST, contactPhone: '13900001111' }, resident.accessToken, { 'idempotency-key': randomUUID() });
    if (r.status !== 201) throw new Error(`report ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  }

  async function act(who: ApiSession, id: string, body: Record<string, unknown>) {
    const r = await api('POST', `/tickets/${id}/actions`, body, who.accessToken);
    if (r.status !== 200) throw new Error(`${body.action}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  }

  async function ticket(id: string, who: ApiSession) {
    const r = await api('GET', `/tickets/${id}`, undefined, who.accessToken);
    expect(r.status).toBe(200);
    return r.body;
  }

  async function waitStatus(page: Page, status: string) {
    await visible(page, `#staff-ticket[data-status="${status}"]`).waitFor({ timeout: 15_000 });
  }

  /** The page's own date format (`formatDateTime`, device time zone), computed in the page. */
  const shown = (page: Page, iso: string) =>
    page.evaluate((s) => {
      const d = new Date(s);
      const p = (n: number) => (n < 10 ? `0${n}` : String(n));
      return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
    }, iso);

  /** No overflow at 375 px, checked once the page holding `selector` has finished sliding in (Taro's H5 router animates it). */
  async function fitsPhone(page: Page, selector: string) {
    await page.waitForFunction((sel) => {
      const el = Array.from(document.querySelectorAll(sel)).find((e) => (e as HTMLElement).offsetParent !== null);
      const p = el?.closest('.taro_page');
      return !!p && Math.abs(p.getBoundingClientRect().left) < 1;
    }, selector);
    await expectNoHorizontalOverflow(page);
  }

  /** The value of a `.kv` row on the visible ticket page, by its label. */
  const kv = (page: Page, label: string) => visible(page, `#staff-ticket .kv:has(.kv-k:text-is("${label}")) .kv-v`);

  /** Opens a ticket from the queue by searching its case code, as a dispatcher would. */
  async function openFromQueue(page: Page, caseCode: string) {
    await tap(page, '#tab-all');
    await type(page, '#queue-search input', caseCode);
    await tap(page, '#queue-search-btn');
    const item = visible(page, `#queue-list .queue-item[data-case-code="${caseCode}"]`);
    await item.waitFor();
    await item.tap();
    await visible(page, '#staff-ticket').waitFor();
  }

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    resident = await residentLogin(server.api, '13900001111');
  });

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  it('回访: the dispatcher closes a resolved ticket with a method and a note', async () => {
    const t = await report(MEDIUM);
    const { dispatcher } = await resolveTicket(server.api, t.id);

    const dp = await staffUi('street-dispatcher', 'packages/staff/queue');
    await openFromQueue(dp, t.caseCode);
    await waitStatus(dp, 'resolved');
    await tap(dp, '#action-return_visit');
    expect(await visible(dp, '#action-form .card-title').innerText()).toBe('回访');
    // Both required fields are asked for before anything is sent.
    await tap(dp, '#action-submit');
    expect(await visible(dp, '#action-error-method').innerText()).toBe('请选择回访方式');
    expect(await visible(dp, '#action-error-note').innerText()).toBe('请填写理由或说明');
    expect((await ticket(t.id, dispatcher)).status).toBe('resolved');

    await tap(dp, '#method-phone');
    const note = '电话回访当事人,漏水已修复,对处理结果表示满意';
    await type(dp, '#action-note textarea', note);
    expect(await visible(dp, '#action-submit').innerText()).toBe('确认回访');
    await shotWhole(dp, 'staff-return-visit-form');
    await tap(dp, '#action-submit');
    await waitStatus(dp, 'closed');

    // What the dispatcher sees now: 已销号, nothing left to do, the visit on the trail with its method.
    expect(await visible(dp, '#staff-ticket .status-tag').innerText()).toBe('已销号');
    expect(await visible(dp, '#action-panel').innerText()).toContain('当前没有需要您办理的操作');
    const entry = visible(dp, '#ticket-history .timeline-item[data-action="return_visit"]');
    expect(await entry.innerText()).toContain(note);
    expect(await entry.locator('.history-method').innerText()).toBe('回访方式:电话回访');
    await shotWhole(dp, 'staff-return-visit-closed');

    const after = await ticket(t.id, dispatcher);
    expect(after.status).toBe('closed');
    expect(after.allowedActions).toEqual([]);
    const rv = after.history.filter((h: { action: string }) => h.action === 'return_visit');
    expect(rv).toHaveLength(1);
    expect(rv[0]).toMatchObject({ fromStatus: 'resolved', toStatus: 'closed', note, data: { method: 'phone' } });
  });

  it('延期申请: the handler asks for more time; the dispatcher approves one request and refuses the next', async () => {
    const sd = await staffLogin(server.api, 'street-dispatcher');
    const handler = await staffLogin(server.api, 'handler');
    const t = await report(MEDIUM);
    await act(sd, t.id, { action: 'accept' });
    const accepted = await ticket(t.id, sd);
    await act(sd, t.id, { action: 'dispatch', departmentId: accepted.suggestedDepartmentId });
    await act(handler, t.id, { action: 'sign' });
    const d0: string = (await ticket(t.id, handler)).resolveDeadline;
    expect(d0).toBeTruthy();
    const d1 = new Date(new Date(d0).getTime() + 15 * DAY).toISOString();

    // 1. The handler finds it under 办理中 and asks for 15 more days.
    const hp = await staffUi('handler', 'packages/staff/inbox');
    await tap(hp, '#tab-in_progress');
    const item = visible(hp, `#inbox-list .queue-item[data-case-code="${t.caseCode}"]`);
    await item.waitFor();
    await item.tap();
    await waitStatus(hp, 'in_progress');
    expect(await kv(hp, '办结期限').innerText()).toBe(await shown(hp, d0));
    await tap(hp, '#extension-open');
    await tap(hp, '#extension-submit');
    expect(await visible(hp, '#extension-error').innerText()).toBe('请填写延期理由');
    await tap(hp, '#extension-days-15');
    expect(await visible(hp, '#extension-form .hint').innerText()).toBe(`申请延至 ${await shown(hp, d1)}`);
    const reason = '需等待房屋质量鉴定报告,预计两周后出具';
    await type(hp, '#extension-reason textarea', reason);
    await shotWhole(hp, 'staff-extension-form');
    await tap(hp, '#extension-submit');
    await visible(hp, '#extension-form').waitFor({ state: 'detached' });
    // On the trail in the time the handler reads everywhere else, not as a raw UTC instant.
    const asked = hp.locator('#ticket-history .timeline-note', { hasText: reason }).filter({ visible: true });
    await asked.waitFor();
    expect(await asked.innerText()).toBe(`申请延期至 ${await shown(hp, d1)}:${reason}`);

    const pending = (await api('GET', '/extension-requests?status=pending', undefined, sd.accessToken)).body.items.filter((x: { ticketId: string }) => x.ticketId === t.id);
    expect(pending).toHaveLength(1);
    expect(pending[0]).toMatchObject({ reason, currentDeadline: d0, requestedDeadline: d1, status: 'pending', caseCode: t.caseCode });
    // Nothing moves until a dispatcher decides.
    expect((await ticket(t.id, handler)).resolveDeadline).toBe(d0);

    // A second request while one is pending is refused, and the handler is told why.
    await tap(hp, '#extension-open');
    await type(hp, '#extension-reason textarea', '再次申请');
    await tap(hp, '#extension-submit');
    expect(await visible(hp, '#extension-error').innerText()).toBe('该案件已有待审批的延期申请');

    // 2. The street dispatcher sees it under 延期申请 and approves.
    const dp = await staffUi('street-dispatcher', 'packages/staff/queue');
    await tap(dp, '#tab-extensions');
    const req = visible(dp, `#extension-list .ext-item[data-id="${pending[0].id}"]`);
    await req.waitFor();
    const text = await req.innerText();
    expect(text).toContain(t.caseCode);
    expect(text).toContain(reason);
    expect(await req.locator('.kv:has-text("原办结期限") .kv-v').innerText()).toBe(await shown(dp, d0));
    expect(await req.locator('.kv:has-text("申请延至") .kv-v').innerText()).toBe(await shown(dp, d1));
    await shotWhole(dp, 'staff-extension-queue');
    await tap(dp, `#ext-approve-${pending[0].id}`);
    await req.waitFor({ state: 'detached' });
    expect(await visible(dp, '#page-empty').innerText()).toContain('没有待审批的延期申请');

    const approved = await ticket(t.id, handler);
    expect(approved.resolveDeadline).toBe(d1);
    expect(approved.status).toBe('in_progress');
    expect(approved.history.map((h: { note: string | null }) => h.note)).toContain('同意延期');

    // 3. The handler's page shows the new deadline.
    await hp.reload();
    await waitStatus(hp, 'in_progress');
    expect(await kv(hp, '办结期限').innerText()).toBe(await shown(hp, d1));

    // 4. Another request (3 days); this one the dispatcher refuses: the deadline stays.
    await tap(hp, '#extension-open');
    await tap(hp, '#extension-days-3');
    await type(hp, '#extension-reason textarea', '当事人出差,需延后调解');
    await tap(hp, '#extension-submit');
    await visible(hp, '#extension-form').waitFor({ state: 'detached' });
    const second = (await api('GET', '/extension-requests?status=pending', undefined, sd.accessToken)).body.items.find((x: { ticketId: string }) => x.ticketId === t.id);
    expect(second.requestedDeadline).toBe(new Date(new Date(d1).getTime() + 3 * DAY).toISOString());
    await tap(dp, '#tab-all');
    await tap(dp, '#tab-extensions');
    const req2 = visible(dp, `#extension-list .ext-item[data-id="${second.id}"]`);
    await req2.waitFor();
    await tap(dp, `#ext-reject-${second.id}`);
    await req2.waitFor({ state: 'detached' });

    const refused = await ticket(t.id, handler);
    expect(refused.resolveDeadline).toBe(d1);
    expect(refused.history.map((h: { note: string | null }) => h.note)).toContain('不同意延期');
    const rejected = (await api('GET', '/extension-requests?status=rejected', undefined, sd.accessToken)).body.items;
    expect(rejected.map((x: { id: string }) => x.id)).toContain(second.id);
    await hp.reload();
    await waitStatus(hp, 'in_progress');
    expect(await kv(hp, '办结期限').innerText()).toBe(await shown(hp, d1));
    await visible(hp, '#ticket-history .timeline-note:text-is("不同意延期")').waitFor();
    await shotWhole(hp, 'staff-extension-decided');
  });

  it('来访登记: the ID number is checked (checksum included); afterwards ID number and phone are shown masked', async () => {
    const sd = await staffLogin(server.api, 'street-dispatcher');
    const walkIns = async () => (await api('GET', '/tickets?channel=walk_in', undefined, sd.accessToken)).body.total as number;
    const before = await walkIns();

    const dp = await staffUi('street-dispatcher', 'packages/staff/queue');
    await tap(dp, '#go-walkin');
    await visible(dp, '#walkin-submit').waitFor();
    // Nothing filled in: every required field says what it needs.
    await tap(dp, '#walkin-submit');
    expect(await visible(dp, '#walkin-visitorName-error').innerText()).toBe('请填写来访人姓名');
    expect(await visible(dp, '#walkin-phone-error').innerText()).toBe('请输入正确的11位手机号');
    expect(await visible(dp, '#walkin-idNumber-error').innerText()).toBe('身份证号码应为18位');
    expect(await visible(dp, '#walkin-text-error').innerText()).toBe('请填写反映事项(至少5个字)');

    await type(dp, '#walkin-name input', '张建国');
    await type(dp, '#walkin-phone input', VISITOR_PHONE);
    await type(dp, '#walkin-id input', ID_OK.slice(0, 17));
    const matter = `本人身份证号${ID_OK},反映邻居装修噪音扰民,多次协调未果`;
    await type(dp, '#walkin-text textarea', matter);
    await type(dp, '#walkin-parties input', '李某(邻居)、物业公司');
    await tap(dp, '#walkin-submit');
    expect(await visible(dp, '#walkin-idNumber-error').innerText()).toBe('身份证号码应为18位');
    expect(await dp.locator('#walkin-visitorName-error, #walkin-phone-error, #walkin-text-error').count()).toBe(0);

    // 18 characters, but the check character is wrong: the server's checksum refuses it on the field.
    await type(dp, '#walkin-id input', ID_BAD_CHECK);
    await tap(dp, '#walkin-submit');
    expect(await visible(dp, '#walkin-idNumber-error').innerText()).toBe('身份证号码校验位不正确,请核对');
    await fitsPhone(dp, '#walkin-submit');
    await shotWhole(dp, 'staff-walkin-invalid-id');
    expect(await walkIns()).toBe(before);

    await type(dp, '#walkin-id input', ID_OK);
    const saved = dp.waitForResponse((r) => r.url().endsWith('/api/v1/walk-ins') && r.request().method() === 'POST');
    await tap(dp, '#walkin-submit');
    const created = await (await saved).json();
    await visible(dp, '#walkin-done').waitFor();
    const caseCode = (await visible(dp, '#walkin-case-code').innerText()).trim();
    expect(caseCode).toBe(created.ticket.caseCode);
    expect(await visible(dp, '#walkin-done .card-title').innerText()).toBe('登记成功,已当场受理');
    expect(await visible(dp, '#walkin-visitor-name').innerText()).toBe('张建国');
    expect(await visible(dp, '#walkin-visitor-phone').innerText()).toBe(VISITOR_PHONE_MASKED);
    expect(await visible(dp, '#walkin-visitor-id').innerText()).toBe(ID_MASKED);
    await shotWhole(dp, 'staff-walkin-done');

    // The ticket it became: accepted at once, visitor's phone masked, ID number masked inside the text.
    await tap(dp, '#walkin-done .btn-primary');
    await waitStatus(dp, 'accepted');
    expect(await visible(dp, '#ticket-reporter').innerText()).toBe(VISITOR_PHONE_MASKED);
    expect(await visible(dp, '#ticket-text').innerText()).toBe(matter.replace(ID_OK, ID_MASKED));
    expect(await visible(dp, '#staff-ticket').innerText()).toContain('来访登记');
    const pageText = await visible(dp, '#staff-ticket').innerText();
    expect(pageText).not.toContain(ID_OK);
    expect(pageText).not.toContain(VISITOR_PHONE);
    await shotWhole(dp, 'staff-walkin-ticket');

    // In the queue list too.
    await dp.goto(server.origin + '/#/packages/staff/queue/index');
    await tap(dp, '#tab-accepted');
    const row = visible(dp, `#queue-list .queue-item[data-case-code="${caseCode}"]`);
    await row.waitFor();
    expect(await row.innerText()).toContain(ID_MASKED);
    expect(await row.innerText()).not.toContain(ID_OK);

    // The server kept it that way: the walk-in, the ticket and its trail.
    expect(await walkIns()).toBe(before + 1);
    const w = await api('GET', `/walk-ins/${created.id}`, undefined, sd.accessToken);
    expect(w.status).toBe(200);
    expect(w.body.visitor).toEqual({ name: '张建国', phone: VISITOR_PHONE_MASKED, idNumber: ID_MASKED });
    expect(w.body.parties).toEqual(['李某(邻居)', '物业公司']);
    const t = await ticket(created.ticket.id, sd);
    expect(t).toMatchObject({ status: 'accepted', channel: 'walk_in', contactPhone: VISITOR_PHONE_MASKED });
    expect(t.history.map((h: { action: string }) => h.action)).toEqual(['submit', 'accept']);
    expect(JSON.stringify(t)).not.toContain(ID_OK);
    expect(JSON.stringify(t)).not.toContain(VISITOR_PHONE);
  });

  it('12345/110 import: per-row results; the same rows again are duplicates', async () => {
    const district = await staffLogin(server.api, 'dispatcher');
    const run = randomUUID().slice(0, 6).toUpperCase();
    const no = { hotline: `GD${run}-1`, police: `JQ${run}-2`, bad: `GD${run}-3`, pushed: `JQ${run}-4` };
    // Pushed earlier as JSON by the 110 system (a precondition the page does not offer).
    const pushed = await api('POST', '/imports/hotline', { orders: [{ orderNo: no.pushed, text: '东城街道某小区有人深夜饮酒喧哗', source: 'police_110' }] }, district.accessToken);
    expect(pushed.status).toBe(200);
    expect(pushed.body.results[0].result).toBe('created');

    const csv = [
      '工单编号,诉求内容,来电号码,地址,受理时间,来源',
      `${no.hotline},东城幸福社区小区门口垃圾堆放多日无人清理,13812345678,东城街道幸福社区3号楼,2026-03-01 09:30,12345热线`,
      `${no.police},"有人在东城街道商场门口长期摆摊占道,影响通行",,东城街道商场,2026-03-01 10:00,110非警务警情`,
      `${no.bad},噪音扰民,12,东城,,12345`,
      `${no.pushed},东城街道某小区有人深夜饮酒喧哗,,,,110`,
    ].join('\r\n');
    const file = { name: '12345工单.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') };

    const dp = await staffUi('dispatcher', 'packages/staff/queue');
    await tap(dp, '#go-import');
    await visible(dp, '#import-choose').waitFor();
    expect(await visible(dp, '#import-choose').innerText()).toBe('选择文件并导入');

    // A file without the text column is refused with the column named.
    await dp.locator('#import-file').setInputFiles({ name: 'wrong.csv', mimeType: 'text/csv', buffer: Buffer.from('工单编号,来电号码\nX1,13812345678\n', 'utf8') });
    expect(await visible(dp, '#import-error').innerText()).toContain('CSV 缺少列: 诉求内容/text');

    const first = dp.waitForResponse((r) => r.url().endsWith('/api/v1/imports/hotline'));
    await dp.locator('#import-file').setInputFiles(file);
    const firstBody = await (await first).json();
    const title = visible(dp, '#import-results .card-title');
    await title.waitFor();
    expect(await title.innerText()).toBe('导入结果:立案 2,重复 1,未导入 1');
    expect(await dp.locator('#import-error').count()).toBe(0);
    const rowOf = (orderNo: string) => visible(dp, `#import-results .import-row:has(.kv-k:text-is("${orderNo}"))`);
    expect(await rowOf(no.hotline).getAttribute('data-result')).toBe('created');
    expect(await rowOf(no.hotline).innerText()).toContain('已立案');
    expect(await rowOf(no.police).getAttribute('data-result')).toBe('created');
    expect(await rowOf(no.bad).getAttribute('data-result')).toBe('rejected');
    expect(await rowOf(no.bad).innerText()).toContain('未导入:callerPhone: 来电号码格式不正确');
    expect(await rowOf(no.pushed).getAttribute('data-result')).toBe('duplicate');
    expect(await rowOf(no.pushed).innerText()).toContain('重复工单');
    await fitsPhone(dp, '#import-page');
    await shotWhole(dp, 'staff-import-results');

    // The server has the two new tickets, on the right channels, the caller's phone masked to staff.
    const ids = Object.fromEntries(firstBody.results.map((r: { orderNo: string; ticketId?: string }) => [r.orderNo, r.ticketId]));
    expect(ids[no.pushed]).toBe(pushed.body.results[0].ticketId);
    const hotline = await ticket(ids[no.hotline], district);
    expect(hotline).toMatchObject({ channel: 'hotline_12345', status: 'submitted', contactPhone: '138****5678', address: '东城街道幸福社区3号楼' });
    expect((await ticket(ids[no.police], district)).channel).toBe('police_110');

    // 查看 opens the ticket it became.
    await rowOf(no.hotline).locator('.staff-link').tap();
    await waitStatus(dp, 'submitted');
    expect(await visible(dp, '#staff-case-code').innerText()).toBe(hotline.caseCode);
    expect(await visible(dp, '#staff-ticket').innerText()).toContain('12345热线');
    expect(await visible(dp, '#ticket-reporter').innerText()).toBe('138****5678');
    await dp.goBack();

    // The same file again: nothing new, each known row reported as a duplicate of its ticket.
    const again = dp.waitForResponse((r) => r.url().endsWith('/api/v1/imports/hotline'));
    await visible(dp, '#import-choose').waitFor();
    await dp.locator('#import-file').setInputFiles(file);
    const againBody = await (await again).json();
    await visible(dp, '#import-results .card-title:text-is("导入结果:立案 0,重复 3,未导入 1")').waitFor();
    for (const n of [no.hotline, no.police, no.pushed]) {
      expect(await rowOf(n).getAttribute('data-result')).toBe('duplicate');
      expect(againBody.results.find((r: { orderNo: string }) => r.orderNo === n).ticketId).toBe(ids[n]);
    }
    expect(await rowOf(no.bad).getAttribute('data-result')).toBe('rejected');
    await shotWhole(dp, 'staff-import-duplicates');
    const count = async (channel: string) => (await api('GET', `/tickets?channel=${channel}&q=${encodeURIComponent('东城')}`, undefined, district.accessToken)).body.total;
    expect(await count('hotline_12345')).toBe(1);
    expect(await count('police_110')).toBe(2);
  });

  it('raised no uncaught errors in any page', () => {
    expect(jsErrors).toEqual([]);
  });
});

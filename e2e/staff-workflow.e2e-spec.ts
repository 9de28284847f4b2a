import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  apiCall,
  launchBrowser,
  phonePage,
  residentLogin,
  shot,
  shotWhole,
  signIn,
  staffLogin,
  startServer,
  tap,
  testJpeg,
  type,
  type ApiSession,
  type Server,
} from './harness';

jest.setTimeout(240_000);

const MEDIUM = '邻居装修漏水到我家,多次协调未果,对方情绪激动,扬言要去上访';
const LOW = '邻居在楼道里堆放杂物,影响通行';
/** 东城幸福社区第1网格 (GCJ-02). */
const EAST = { lat: 39.87, lng: 116.32 };

/**
 * The staff side on the H5 build, as people use it: a resident reports, the
 * street dispatcher accepts and dispatches from the queue, the 司法所 handler
 * signs and feeds back with a photo, the resident rates it, the leader's
 * figures move. Then 退回, 上报, 不予受理, 调整研判 and 督办 from the UI.
 */
describe('staff side on the H5 build', () => {
  let server: Server;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const jsErrors: string[] = [];
  let resident: ApiSession;
  let redTicketId = '';

  async function newPage(width = 375): Promise<Page> {
    if (width === 375) {
      const { context, page } = await phonePage(browser);
      contexts.push(context);
      page.on('pageerror', (e) => jsErrors.push(String(e)));
      return page;
    }
    const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'zh-CN', hasTouch: true });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (e) => jsErrors.push(String(e)));
    return page;
  }

  /** Logs in through the staff login page and waits for the role's home. */
  async function staffUi(page: Page, username: string, home: string) {
    await page.goto(server.origin + '/#/packages/staff/login/index');
    await type(page, '#staff-username input', username);
    await type(page, '#staff-password input', 'demo1234');
    await tap(page, '#staff-login');
    await page.waitForFunction((h) => location.hash.includes(h), home);
  }

  const api = <T = any>(method: string, path: string, body?: unknown, token?: string) => apiCall<T>(server.api, method, path, body, token);

  async function report(text: string, location = EAST): Promise<{ id: string; caseCode: string }> {
    const r = await apiCall(server.api, 'POST', '/reports', { text, location }, resident.accessToken, { 'idempotency-key': randomUUID() });
    if (r.status !== 201) throw new Error(`report ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  }

  async function act(who: ApiSession, id: string, body: Record<string, unknown>) {
    const r = await api('POST', `/tickets/${id}/actions`, body, who.accessToken);
    if (r.status !== 200) throw new Error(`${body.action}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  }

  async function waitStatus(page: Page, status: string) {
    await page.locator(`#staff-ticket[data-status="${status}"]`).waitFor({ timeout: 15_000 });
  }

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    resident = await residentLogin(server.api, '13900001111');
    // A low-risk ticket with a one-minute sign-for limit, dispatched now: red by the time the 督办 test runs.
    const admin = await staffLogin(server.api, 'admin');
    const limits = await api('PUT', '/admin/time-limits', { rules: [{ riskLevel: 'low', category: 'urban', signMinutes: 1, resolveMinutes: 60 }] }, admin.accessToken);
    expect(limits.status).toBe(200);
    const sd = await staffLogin(server.api, 'street-dispatcher');
    const lamp = await report('东城幸福社区路口路灯坏了好几天,晚上很黑');
    const t = await api('GET', `/tickets/${lamp.id}`, undefined, sd.accessToken);
    // Low risk lands at the community centre, below the street: the street dispatcher may act on it.
    expect(t.status).toBe(200);
    await act(sd, lamp.id, { action: 'accept' });
    const detail = (await api('GET', `/tickets/${lamp.id}`, undefined, sd.accessToken)).body;
    await act(sd, lamp.id, { action: 'dispatch', departmentId: detail.suggestedDepartmentId || detail.dispatchTargets[0].id });
    redTicketId = lamp.id;
  });

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  it('runs the whole loop across roles: report → queue → dispatch → sign → feedback → 满意 → dashboard', async () => {
    const leader = await staffLogin(server.api, 'leader');
    const before = (await api('GET', '/stats/summary', undefined, leader.accessToken)).body;

    // 1. The resident reports a medium-risk matter in 东城 with a photo and their position.
    const rp = await newPage();
    await rp.context().grantPermissions(['geolocation'], { origin: server.origin });
    await rp.context().setGeolocation({ latitude: EAST.lat, longitude: EAST.lng });
    await signIn(rp, server.origin, resident, '13900001111');
    await rp.goto(server.origin + '/#/pages/report/index');
    await type(rp, '#report-text textarea', MEDIUM);
    await rp.locator('#photo-picker input[type=file]').setInputFiles(await testJpeg(rp, '漏水'));
    await rp.locator('#photo-picker [data-status="done"]').first().waitFor({ timeout: 20_000 });
    await tap(rp, '#location-use-current');
    await rp.locator('#location-coords').waitFor({ timeout: 15_000 });
    await tap(rp, '#report-submit');
    await rp.locator('#case-code').waitFor({ timeout: 20_000 });
    const caseCode = (await rp.locator('#case-code').innerText()).trim();

    // 2. The street dispatcher sees it at the top of the queue, with its risk and the engine's reasons.
    const dp = await newPage();
    await staffUi(dp, 'street-dispatcher', 'packages/staff/queue');
    const first = dp.locator('#queue-list .queue-item').first();
    await first.waitFor();
    expect(await first.getAttribute('data-case-code')).toBe(caseCode);
    expect(await first.locator('.risk-badge').innerText()).toBe('中风险');
    expect(await first.locator('.ticket-reasons').innerText()).toContain('研判依据');
    await shotWhole(dp, 'staff-queue');
    await first.tap();
    await dp.locator('#staff-ticket').waitFor();
    await dp.locator('#ticket-photos img').first().waitFor();
    await dp.locator('#ticket-map img').waitFor();
    expect(await dp.locator('#ticket-reporter').innerText()).toMatch(/^139\*{4}1111$/);
    expect(await dp.locator('#ticket-reasons').innerText()).not.toBe('');
    await shotWhole(dp, 'staff-ticket-submitted');
    // Only what the server allows: accept and decline (and comment / supervise / escalate).
    expect(await dp.locator('#action-panel .action-button').count()).toBeGreaterThan(0);
    expect(await dp.locator('#action-dispatch').count()).toBe(0);
    await tap(dp, '#action-accept');
    await tap(dp, '#action-submit');
    await waitStatus(dp, 'accepted');
    await tap(dp, '#action-dispatch');
    // Prefilled with the routing suggestion; the deadlines are shown before confirming.
    const chosen = dp.locator('.dept-option[data-selected="true"]');
    await chosen.waitFor();
    expect(await chosen.innerText()).toContain('司法所');
    expect(await dp.locator('#dispatch-deadlines').innerText()).toContain('签收期限');
    await shotWhole(dp, 'staff-dispatch-form');
    await tap(dp, '#action-submit');
    await waitStatus(dp, 'dispatched');
    await dp.locator('#ticket-countdown .countdown--blue').waitFor();

    // 3. The handler signs, then feeds back with a photo.
    const hp = await newPage();
    await staffUi(hp, 'handler', 'packages/staff/inbox');
    const item = hp.locator(`#inbox-list .queue-item[data-case-code="${caseCode}"]`);
    await item.waitFor();
    expect(await item.locator('.countdown').getAttribute('data-color')).toBe('blue');
    expect(await item.locator('.countdown-text').innerText()).toContain('签收剩余');
    await shotWhole(hp, 'staff-inbox');
    await item.tap();
    await hp.locator('#staff-ticket').waitFor();
    await tap(hp, '#action-sign');
    await tap(hp, '#action-submit');
    await waitStatus(hp, 'in_progress');
    await tap(hp, '#action-feedback');
    // Required fields are enforced before anything is sent.
    await tap(hp, '#action-submit');
    await hp.locator('#action-error-outcome').waitFor();
    await tap(hp, '#outcome-mediated');
    await type(hp, '#action-note textarea', '经司法所调解,装修方赔偿维修费用,双方签订调解协议');
    await hp.locator('#photo-picker input[type=file]').setInputFiles(await testJpeg(hp, '协议'));
    await hp.locator('#photo-picker [data-status="done"]').first().waitFor({ timeout: 20_000 });
    await shotWhole(hp, 'staff-feedback-form');
    await tap(hp, '#action-submit');
    await waitStatus(hp, 'resolved');

    // 4. The resident rates it 满意 on their case page.
    const mine = (await api('GET', '/reports/mine', undefined, resident.accessToken)).body.items.find((x: { caseCode: string }) => x.caseCode === caseCode);
    await rp.goto(`${server.origin}/#/packages/case/detail/index?id=${mine.id}`);
    await tap(rp, '#eval-satisfied');
    await tap(rp, '#eval-submit');
    await rp.locator('#eval-done').waitFor();

    // 5. The leader's dashboard moved.
    const after = (await api('GET', '/stats/summary', undefined, leader.accessToken)).body;
    expect(after.accepted).toBe(before.accepted + 1);
    expect(after.resolved).toBe(before.resolved + 1);
    expect(after.evaluations).toBe(before.evaluations + 1);
    expect(after.satisfied).toBe(before.satisfied + 1);
    const lp = await newPage();
    await staffUi(lp, 'leader', 'packages/dashboard');
    await lp.locator('#fig-accepted .dash-figure-value').waitFor();
    expect(await lp.locator('#fig-accepted .dash-figure-value').innerText()).toBe(String(after.accepted));
    expect(await lp.locator('#fig-satisfaction-rate .dash-figure-value').innerText()).toBe('100%');
    expect(await lp.locator('#fig-resolution-rate .dash-figure-value').innerText()).toBe('100%');
    await shotWhole(lp, 'staff-dashboard');
    const wide = await newPage(1280);
    await signIn(wide, server.origin, leader);
    await wide.goto(server.origin + '/#/packages/dashboard/index');
    await wide.locator('#fig-accepted .dash-figure-value').waitFor();
    await shotWhole(wide, 'staff-dashboard-1280');
    const wq = await newPage(1280);
    await signIn(wq, server.origin, await staffLogin(server.api, 'street-dispatcher'));
    await wq.goto(server.origin + '/#/packages/staff/queue/index');
    await tap(wq, '#tab-all');
    await wq.locator('#queue-list .queue-item').first().waitFor();
    await shotWhole(wq, 'staff-queue-1280');
  });

  it('handler returns a ticket with a reason; it shows under 被退回', async () => {
    const sd = await staffLogin(server.api, 'street-dispatcher');
    const t = await report(MEDIUM);
    await act(sd, t.id, { action: 'accept' });
    const d = (await api('GET', `/tickets/${t.id}`, undefined, sd.accessToken)).body;
    await act(sd, t.id, { action: 'dispatch', departmentId: d.suggestedDepartmentId });
    const hp = await newPage();
    await signIn(hp, server.origin, await staffLogin(server.api, 'handler'));
    await hp.goto(`${server.origin}/#/packages/staff/ticket/index?id=${t.id}`);
    await tap(hp, '#action-return');
    await tap(hp, '#action-submit');
    await hp.locator('#action-error-note').waitFor();
    await type(hp, '#action-note textarea', '不属于本所职责,建议交物业管理部门');
    // The form says who will read the reason: staff only.
    expect(await hp.locator('#action-note-visibility:visible').innerText()).toContain('仅工作人员可见');
    await tap(hp, '#action-submit');
    // Back at the centre, out of the handler's hands.
    await hp.locator('#page-error, #staff-ticket[data-status="accepted"]').first().waitFor();
    const dp = await newPage();
    await signIn(dp, server.origin, sd);
    await dp.goto(server.origin + '/#/packages/staff/queue/index');
    await tap(dp, '#tab-returned');
    await dp.locator(`#queue-list .queue-item[data-case-code="${t.caseCode}"]`).waitFor();
    await shotWhole(dp, 'staff-queue-returned');
  });

  it('dispatcher declines with reason and guidance, and overrides the triage', async () => {
    const sd = await staffLogin(server.api, 'street-dispatcher');
    const dp = await newPage();
    await signIn(dp, server.origin, sd);
    const a = await report(MEDIUM);
    await dp.goto(`${server.origin}/#/packages/staff/ticket/index?id=${a.id}`);
    await tap(dp, '#action-decline');
    await tap(dp, '#action-submit');
    await dp.locator('#action-error-note').waitFor();
    await dp.locator('#action-error-guidance').waitFor();
    await type(dp, '#action-note textarea', '属于民事合同纠纷,已进入诉讼程序');
    await type(dp, '#action-guidance textarea', '请按法院通知参加庭审');
    await shotWhole(dp, 'staff-decline-form');
    await tap(dp, '#action-submit');
    await waitStatus(dp, 'declined');

    const b = await report(MEDIUM);
    await dp.goto(`${server.origin}/#/packages/staff/ticket/index?id=${b.id}`);
    await tap(dp, '#override-open');
    await tap(dp, '#override-category-property');
    await type(dp, '#override-reason textarea', '实为物业管理责任,应由物业主管部门处理');
    await tap(dp, '#override-submit');
    await dp.locator('#ticket-overridden').waitFor();
    expect((await api('GET', `/tickets/${b.id}`, undefined, sd.accessToken)).body.category).toBe('property');
    await shotWhole(dp, 'staff-ticket-overridden');
  });

  it('dispatcher escalates with a reason to the district centre', async () => {
    const sd = await staffLogin(server.api, 'street-dispatcher');
    const t = await report(MEDIUM);
    await act(sd, t.id, { action: 'accept' });
    const dp = await newPage();
    await signIn(dp, server.origin, sd);
    await dp.goto(`${server.origin}/#/packages/staff/ticket/index?id=${t.id}`);
    await tap(dp, '#action-escalate');
    await type(dp, '#action-note textarea', '涉及多个街道,需区级协调');
    await tap(dp, '#action-submit');
    await dp.locator('#action-form').waitFor({ state: 'detached' });
    const district = await staffLogin(server.api, 'dispatcher');
    const seen = await api('GET', `/tickets/${t.id}`, undefined, district.accessToken);
    expect(seen.status).toBe(200);
    expect(seen.body.history.map((h: { action: string }) => h.action)).toContain('escalate');
    expect(seen.body.allowedActions).toContain('dispatch');
  });

  it('leader sees the red ticket on the dashboard and supervises it with one tap', async () => {
    const leader = await staffLogin(server.api, 'leader');
    // The lamp ticket had one minute to be signed for.
    const deadline = Date.now() + 90_000;
    for (;;) {
      const red = (await api('GET', '/stats/red-list', undefined, leader.accessToken)).body.items || [];
      if (red.some((x: { id: string }) => x.id === redTicketId)) break;
      if (Date.now() > deadline) throw new Error('the ticket never turned red');
      await new Promise((r) => setTimeout(r, 2000));
    }
    const lp = await newPage();
    await signIn(lp, server.origin, leader);
    await lp.goto(server.origin + '/#/packages/dashboard/index');
    await lp.locator(`#supervise-${redTicketId}`).waitFor();
    await shotWhole(lp, 'staff-dashboard-red');
    await tap(lp, `#supervise-${redTicketId}`);
    await lp.locator('.red-meta', { hasText: '已督办1次' }).waitFor();
    const h = (await api('GET', `/tickets/${redTicketId}`, undefined, leader.accessToken)).body.history;
    expect(h.filter((x: { action: string; actor: { role: string } }) => x.action === 'supervise' && x.actor.role === 'leader')).toHaveLength(1);
  });

  it('raised no uncaught errors in any page', () => {
    expect(jsErrors).toEqual([]);
  });
});

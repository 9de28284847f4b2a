import type { Browser, Page } from 'playwright-core';
import { apiCall, expectNoHorizontalOverflow, launchBrowser, phonePage, setAppStorage, shot, shotWhole, signIn, startServer, tap, type ApiSession, type Server } from './harness';
import { feedbackAgain, resolveTicket, residentWithReport } from './workflow-helpers';

jest.setTimeout(180_000);

describe('resident follows a case to the end and rates it (H5)', () => {
  let server: Server;
  let browser: Browser;
  let page: Page;
  let resident: ApiSession;
  let handler: ApiSession;
  let ticket: { id: string; caseCode: string };
  const phone = '13912340002';

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = (await phonePage(browser)).page;
    ({ resident, ticket } = await residentWithReport(server.api, phone, '楼上邻居家卫生间漏水到我家天花板,找了几次都不肯修,墙皮都泡坏了'));
    ({ handler } = await resolveTicket(server.api, ticket.id));
    await signIn(page, server.origin, resident, phone);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the road like a parcel tracker, the answer before the rating, no internal note', async () => {
    await page.goto(server.origin + '/#/pages/mine/index');
    const item = page.locator(`#mine-list .mine-item[data-case-code="${ticket.caseCode}"]`);
    await item.waitFor();
    expect(await item.getAttribute('data-status')).toBe('resolved');
    await item.tap();
    await page.locator('#case-detail').waitFor();
    const progress = await page.locator('#case-progress').innerText();
    for (const step of ['您提交了反映', '综治中心已受理', '已转交', '办理,预计', '已接手,正在办理', '已答复:调解成功']) expect(progress).toContain(step);
    // The dispatcher's instruction to the department is internal.
    expect(await page.locator('#case-detail').innerText()).not.toContain('请尽快办理');
    expect(await page.locator('#case-detail').innerText()).not.toMatch(/已销号|已交办|正常/);
    const states = await page.locator('#progress-steps .progress-step').evaluateAll((els) => els.map((e) => e.getAttribute('data-state')));
    expect(states).toEqual(['done', 'done', 'done', 'done', 'done', 'current']);
    // Newest first: the answer leads.
    expect(await page.locator('#progress-events .progress-event-text').first().innerText()).toContain('已答复:调解成功');
    await page.locator('#evaluation-form').waitFor();
    // The department's answer and photo come before the rating buttons.
    expect(await page.locator('#case-answer').innerText()).toContain('经调解,双方达成一致');
    await page.locator('#case-answer-photos img').first().waitFor();
    const answerFirst = await page.evaluate(() => {
      const a = document.querySelector('#case-answer')!;
      const f = document.querySelector('#evaluation-form')!;
      return !!(a.compareDocumentPosition(f) & Node.DOCUMENT_POSITION_FOLLOWING);
    });
    expect(answerFirst).toBe(true);
    await shot(page, 'resident-case-resolved');
    await expectNoHorizontalOverflow(page);
    // The same page in 大字模式: still no sideways scrolling, the six steps still fit.
    await setAppStorage(page, server.origin, { 'zz.largeText': true });
    await page.reload();
    await page.locator('#case-progress').waitFor();
    await page.waitForFunction(() => document.documentElement.classList.contains('zz-large'));
    await shotWhole(page, 'resident-case-resolved-large');
    await expectNoHorizontalOverflow(page);
    const rows = await page.locator('#progress-steps .progress-step-label').evaluateAll((els) => new Set(els.map((e) => Math.round(e.getBoundingClientRect().top))).size);
    expect(rows).toBe(1);
    await setAppStorage(page, server.origin, { 'zz.largeText': false });
    await page.reload();
    await page.locator('#evaluation-form').waitFor();
  });

  it('the share page (lookup by code and phone) shows the same road and no internal note', async () => {
    const { page: anon } = await phonePage(browser);
    await anon.goto(server.origin + `/#/packages/case/lookup/index?code=${encodeURIComponent(ticket.caseCode)}`);
    await anon.locator('#lookup-submit').waitFor();
    await anon.locator('#lookup-phone input').fill(phone);
    await tap(anon, '#lookup-submit');
    await anon.locator('#lookup-result #case-progress').waitFor();
    const text = await anon.locator('#lookup-result').innerText();
    expect(text).toContain('已答复:调解成功');
    expect(text).not.toContain('请尽快办理');
    expect(text).not.toMatch(/已销号|已交办/);
    await shot(anon, 'public-lookup-progress');
    await expectNoHorizontalOverflow(anon);
    await anon.context().close();
  });

  it('不满意 explains 重办, and the case goes back to 办理中', async () => {
    await tap(page, '#eval-unsatisfied');
    await page.locator('#eval-unsatisfied-hint').waitFor();
    expect(await page.locator('#eval-unsatisfied-hint').innerText()).toContain('重办');
    await page.locator('#eval-note textarea').fill('漏水还没有修好,只是口头答应');
    await shot(page, 'resident-evaluate-unsatisfied');
    await tap(page, '#eval-submit');
    await page.locator('#eval-done').waitFor();
    expect(await page.locator('#eval-done').innerText()).toContain('重新办理');
    expect(await page.locator('#case-detail').getAttribute('data-status')).toBe('in_progress');
    await page.getByText('办理中').first().waitFor();
    expect(await page.locator('#evaluation-form').count()).toBe(0);
    await shot(page, 'resident-evaluate-reopened');
  });

  it('满意 after the second feedback closes the case', async () => {
    await feedbackAgain(server.api, handler, ticket.id);
    await page.reload();
    await page.locator('#evaluation-form').waitFor();
    await tap(page, '#eval-satisfied');
    await tap(page, '#eval-submit');
    await page.locator('#eval-done').waitFor();
    expect(await page.locator('#case-detail').getAttribute('data-status')).toBe('closed');
    await shot(page, 'resident-evaluate-closed');
    const t = await apiCall<{ status: string }>(server.api, 'GET', `/tickets/${ticket.id}`, undefined, resident.accessToken);
    expect(t.body.status).toBe('closed');
  });

  it('shows messages with an unread badge when the server has a message box', async () => {
    const probe = await apiCall<{ unread: number }>(server.api, 'GET', '/messages/unread-count', undefined, resident.accessToken);
    await page.goto(server.origin + '/#/pages/mine/index');
    await page.locator('#mine-messages').waitFor();
    if (probe.status === 404) {
      // Not built yet on this server: no badge, an empty box, no error.
      expect(await page.locator('#mine-messages-badge').count()).toBe(0);
      await tap(page, '#mine-messages');
      await page.locator('#page-empty').waitFor();
      await shot(page, 'resident-messages');
      return;
    }
    expect(probe.body.unread).toBeGreaterThan(0);
    await page.locator('#mine-messages-badge').waitFor();
    expect(await page.locator('.weui-tabbar__item .weui-badge').first().innerText()).toBe(String(probe.body.unread > 99 ? '99+' : probe.body.unread));
    await shot(page, 'resident-mine-badge');
    await tap(page, '#mine-messages');
    await page.locator('#messages-list .message-item').first().waitFor();
    await shot(page, 'resident-messages');
    await tap(page, '#messages-read-all');
    await page.locator('#messages-list .message-item[data-read="false"]').first().waitFor({ state: 'detached' });
    await page.locator('#messages-list .message-item').first().tap();
    await page.locator('#case-detail').waitFor();
    await page.goto(server.origin + '/#/pages/mine/index');
    await page.locator('#mine-messages').waitFor();
    await page.waitForTimeout(800);
    expect(await page.locator('#mine-messages-badge').count()).toBe(0);
  });
});

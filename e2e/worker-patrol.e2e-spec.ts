import type { Browser, Page } from 'playwright-core';
import { apiCall, expectNoHorizontalOverflow, launchBrowser, phonePage, setAppStorage, shot, shotWhole, signIn, staffLogin, startServer, tap, testJpeg, type ApiSession, type Server } from './harness';

jest.setTimeout(180_000);

describe('grid worker: today’s patrol, an event found, settled on the spot (H5)', () => {
  let server: Server;
  let browser: Browser;
  let page: Page;
  let worker: ApiSession;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = (await phonePage(browser)).page;
    worker = await staffLogin(server.api, 'grid-worker');
    await signIn(page, server.origin, worker);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('opening the app as a grid worker lands on the worker home', async () => {
    await page.goto(server.origin + '/');
    await page.waitForFunction(() => location.hash.includes('/packages/worker/home/index'), undefined, { timeout: 15_000 });
    await page.locator('#worker-home').waitFor();
    await page.locator('#patrol-card').waitFor();
    await shot(page, 'worker-home');
    await expectNoHorizontalOverflow(page);
  });

  it('starts a patrol and logs a note with a photo', async () => {
    await tap(page, '#patrol-start');
    await page.locator('#patrol-open').waitFor();
    await page.locator('#patrol-note textarea').fill('幸福小区3号楼消防通道畅通,楼道无杂物');
    await page.locator('#patrol-open #photo-picker input[type=file]').setInputFiles(await testJpeg(page, '巡查'));
    await page.locator('#patrol-open #photo-picker .photo-picker-item[data-status="done"]').waitFor({ timeout: 20_000 });
    await tap(page, '#patrol-entry-submit');
    await page.locator('#patrol-entries .patrol-entry').first().waitFor();
    expect(await page.locator('#patrol-entries').innerText()).toContain('消防通道畅通');
    // The saved entry shows its photo.
    await page.locator('#patrol-entries .worker-entry-photo').first().waitFor({ timeout: 15_000 });
    await shot(page, 'worker-patrol-open');
  });

  let caseCode = '';
  let ticketId = '';
  it('reports an event found on patrol with the same form', async () => {
    await tap(page, '#patrol-report');
    await page.locator('#report-submit').waitFor();
    expect(await page.locator('#report-anonymous').count()).toBe(0);
    await page.locator('#report-text textarea:visible').fill('5号楼楼道有电动车充电,飞线从窗户拉下来,存在火灾隐患');
    await shot(page, 'worker-report-form');
    await tap(page, '#report-submit');
    await page.locator('#worker-report-done').waitFor({ timeout: 20_000 });
    caseCode = (await page.locator('#worker-case-code').innerText()).trim();
    const list = await apiCall<{ items: { id: string; caseCode: string; channel: string }[] }>(server.api, 'GET', '/tickets?pageSize=50', undefined, worker.accessToken);
    const t = list.body.items.find((i) => i.caseCode === caseCode)!;
    expect(t.channel).toBe('grid_patrol');
    ticketId = t.id;
    // 飞线充电 is a fire hazard: going back to the centre is the main button, 现场化解 only a secondary one.
    await page.locator('#worker-escalate-hint').waitFor();
    expect(await page.locator('#worker-back').getAttribute('class')).toContain('btn-primary');
    expect(await page.locator('#worker-settle').getAttribute('class')).toContain('btn-secondary');
    await shot(page, 'worker-report-done');
  });

  it('settles it on the spot with the outcome and a photo', async () => {
    await tap(page, '#worker-settle');
    await page.locator('#settle-form').waitFor();
    await tap(page, '#settle-handled');
    await page.locator('#settle-note textarea').fill('已当场劝导住户将电动车推到楼下集中充电点,飞线已拆除');
    // Taro H5 keeps earlier pages of the stack in the DOM (hidden): scope to this page.
    await page.locator('#settle-form #photo-picker input[type=file]').setInputFiles(await testJpeg(page, '已整改'));
    await page.locator('#settle-form #photo-picker .photo-picker-item[data-status="done"]').waitFor({ timeout: 20_000 });
    await shot(page, 'worker-settle-form');
    const allowed = (await apiCall<{ allowedActions: string[] }>(server.api, 'GET', `/tickets/${ticketId}`, undefined, worker.accessToken)).body.allowedActions;
    // Found on patrol in their own grid: theirs to settle.
    expect(allowed).toContain('settle_on_site');
    await tap(page, '#settle-submit');
    await page.locator('#settle-done').waitFor({ timeout: 20_000 });
    expect(await page.locator('#settle-done').innerText()).toContain('已办结');
    const t = await apiCall<{ status: string }>(server.api, 'GET', `/tickets/${ticketId}`, undefined, worker.accessToken);
    expect(t.body.status).toBe('resolved');
    await shot(page, 'worker-settle-done');
  });

  it('back returns to the patrol (no stacked pages); the log lists the event, settled, with a link', async () => {
    await tap(page, '#settle-back');
    await page.locator('#worker-home:visible').waitFor();
    await page.waitForTimeout(800);
    expect(await page.locator('.taro_page').count()).toBe(1);
    const item = page.locator(`#patrol-open #patrol-tickets .worker-patrol-ticket[data-case-code="${caseCode}"]`);
    await item.waitFor({ timeout: 15_000 });
    expect(await item.innerText()).toContain(`现场化解 ${caseCode}`);
    expect(await page.locator('#worker-home').innerText()).not.toMatch(/风险风险|\?/);
    await shot(page, 'worker-patrol-log');
    await expectNoHorizontalOverflow(page);
  });

  it('finishing asks first, with the day so far, then shows the summary', async () => {
    await tap(page, '#patrol-finish');
    const modal = page.locator('.taro-modal__content:visible');
    await modal.waitFor();
    expect(await modal.innerText()).toMatch(/记录1条 · 上报1件 · 现场化解1件/);
    await shot(page, 'worker-patrol-finish-confirm');
    // 继续巡查 keeps it open.
    await page.locator('.taro-model__cancel:visible').tap();
    await page.waitForTimeout(400);
    expect(await page.locator('#patrol-open:visible').count()).toBe(1);
    await tap(page, '#patrol-finish');
    await page.locator('.taro-model__confirm:visible').tap();
    await page.locator('#patrol-start:visible').waitFor();
    const summary = await page.locator('#patrol-summary').innerText();
    expect(summary).toMatch(/\d\d:\d\d–\d\d:\d\d · 记录1条 · 上报1件 · 现场化解1件/);
    await page.locator('#patrol-finished .patrol-finished-item:visible').first().waitFor();
    expect(await page.locator('#patrol-finished').innerText()).not.toContain('?');
    await page.locator('#patrol-finished .worker-entry-photo').first().waitFor();
    await shot(page, 'worker-patrol-finished');
    await expectNoHorizontalOverflow(page);
    // The same in 大字模式: no sideways scrolling, buttons at least 56 px.
    await setAppStorage(page, server.origin, { 'zz.largeText': true });
    await page.reload();
    await page.locator('#patrol-finished .patrol-finished-item:visible').first().waitFor();
    await page.waitForFunction(() => document.documentElement.classList.contains('zz-large'));
    await shotWhole(page, 'worker-patrol-finished-large');
    await expectNoHorizontalOverflow(page);
    const small = await page.evaluate(() =>
      Array.from(document.querySelectorAll('.btn'))
        .map((e) => e.getBoundingClientRect())
        .filter((r) => r.width > 0 && r.height < 56).length,
    );
    expect(small).toBe(0);
    await setAppStorage(page, server.origin, { 'zz.largeText': false });
  });

  it('raised no uncaught errors', () => {
    expect((page as Page & { jsErrors: string[] }).jsErrors).toEqual([]);
  });
});

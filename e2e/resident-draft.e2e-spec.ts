import type { Browser, Page } from 'playwright-core';
import { apiCall, launchBrowser, phonePage, residentLogin, shot, signIn, startServer, tap, type ApiSession, type Server } from './harness';

jest.setTimeout(120_000);

/** A weak signal: the report is kept, retried with the same key, and never becomes two cases. */
describe('resident report on a weak network (H5)', () => {
  let server: Server;
  let browser: Browser;
  let page: Page;
  let resident: ApiSession;
  const phone = '13912340001';
  const text = '楼上邻居每天夜里十二点以后还在装修,电钻声音很大,老人孩子都睡不好';

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = (await phonePage(browser)).page;
    resident = await residentLogin(server.api, phone);
    await signIn(page, server.origin, resident, phone);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const mine = async () => (await apiCall<{ items: { caseCode: string }[] }>(server.api, 'GET', '/reports/mine', undefined, resident.accessToken)).body.items;

  it('says it is retrying, then that the draft is saved, when the network is down', async () => {
    await page.route('**/api/v1/reports', (route) => (route.request().method() === 'POST' ? route.abort('internetdisconnected') : route.continue()));
    await page.goto(server.origin + '/#/pages/report/index');
    await page.locator('#report-submit').waitFor();
    await page.locator('#report-text textarea').fill(text);
    await tap(page, '#report-submit');
    await page.locator('#report-status').waitFor();
    expect(await page.locator('#report-status').innerText()).toBe('网络不佳,正在重试…');
    await shot(page, 'resident-report-retrying');
    await page.locator('#report-error').waitFor({ timeout: 30_000 });
    expect(await page.locator('#report-error').innerText()).toBe('提交失败,草稿已保存,可稍后重试');
    expect(await page.locator('#report-submit').innerText()).toContain('重新提交');
    await shot(page, 'resident-report-failed');
    expect(await mine()).toHaveLength(0);
  });

  it('offers the unsent report next time: 继续 brings it back', async () => {
    await page.unroute('**/api/v1/reports');
    await page.reload();
    await page.locator('#draft-prompt').waitFor();
    expect(await page.locator('#draft-prompt').innerText()).toContain('继续上次未提交的反映?');
    await shot(page, 'resident-draft-prompt');
    await tap(page, '#draft-resume');
    await page.locator('#draft-prompt').waitFor({ state: 'detached' });
    expect(await page.locator('#report-text textarea').inputValue()).toBe(text);
  });

  it('a lost answer is retried with the same key and makes one case, not two', async () => {
    // The server gets the report, but the answer never reaches the phone (twice).
    let lost = 0;
    await page.route('**/api/v1/reports', async (route) => {
      if (route.request().method() !== 'POST' || lost >= 2) return route.continue();
      lost += 1;
      await route.fetch();
      await route.abort('connectionreset');
    });
    await tap(page, '#report-submit');
    await page.locator('#case-code').waitFor({ timeout: 30_000 });
    const code = (await page.locator('#case-code').innerText()).trim();
    expect(lost).toBe(2);
    const items = await mine();
    expect(items.map((i) => i.caseCode)).toEqual([code]);
    await page.unroute('**/api/v1/reports');
  });

  it('丢弃 forgets a draft', async () => {
    await page.goto(server.origin + '/#/pages/report/index');
    await page.reload();
    await page.locator('#report-submit').waitFor();
    await page.locator('#report-text textarea:visible').fill('写了一半的内容');
    await page.waitForTimeout(600); // saved on the device as it is typed
    await page.reload();
    await tap(page, '#draft-discard');
    await page.locator('#draft-prompt').waitFor({ state: 'detached' });
    expect(await page.locator('#report-text textarea').inputValue()).toBe('');
    await page.reload();
    await page.locator('#report-submit').waitFor();
    await page.waitForTimeout(500);
    expect(await page.locator('#draft-prompt').count()).toBe(0);
  });
});

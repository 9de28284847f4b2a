import type { Browser, Page } from 'playwright-core';
import { checkCaseCode } from '@zongzhi/shared';
import { launchBrowser, phonePage, shot, startServer, tap, type, type Server } from './harness';

jest.setTimeout(120_000);

describe('resident on the H5 build (embedded database, as npm start runs it)', () => {
  let server: Server;
  let browser: Browser;
  let page: Page;
  const phone = '13912345678';
  let caseCode = '';

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = (await phonePage(browser)).page;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('logs in with an SMS code', async () => {
    await page.goto(server.origin + '/');
    await page.getByText('我要反映').first().waitFor();
    await shot(page, 'resident-home');
    await page.goto(server.origin + '/#/packages/auth/login/index');
    await type(page, '#login-phone input', phone);
    await tap(page, '#login-send');
    // The demo SMS provider shows the code and the form prefills it.
    await page.locator('#login-devcode').waitFor();
    await shot(page, 'resident-login');
    await tap(page, '#login-submit');
    await page.waitForFunction(() => !location.hash.includes('login'));
  });

  it('submits a report and sees its case code', async () => {
    await page.goto(server.origin + '/#/pages/report/index');
    await type(page, '#report-text textarea', '我们工地二十多个工人被拖欠工资三个月了,老板一直躲着不见人');
    await shot(page, 'resident-report-form');
    await tap(page, '#report-submit');
    const codeEl = page.locator('#case-code');
    await codeEl.waitFor({ timeout: 20_000 });
    caseCode = (await codeEl.innerText()).trim();
    expect(checkCaseCode(caseCode)).toEqual({ valid: true, code: caseCode });
    await shot(page, 'resident-report-success');
  });

  it('finds the report under 我的', async () => {
    await page.goto(server.origin + '/#/pages/mine/index');
    const item = page.locator(`#mine-list .mine-item[data-case-code="${caseCode}"]`);
    await item.waitFor({ timeout: 15_000 });
    expect(await page.locator('#mine-list .mine-item').count()).toBe(1);
    await shot(page, 'resident-mine');
    await item.tap();
    await page.locator('#case-detail').waitFor();
    await page.getByText('已提交').first().waitFor();
    await shot(page, 'resident-case-detail');
  });

  it('looks the case up by code and phone without logging in', async () => {
    const { page: anon } = await phonePage(browser);
    await anon.goto(server.origin + '/#/packages/case/lookup/index');
    await type(anon, '#lookup-code input', caseCode.replace(/-/g, '').toLowerCase());
    await type(anon, '#lookup-phone input', phone);
    await tap(anon, '#lookup-submit');
    await anon.locator('#lookup-result').waitFor();
    expect(await anon.locator('#lookup-result').innerText()).toContain(caseCode);
    await shot(anon, 'public-lookup');
    // A mistyped code is refused before anything is asked of the server.
    const wrong = caseCode.slice(0, -1) + (caseCode.endsWith('0') ? '1' : '0');
    await type(anon, '#lookup-code input', wrong);
    await tap(anon, '#lookup-submit');
    await anon.locator('#lookup-code-error').waitFor();
  });

  it('raised no uncaught errors in the page', () => {
    expect((page as Page & { jsErrors: string[] }).jsErrors).toEqual([]);
  });
});

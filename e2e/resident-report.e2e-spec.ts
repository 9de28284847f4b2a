import type { Browser, Page } from 'playwright-core';
import { checkCaseCode } from '@zongzhi/shared';
import { expectNoHorizontalOverflow, launchBrowser, phonePage, shot, startServer, tap, testJpeg, type, type Server } from './harness';

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

  it('asks for privacy consent on first open, once', async () => {
    await page.goto(server.origin + '/');
    await page.locator('#privacy-modal').waitFor();
    expect(await page.locator('#privacy-modal').innerText()).toContain('隐私保护指引');
    await shot(page, 'resident-privacy');
    await tap(page, '#privacy-agree');
    await page.locator('#privacy-modal').waitFor({ state: 'detached' });
    await page.locator('#home-login-card').waitFor();
    await shot(page, 'resident-home');
    await expectNoHorizontalOverflow(page);
    await page.reload();
    await page.locator('#home-report').waitFor();
    await page.waitForTimeout(500);
    expect(await page.locator('#privacy-modal').count()).toBe(0);
  });

  it('logs in with an SMS code', async () => {
    await tap(page, '#home-login');
    await type(page, '#login-phone input', phone);
    await tap(page, '#login-send');
    // The demo SMS provider shows the code and the form prefills it.
    await page.locator('#login-devcode').waitFor();
    await shot(page, 'resident-login');
    await tap(page, '#login-submit');
    await page.waitForFunction(() => !location.hash.includes('login'));
  });

  it('submits a report with an example, a photo and a live hint, and sees its case code', async () => {
    await page.goto(server.origin + '/#/pages/report/index');
    await page.locator('#report-submit').waitFor();
    // The phone from the SMS login is prefilled.
    expect(await page.locator('#report-phone input').inputValue()).toBe(phone);
    await tap(page, '#report-examples .report-example >> text=拖欠工资');
    expect(await page.locator('#report-text textarea').inputValue()).toBe('拖欠工资,');
    await page.locator('#report-text textarea').pressSequentially('我们工地二十多个工人被拖欠三个月了,老板一直躲着不见人', { delay: 5 });
    // The hint: what kind of matter and who handles it, while typing.
    await page.locator('#triage-hint').waitFor({ timeout: 10_000 });
    expect(await page.locator('#triage-hint').innerText()).toContain('将由劳动保障监察处理');
    await page.locator('#photo-picker input[type=file]').setInputFiles(await testJpeg(page));
    await page.locator('#photo-picker .photo-picker-item[data-status="done"]').waitFor({ timeout: 20_000 });
    expect(await page.locator('#report-anonymous-hint').innerText()).toContain('看不到您的姓名和手机号');
    await shot(page, 'resident-report-form');
    await expectNoHorizontalOverflow(page);
    await tap(page, '#report-submit');
    const codeEl = page.locator('#case-code');
    await codeEl.waitFor({ timeout: 20_000 });
    caseCode = (await codeEl.innerText()).trim();
    expect(checkCaseCode(caseCode)).toEqual({ valid: true, code: caseCode });
    expect(await page.locator('#success-next').innerText()).toContain('综治中心将于24小时内受理');
    // The page ignores taps for a moment, so a quick extra tap on 提交 cannot skip the code.
    await page.locator('#success-home[data-settled="true"]').waitFor();
    // No Web Share API in headless Chromium: the text with the lookup link is copied instead.
    await tap(page, '#case-share');
    await page.locator('#case-share-note').waitFor();
    await shot(page, 'resident-report-success');
    await expectNoHorizontalOverflow(page);
  });

  it('finds the report under 我的', async () => {
    await page.goto(server.origin + '/#/pages/mine/index');
    const item = page.locator(`#mine-list .mine-item[data-case-code="${caseCode}"]`);
    await item.waitFor({ timeout: 15_000 });
    expect(await page.locator('#mine-list .mine-item').count()).toBe(1);
    await shot(page, 'resident-mine');
    await item.tap();
    await page.locator('#case-detail').waitFor();
    await page.getByText('等待受理').first().waitFor();
    expect(await page.locator('#case-progress').innerText()).toContain('您提交了反映');
    await page.locator('#case-photos img').first().waitFor();
    await shot(page, 'resident-case-detail');
  });

  it('looks the case up by code and phone without logging in', async () => {
    const { page: anon } = await phonePage(browser);
    // The shared link fills the code in.
    await anon.goto(server.origin + `/#/packages/case/lookup/index?code=${encodeURIComponent(caseCode)}`);
    await anon.locator('#lookup-submit').waitFor();
    await anon.waitForFunction((code) => (document.querySelector('#lookup-code input') as HTMLInputElement)?.value === code, caseCode);
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

import type { Browser, Page } from 'playwright-core';
import { expectNoHorizontalOverflow, launchBrowser, phonePage, PRIVACY_AGREED, setAppStorage, shot, startServer, tap, type Server } from './harness';

jest.setTimeout(90_000);

describe('大字模式 (H5)', () => {
  let server: Server;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = (await phonePage(browser)).page;
    await setAppStorage(page, server.origin, PRIVACY_AGREED);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const labelSize = () => page.locator('.report-form .label').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));

  it('body text is at least 16 px and tap targets at least 44 px by default', async () => {
    await page.goto(server.origin + '/#/pages/report/index');
    await page.locator('#report-submit').waitFor();
    expect(await labelSize()).toBeGreaterThanOrEqual(16);
    const small = await page.evaluate(() =>
      Array.from(document.querySelectorAll('#report-submit, .report-example, #location-use-current, #photo-picker-add'))
        .map((el) => el.getBoundingClientRect())
        .filter((r) => r.height < 44).length,
    );
    expect(small).toBe(0);
  });

  it('the switch in 我的 enlarges everything, and it is remembered', async () => {
    const before = await labelSize();
    await page.goto(server.origin + '/#/pages/mine/index');
    await page.locator('#mine-large-text').waitFor();
    await tap(page, '#mine-large-text');
    await page.waitForFunction(() => document.documentElement.classList.contains('zz-large'));
    await shot(page, 'resident-mine-large');
    await page.goto(server.origin + '/#/pages/report/index');
    await page.reload();
    await page.locator('#report-submit').waitFor();
    const after = await labelSize();
    expect(after).toBeGreaterThanOrEqual(before * 1.2);
    await shot(page, 'resident-report-large');
    await expectNoHorizontalOverflow(page);
  });
});

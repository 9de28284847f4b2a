import type { Browser } from 'playwright-core';
import { expectNoHorizontalOverflow, launchBrowser, phonePage, residentLogin, shot, signIn, staffLogin, startServer, tap, type Server } from './harness';

jest.setTimeout(120_000);

/** Hinted, not stated: debts, family gone, a farewell, "not coming back". */
const CRISIS = '欠的债这辈子是还不上了,老婆孩子也走了,活着真没意思。东西都送人了,跟我妈也道过别了,今晚去江边,不回来了';

/**
 * The crisis answer in the browser: a resident whose report hints at suicide
 * reads the hotlines before anything else, and the district dispatcher finds
 * the case at the top of the queue, marked urgent with its one-hour clock.
 */
describe('crisis answer on the H5 build (embedded database, as npm start runs it)', () => {
  let server: Server;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the resident reads the hotlines first; the dispatcher on duty finds it first in the queue', async () => {
    const { page } = await phonePage(browser);
    const phone = '13900002356';
    await signIn(page, server.origin, await residentLogin(server.api, phone), phone);
    await page.goto(server.origin + '/#/pages/report/index');
    await page.locator('#report-text textarea').fill(CRISIS);
    await tap(page, '#report-submit');
    const card = page.locator('#crisis-card');
    await card.waitFor({ timeout: 20_000 });
    expect(await card.innerText()).toContain('12356');
    // Before anything else: the card is the first thing on the page, above the case code.
    const cardBox = (await card.boundingBox())!;
    const codeBox = (await page.locator('#case-code').boundingBox())!;
    expect(cardBox.y).toBeLessThan(codeBox.y);
    expect(cardBox.y).toBeLessThan(200);
    expect(await page.locator('#success-next').innerText()).toContain('1小时内');
    await shot(page, 'resident-crisis-success');
    expect((page as unknown as { jsErrors: string[] }).jsErrors).toEqual([]);

    const { page: desk } = await phonePage(browser);
    await signIn(desk, server.origin, await staffLogin(server.api, 'dispatcher'));
    await desk.goto(server.origin + '/#/packages/staff/queue/index');
    const first = desk.locator('#queue-list .queue-item').first();
    await first.waitFor({ timeout: 20_000 });
    expect(await first.innerText()).toContain('紧急·危机干预');
    expect(await first.innerText()).toMatch(/受理剩余 (59|60)分|受理剩余 1小时0分/);
    expect(await desk.locator('#duty-toggle').innerText()).toBe('值班中');
    await shot(desk, 'staff-crisis-queue');
    await first.click();
    await desk.locator('#staff-ticket #crisis-card').waitFor();
    expect(await desk.locator('#ticket-flags').innerText()).toContain('自伤自杀风险');

    // The same on a dispatcher's desktop: the card first, nothing wider than the window.
    const wide = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    const wp = await wide.newPage();
    await signIn(wp, server.origin, await staffLogin(server.api, 'dispatcher'));
    await wp.goto(server.origin + '/#/packages/staff/queue/index');
    await wp.locator('#queue-list .queue-item').first().waitFor({ timeout: 20_000 });
    await shot(wp, 'staff-crisis-queue-1280');
    await wp.locator('#queue-list .queue-item').first().click();
    await wp.locator('#staff-ticket #crisis-card').waitFor();
    // Measured once the page has loaded in full (during loading the pull-to-refresh wrapper is briefly wider).
    await wp.locator('#ticket-flags').waitFor();
    await shot(wp, 'staff-crisis-ticket-1280');
    await expectNoHorizontalOverflow(wp);
    await wide.close();
  });
});

import type { Browser, BrowserContext, Page } from 'playwright-core';
import { gcj02ToWgs84 } from '@zongzhi/shared';
import { expectNoHorizontalOverflow, launchBrowser, phonePage, PRIVACY_AGREED, setAppStorage, shot, shotWhole, startServer, tap, testJpeg, type, type Server } from './harness';

jest.setTimeout(180_000);

/**
 * Issue 19, the resident's journey at 375 px: photos that wait for the login,
 * refused file types, nothing cut from the text, a kind request for detail,
 * the place in words with the grid map, an outside-grid notice, SMS attempts,
 * a success page that ignores a hasty tap, the H5 title bar and tab icons,
 * and 大字模式 with tap targets of at least 56 px.
 */
describe('resident journey: plain words, no dead ends (H5, 375 px)', () => {
  let server: Server;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const phone = '13912340019';
  // 东城街道幸福社区第1网格 (GCJ-02), as the browser's WGS-84 fix would give it.
  const EAST = gcj02ToWgs84({ lat: 39.87, lng: 116.32 });
  const HANGZHOU = { lat: 30.27177, lng: 120.15979 };

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    ({ context, page } = await phonePage(browser));
    await context.grantPermissions(['geolocation'], { origin: server.origin });
    await setAppStorage(page, server.origin, PRIVACY_AGREED);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const pdf = { name: '通知.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%…\n') };

  it('refuses a file that is not a photo at picking; a photo picked before logging in waits', async () => {
    await page.goto(server.origin + '/#/pages/report/index');
    await page.locator('#report-submit').waitFor();
    await page.locator('#photo-picker input[type=file]').setInputFiles([pdf, await testJpeg(page, '楼道')]);
    await page.locator('#photo-picker-notice').waitFor();
    expect(await page.locator('#photo-picker-notice').innerText()).toContain('只能添加照片');
    expect(await page.locator('#photo-picker .photo-picker-item').count()).toBe(1);
    expect(await page.locator('#photo-picker-add').innerText()).toContain('1/9');
    const item = page.locator('#photo-picker .photo-picker-item').first();
    expect(await item.getAttribute('data-status')).toBe('waiting');
    expect(await item.innerText()).toContain('登录后自动上传');
    await shot(page, 'journey-photo-waiting');
    await expectNoHorizontalOverflow(page);
  });

  it('after the SMS login the photo uploads by itself', async () => {
    await page.locator('#report-text textarea').fill('楼道里堆满了纸箱和旧家具,堵住了消防通道');
    await tap(page, '#report-submit');
    await page.locator('#login-phone').waitFor();
    await type(page, '#login-phone input', phone);
    await tap(page, '#login-send');
    await page.locator('#login-devcode').waitFor();
    await tap(page, '#login-submit');
    await page.waitForFunction(() => location.hash.includes('/pages/report/index'));
    await page.locator('#photo-picker .photo-picker-item[data-status="done"]').first().waitFor({ timeout: 20_000 });
    expect(await page.locator('#photo-picker .photo-picker-item[data-status="failed"]').count()).toBe(0);
    await shot(page, 'journey-photo-uploaded');
  });

  it('a 5,000-character paste is kept whole: the counter turns red and says how much to cut', async () => {
    const keep = await page.locator('#report-text textarea').inputValue();
    await page.locator('#report-text textarea').fill('楼'.repeat(5000));
    expect((await page.locator('#report-text textarea').inputValue()).length).toBe(5000);
    expect(await page.locator('#report-counter').innerText()).toBe('5000/2000');
    expect(await page.locator('#report-text-error').innerText()).toContain('内容超出3000字');
    await shot(page, 'journey-text-too-long');
    await tap(page, '#report-submit');
    await page.waitForTimeout(500);
    expect(page.url()).toContain('/pages/report/index');

    await page.locator('#report-text textarea').fill('😡😡😡😡😡😡');
    await tap(page, '#report-submit');
    await page.locator('#report-text-error').waitFor();
    expect(await page.locator('#report-text-error').innerText()).toContain('内容太少了,请再多写几句');
    await shot(page, 'journey-text-too-little');
    await page.locator('#report-text textarea').fill(keep);
  });

  it('the place is named from the organisation tree and drawn on the grid map', async () => {
    await context.setGeolocation({ latitude: EAST.lat, longitude: EAST.lng });
    await tap(page, '#location-use-current');
    await page.waitForFunction(() => /附近/.test(document.querySelector('#location-coords')?.textContent || ''), undefined, { timeout: 15_000 });
    expect(await page.locator('#location-coords').innerText()).toMatch(/^已定位:东城街道.+社区附近$/);
    expect(await page.locator('#location-coords').innerText()).not.toMatch(/\d+\.\d{4}/);
    expect(await page.locator('#location-outside').count()).toBe(0);
    await page.locator('#location-map').waitFor();
    await page.locator('#location-map').scrollIntoViewIfNeeded();
    await shot(page, 'journey-location');
    await expectNoHorizontalOverflow(page);
  });

  it('outside every grid: a clear notice (the API test checks the report still goes through, flagged)', async () => {
    // A fresh browser context: the first one keeps its last position for a minute.
    const { context: c2, page: p } = await phonePage(browser);
    await c2.grantPermissions(['geolocation'], { origin: server.origin });
    await c2.setGeolocation({ latitude: HANGZHOU.lat, longitude: HANGZHOU.lng });
    await setAppStorage(p, server.origin, PRIVACY_AGREED);
    await p.goto(server.origin + '/#/pages/report/index');
    await p.locator('#report-submit').waitFor();
    await tap(p, '#location-use-current');
    await p.locator('#location-outside').waitFor({ timeout: 15_000 });
    expect(await p.locator('#location-outside').innerText()).toContain('不在本系统服务的网格范围内');
    expect(await p.locator('#location-coords').innerText()).toBe('已定位:不在服务范围内');
    // Another city: no map of our grids shrunk to a dot, the notice says it all.
    expect(await p.locator('#location-map').count()).toBe(0);
    await p.locator('#location-outside').scrollIntoViewIfNeeded();
    await shot(p, 'journey-location-outside');
    await expectNoHorizontalOverflow(p);
    await c2.close();
  });

  let caseCode = '';
  it('the success page ignores a hasty extra tap, so the case code is seen', async () => {
    await tap(page, '#report-submit');
    await page.locator('#case-code').waitFor({ timeout: 20_000 });
    // The third tap of an impatient finger lands where 返回首页 is: nothing happens.
    await page.locator('#success-home').tap();
    await page.waitForTimeout(300);
    expect(page.url()).toContain('/packages/report/success/index');
    caseCode = (await page.locator('#case-code').innerText()).trim();
    await page.locator('#success-home[data-settled="true"]').waitFor();
    await shot(page, 'journey-success');
    await setAppStorage(page, server.origin, { 'zz.largeText': true });
    await page.reload();
    await page.locator('#case-code').waitFor();
    await shotWhole(page, 'journey-success-large');
    await expectNoHorizontalOverflow(page);
    await setAppStorage(page, server.origin, { 'zz.largeText': false });
  });

  it('H5 has a title bar with a back button, and the tab bar has icons', async () => {
    await page.goto(server.origin + '/#/pages/mine/index');
    const item = page.locator(`#mine-list .mine-item[data-case-code="${caseCode}"]`);
    await item.waitFor({ timeout: 15_000 });
    const icons = await page.locator('.weui-tabbar__icon').evaluateAll((els) => els.map((e) => (e as HTMLImageElement).naturalWidth));
    expect(icons).toHaveLength(3);
    for (const w of icons) expect(w).toBeGreaterThan(0);
    await item.tap();
    await page.locator('#case-progress').waitFor();
    const bar = page.locator('#taro-navigation-bar');
    expect(await bar.getAttribute('class')).toContain('taro-navigation-bar-show');
    expect(await bar.getAttribute('class')).toContain('taro-navigation-bar-back-icon');
    const back = page.locator('#taro-navigation-bar .taro-navigation-bar-back');
    await back.waitFor({ state: 'visible' });
    expect(await back.evaluate((e) => getComputedStyle(e, '::after').content)).toBe('"返回"');
    const box = (await back.boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(44);
    expect(await page.locator('#case-progress').innerText()).toContain('您提交了反映');
    await shot(page, 'journey-title-bar');
    await back.tap();
    await page.waitForFunction(() => location.hash.includes('/pages/mine/index'));
  });

  /** Visible controls smaller than `min` CSS px high, by selector. */
  const smallTargets = (p: Page, selectors: string, min: number) =>
    p.evaluate(
      ({ selectors, min }) =>
        Array.from(document.querySelectorAll(selectors))
          .filter((el) => {
            const r = el.getBoundingClientRect();
            return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
          })
          .filter((el) => el.getBoundingClientRect().height < min)
          .map((el) => `${el.id || (el as HTMLElement).className}:${Math.round(el.getBoundingClientRect().height)}`),
      { selectors, min },
    );

  it('大字模式 enlarges the controls too (tap targets ≥ 56 px) and the address placeholder is not clipped', async () => {
    await setAppStorage(page, server.origin, { 'zz.largeText': true });
    await page.goto(server.origin + '/#/pages/report/index');
    await page.reload();
    await page.locator('#report-submit').waitFor();
    await page.waitForFunction(() => document.documentElement.classList.contains('zz-large'));
    // Pages hidden by the router measure 0 × 0 and are skipped.
    const controls = '.btn, .input, .location-btn, .report-example, #photo-picker-add, .weui-tabbar__item, #taro-navigation-bar.taro-navigation-bar-show';
    expect(await smallTargets(page, controls, 56)).toEqual([]);
    const clipped = await page.evaluate(() => {
      const input = document.querySelector('#location-address input') as HTMLInputElement;
      const cs = getComputedStyle(input);
      const ctx = document.createElement('canvas').getContext('2d')!;
      ctx.font = `${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
      const room = input.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
      return ctx.measureText(input.placeholder).width > room;
    });
    expect(clipped).toBe(false);
    await shotWhole(page, 'journey-report-large');
    await expectNoHorizontalOverflow(page);

    await page.goto(server.origin + `/#/pages/mine/index`);
    await page.locator(`#mine-list .mine-item[data-case-code="${caseCode}"]`).tap();
    await page.locator('#case-progress').waitFor();
    expect(await smallTargets(page, '#taro-navigation-bar .taro-navigation-bar-back', 56)).toEqual([]);
    await shotWhole(page, 'journey-case-large');
    await expectNoHorizontalOverflow(page);
    await setAppStorage(page, server.origin, { 'zz.largeText': false });
  });

  it('SMS: each wrong code says how many tries are left; the lock says when a new code can be sent', async () => {
    const { page: p } = await phonePage(browser);
    await setAppStorage(p, server.origin, PRIVACY_AGREED);
    await p.goto(server.origin + '/#/packages/auth/login/index');
    await type(p, '#login-phone input', '13912340020');
    await tap(p, '#login-send');
    const dev = (await p.locator('#login-devcode').innerText()).replace(/\D/g, '');
    const wrong = dev === '000000' ? '111111' : '000000';
    for (let i = 4; i >= 0; i--) {
      await p.locator('#login-code input').fill(wrong);
      await tap(p, '#login-submit');
      if (i > 0) {
        await p.waitForFunction((n) => (document.querySelector('#login-code-error')?.textContent || '').includes(`还可尝试${n}次`), i);
        if (i === 2) await shot(p, 'journey-sms-attempts');
      }
    }
    await p.waitForFunction(() => /错误次数过多/.test(document.querySelector('#login-code-error')?.textContent || ''));
    const text = await p.locator('#login-code-error').innerText();
    // While the resend still counts down, it says so: never a bare 「重新获取」.
    expect(text).toMatch(/请\d+秒后重新获取/);
    expect(await p.locator('#login-send').innerText()).toMatch(/\d+秒后重发/);
    await shot(p, 'journey-sms-locked');
    await expectNoHorizontalOverflow(p);
    await setAppStorage(p, server.origin, { 'zz.largeText': true });
    await p.reload();
    await p.locator('#login-send').waitFor();
    await p.waitForFunction(() => document.documentElement.classList.contains('zz-large'));
    expect(await smallTargets(p, '.btn, .input', 56)).toEqual([]);
    await shot(p, 'journey-login-large');
    await expectNoHorizontalOverflow(p);
  });

  it('raised no uncaught errors', () => {
    expect((page as Page & { jsErrors: string[] }).jsErrors).toEqual([]);
  });
});

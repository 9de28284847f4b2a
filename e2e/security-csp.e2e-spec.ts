import type { Browser, Page } from 'playwright-core';
import { launchBrowser, phonePage, PRIVACY_AGREED, residentLogin, setAppStorage, startServer, tap, type Server } from './harness';

jest.setTimeout(120_000);

/**
 * The H5 build under the server's Content-Security-Policy: the page works
 * (boot script, first-paint shell, lazy chunks, styles, photos) with no
 * violation reported; the session refreshes silently and logs out cleanly.
 */
describe('H5 under the security headers (embedded database)', () => {
  let server: Server;
  let browser: Browser;
  let page: Page;
  const violations: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = (await phonePage(browser)).page;
    await page.context().addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        const w = window as unknown as { __csp?: string[] };
        (w.__csp ??= []).push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`);
      });
    });
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const cspViolations = async () => [...violations, ...((await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])) as string[])];

  it('serves / with a CSP (no framing, only our scripts), nosniff and a referrer policy', async () => {
    const res = await fetch(server.origin + '/');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/script-src 'self' 'sha256-/);
    expect(csp).not.toContain("'unsafe-eval'");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  });

  it('the app runs under it: privacy consent, home, report page shell and form, no violation', async () => {
    await page.goto(server.origin + '/');
    await page.locator('#privacy-modal').waitFor();
    await tap(page, '#privacy-agree');
    await page.locator('#home-login-card').waitFor();
    await page.goto(server.origin + '/#/pages/report/index');
    await page.locator('#report-submit').waitFor();
    // The stylesheet (loaded by an inline onload handler) applied: the submit button is styled, not a bare default.
    const styled = await page.evaluate(() => getComputedStyle(document.querySelector('#report-submit') as Element).borderRadius);
    expect(styled).not.toBe('0px');
    expect(await cspViolations()).toEqual([]);
    expect((page as Page & { jsErrors: string[] }).jsErrors).toEqual([]);
  });

  it('an injected inline script is blocked (the CSP is enforced, not just sent)', async () => {
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__injected = true';
      document.body.appendChild(s);
    });
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
    expect((await cspViolations()).some((v) => v.startsWith('script-src'))).toBe(true);
    violations.length = 0;
    await page.evaluate(() => ((window as unknown as { __csp?: string[] }).__csp = []));
  });

  it('an expired access token is refreshed silently; logout revokes the login and clears storage', async () => {
    const phone = '13912340000';
    const s = (await residentLogin(server.api, phone)) as { accessToken: string; refreshToken: string; user: unknown };
    // An access token the server no longer accepts, with a good refresh token beside it.
    await setAppStorage(page, server.origin, { ...PRIVACY_AGREED, 'zz.session': { accessToken: 'expired.' + s.accessToken, refreshToken: s.refreshToken, user: s.user, phone } });
    await page.goto(server.origin + '/#/pages/mine/index');
    await page.locator('#mine-logout').waitFor({ timeout: 20_000 });
    await page.waitForFunction(() => !(JSON.parse(localStorage.getItem('zz.session') || '{}').data?.accessToken ?? 'expired.').startsWith('expired.'));
    expect(page.url()).not.toContain('login');
    const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('zz.session') || '{}').data);
    expect(stored.refreshToken).not.toBe(s.refreshToken);

    await tap(page, '#mine-logout');
    await page.waitForFunction(() => localStorage.getItem('zz.session') === null);
    // The server forgot that login: neither its access token nor its refresh token work.
    await page.waitForTimeout(300);
    const me = await fetch(server.api + '/auth/me', { headers: { authorization: `Bearer ${stored.accessToken}` } });
    expect(me.status).toBe(401);
    const again = await fetch(server.api + '/auth/refresh', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ refreshToken: stored.refreshToken }) });
    expect(again.status).toBe(401);
    expect(await cspViolations()).toEqual([]);
  });
});

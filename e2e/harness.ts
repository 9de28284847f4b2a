import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const ROOT = join(__dirname, '..');
export const SHOTS = join(__dirname, 'screenshots');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

export interface Server {
  origin: string;
  api: string;
  dataDir: string;
  stop(): Promise<void>;
}

/**
 * Runs the built API exactly as `npm start` does — embedded database, H5
 * build served at `/`, demo data — on a free port with a fresh data folder.
 */
export async function startServer(env: Record<string, string> = {}): Promise<Server> {
  const main = join(ROOT, 'apps/api/dist/main.js');
  const h5 = join(ROOT, 'apps/miniprogram/dist/h5');
  if (!existsSync(main) || !existsSync(join(h5, 'index.html'))) throw new Error('build first: node scripts/build.mjs');
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'zz-e2e-'));
  mkdirSync(join(ROOT, '.data'), { recursive: true });
  const logFile = createWriteStream(join(ROOT, '.data', `e2e-server-${port}.log`));
  const child: ChildProcess = spawn(process.execPath, [main], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'development', DB_TYPE: 'sqlite', DATA_DIR: dataDir, H5_DIR: h5, PORT: String(port), HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.pipe(logFile);
  child.stderr!.pipe(logFile);
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}; see .data/e2e-server-${port}.log`);
    try {
      const r = await fetch(`${origin}/api/v1/health`);
      if (r.ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error('server did not become healthy in 30 s');
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    origin,
    api: `${origin}/api/v1`,
    dataDir,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

/** A phone-sized page (375 px wide, as the issue asks), Chinese locale. */
export async function phonePage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  (page as Page & { jsErrors: string[] }).jsErrors = errors;
  return { context, page };
}

export async function shot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  // Taro's H5 router slides pages in; let the transition finish first.
  await page.waitForTimeout(600);
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** Taps like a finger would: waits for the element to be visible first. */
/**
 * The visible match of a selector. Taro's H5 router keeps earlier pages in the
 * DOM, hidden, so the same id can exist on a page the person cannot see.
 */
export function visible(page: Page, selector: string) {
  return page.locator(selector).filter({ visible: true }).first();
}

export async function tap(page: Page, selector: string) {
  const el = visible(page, selector);
  await el.waitFor({ state: 'visible' });
  await el.tap();
}

export async function type(page: Page, selector: string, text: string) {
  const el = visible(page, selector);
  await el.waitFor({ state: 'visible' });
  await el.tap();
  await el.fill('');
  await el.pressSequentially(text, { delay: 5 });
}

// ---- helpers for the resident and grid-worker browser tests (additive) ----

export interface ApiSession {
  accessToken: string;
  user: { id: string; role: string; displayName: string; unitId?: string | null; departmentId?: string | null; gridId?: string | null };
}

/** A JSON call straight to the API (test setup and checks, not what the page does). */
export async function apiCall<T = any>(api: string, method: string, path: string, body?: unknown, token?: string, headers: Record<string, string> = {}): Promise<{ status: number; body: T }> {
  const r = await fetch(api + path, {
    method,
    headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await r.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: r.status, body: parsed as T };
}

export async function staffLogin(api: string, username: string): Promise<ApiSession> {
  const r = await apiCall<ApiSession>(api, 'POST', '/auth/login', { username, password: 'demo1234' });
  if (r.status >= 300) throw new Error(`login ${username}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

export async function residentLogin(api: string, phone: string): Promise<ApiSession> {
  const sent = await apiCall<{ devCode: string }>(api, 'POST', '/auth/sms/send', { phone });
  const r = await apiCall<ApiSession>(api, 'POST', '/auth/sms/verify', { phone, code: sent.body.devCode });
  if (r.status >= 300) throw new Error(`resident login: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** Writes Taro H5 storage (`localStorage[key] = {"data": value}`) for the app's origin. */
export async function setAppStorage(page: Page, origin: string, entries: Record<string, unknown>) {
  if (!page.url().startsWith(origin)) await page.goto(origin + '/api/v1/health');
  await page.evaluate((e) => {
    for (const [k, v] of Object.entries(e)) localStorage.setItem(k, JSON.stringify({ data: v }));
  }, entries);
}

export const PRIVACY_AGREED = { 'zz.privacyConsent': { version: '2026-11', at: '2026-11-25T00:00:00.000Z' } };

/** Puts a logged-in session (and the privacy consent) into the page's storage, as the login page would. */
export async function signIn(page: Page, origin: string, session: ApiSession, phone?: string) {
  await setAppStorage(page, origin, { ...PRIVACY_AGREED, 'zz.session': { accessToken: session.accessToken, user: session.user, ...(phone ? { phone } : {}) } });
}

/** A real JPEG made by the browser's own encoder, for `#photo-picker input[type=file]`. */
export async function testJpeg(page: Page, label = '现场'): Promise<{ name: string; mimeType: string; buffer: Buffer }> {
  const b64 = await page.evaluate(async (text) => {
    const c = document.createElement('canvas');
    c.width = 640;
    c.height = 480;
    const g = c.getContext('2d')!;
    g.fillStyle = '#4a7bb7';
    g.fillRect(0, 0, 640, 480);
    g.fillStyle = '#ffffff';
    g.font = '64px sans-serif';
    g.fillText(text, 40, 260);
    const blob: Blob = await new Promise((r) => c.toBlob((b) => r(b!), 'image/jpeg', 0.85));
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let s = '';
    bytes.forEach((b) => (s += String.fromCharCode(b)));
    return btoa(s);
  }, label);
  return { name: 'photo.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(b64, 'base64') };
}

/** Fails when anything on the page sticks out past the 375 px viewport. */
export async function expectNoHorizontalOverflow(page: Page) {
  const wide = await page.evaluate(() =>
    Array.from(document.querySelectorAll('body *'))
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.right > window.innerWidth + 1 && getComputedStyle(el).position !== 'fixed';
      })
      .map((el) => `${el.tagName.toLowerCase()}#${el.id}.${String((el as HTMLElement).className).slice(0, 40)}`)
      .slice(0, 5),
  );
  if (wide.length) throw new Error(`wider than the screen: ${wide.join(', ')}`);
}

// ---- helpers for the staff-side browser tests (additive) ----

/**
 * Like `shot`, but the whole page: Taro's H5 router scrolls inside its page
 * element, so a fullPage screenshot stops at the viewport. The viewport is
 * grown to the content for the picture and restored afterwards.
 */
export async function shotWhole(page: Page, name: string) {
  await page.waitForTimeout(600);
  const size = page.viewportSize();
  const height = await page.evaluate(() =>
    Math.max(document.documentElement.scrollHeight, ...Array.from(document.querySelectorAll('body *')).map((el) => (el as HTMLElement).scrollHeight)),
  );
  if (size && height > size.height) await page.setViewportSize({ width: size.width, height: Math.min(height, 6000) });
  await page.waitForTimeout(200);
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  if (size) await page.setViewportSize(size);
}

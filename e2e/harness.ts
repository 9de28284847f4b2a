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
    env: { ...process.env, NODE_ENV: 'development', DB_TYPE: 'sqljs', DATA_DIR: dataDir, H5_DIR: h5, PORT: String(port), HOST: '127.0.0.1', ...env },
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
export async function tap(page: Page, selector: string) {
  await page.locator(selector).first().waitFor({ state: 'visible' });
  await page.locator(selector).first().tap();
}

export async function type(page: Page, selector: string, text: string) {
  const el = page.locator(selector).first();
  await el.waitFor({ state: 'visible' });
  await el.tap();
  await el.fill('');
  await el.pressSequentially(text, { delay: 5 });
}

import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { wgs84ToGcj02 } from '@zongzhi/shared';
import { launchBrowser, phonePage, residentLogin, ROOT, shot, signIn, startServer, tap, visible, type Server } from './harness';

// sharp is a dependency of the API, not of the workspace root (its CommonJS typings, for the same reason)
const sharp = createRequire(join(ROOT, 'apps/api/package.json'))('sharp') as typeof import('../apps/api/node_modules/sharp/dist/index.cjs');

jest.setTimeout(120_000);

/** The mini-program's COMPRESS_ABOVE_BYTES: photos above it are re-encoded on the phone, which drops EXIF. */
const COMPRESS_ABOVE_BYTES = 2 * 1024 * 1024;

/** 39°54'26.40"N 116°23'29.40"E, as a camera writes it (WGS-84). */
const TAKEN_AT = { lat: 39 + 54 / 60 + 26.4 / 3600, lng: 116 + 23 / 60 + 29.4 / 3600 };

/** A camera-sized JPEG (3000×2250, gradient plus noise so it stays ~3 MB) with GPS EXIF. */
async function largeJpegWithGps(): Promise<Buffer> {
  const width = 3000;
  const height = 2250;
  const raw = randomBytes(width * height * 3);
  for (let i = 0; i < raw.length; i++) raw[i] = ((((i / 3) | 0) % width) * 150) / width + (raw[i] & 63);
  return sharp(raw, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 90 })
    .withExif({ IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '39/1 54/1 2640/100', GPSLongitudeRef: 'E', GPSLongitude: '116/1 23/1 2940/100' } })
    .toBuffer();
}

describe('a large camera photo still offers its position (H5)', () => {
  let server: Server;
  let browser: Browser;
  let page: Page;
  const phone = '13912340088';

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = (await phonePage(browser)).page;
    await signIn(page, server.origin, await residentLogin(server.api, phone), phone);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('reads the position on the phone before compressing, offers 「使用照片拍摄位置」 and fills the location with it', async () => {
    const photo = await largeJpegWithGps();
    expect(photo.length).toBeGreaterThan(COMPRESS_ABOVE_BYTES);

    await page.goto(server.origin + '/#/pages/report/index');
    await page.locator('#report-submit').waitFor();
    await page.locator('#report-text textarea').fill('小区门口的井盖丢了,晚上路过很危险,希望尽快处理');
    expect(await page.locator('#location-use-photo').count()).toBe(0);

    const uploaded = page.waitForResponse((r) => r.url().endsWith('/api/v1/uploads') && r.request().method() === 'POST');
    await page.locator('#photo-picker input[type=file]').setInputFiles({ name: 'IMG_0001.jpg', mimeType: 'image/jpeg', buffer: photo });
    // What reached the server was compressed on the phone: scaled down, and without EXIF the server found no position.
    const body = (await (await uploaded).json()) as { width: number; height: number; gps?: unknown };
    expect(Math.max(body.width, body.height)).toBeLessThanOrEqual(1600);
    expect(body.gps).toBeUndefined();
    await page.locator('#photo-picker .photo-picker-item[data-status="done"]').waitFor({ timeout: 30_000 });

    const offer = visible(page, '#location-use-photo');
    await offer.waitFor();
    expect((await offer.innerText()).trim()).toBe('使用照片拍摄位置');
    await offer.scrollIntoViewIfNeeded();
    await shot(page, 'resident-report-photo-position');
    await tap(page, '#location-use-photo');

    // Shown and sent as GCJ-02, rounded to 6 decimals like the server's own EXIF reading.
    const g = wgs84ToGcj02(TAKEN_AT);
    const expected = { lat: Math.round(g.lat * 1e6) / 1e6, lng: Math.round(g.lng * 1e6) / 1e6 };
    await visible(page, '#location-coords').waitFor();
    expect(Number(await visible(page, '#location-point').getAttribute('data-lat')).toFixed(5)).toBe(expected.lat.toFixed(5));
    expect(Number(await visible(page, '#location-point').getAttribute('data-lng')).toFixed(5)).toBe(expected.lng.toFixed(5));
    // Words, not raw numbers.
    await page.waitForFunction(() => !/正在识别/.test(document.querySelector('#location-coords')?.textContent || ''));
    expect(await visible(page, '#location-coords').innerText()).not.toMatch(/\d+\.\d{4}/);
    expect(await page.locator('#location-use-photo').count()).toBe(0);

    const sent = page.waitForRequest((r) => r.url().endsWith('/api/v1/reports') && r.method() === 'POST');
    await tap(page, '#report-submit');
    expect((await sent).postDataJSON()).toMatchObject({ location: expected, photoIds: [expect.any(String)] });
    await page.locator('#case-code').waitFor({ timeout: 20_000 });
  });

  it('raised no uncaught errors in the page', () => {
    expect((page as Page & { jsErrors: string[] }).jsErrors).toEqual([]);
  });
});

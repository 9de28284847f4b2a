// Milliseconds per 12-megapixel photo from upload bytes to stored derivatives:
// the service path minus the database row — validate by content, read the
// header, read GPS, rotate + resize to 1600 px, thumbnail, strip, write both
// files. Run: cd /work/main && pnpm exec ts-node --transpile-only bench/photos/run.ts
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { isSrgbProfile, processPhoto } from '../../apps/api/src/modules/uploads/photo-processor';
import { LocalPhotoStorage } from '../../apps/api/src/modules/uploads/storage/local.storage';

// sharp is a dependency of the API, not of the workspace root
const sharp = createRequire(join(__dirname, '../../apps/api/package.json'))('sharp') as typeof import('sharp');

const RUNS = Number(process.env.RUNS ?? 20);
const WIDTH = 4000;
const HEIGHT = 3000;

type Profile = 'none' | 'srgb' | 'p3';

/**
 * A camera-like 12 MP JPEG: gradient plus noise (so it is 3–5 MB, not a few KB, the worst case for the
 * decoder), orientation 6 and GPS EXIF, and the colour profile phones embed: none, sRGB (most Android
 * cameras) or Display P3 (iPhone).
 */
async function twelveMegapixelJpeg(profile: Profile): Promise<Buffer> {
  const raw = Buffer.alloc(WIDTH * HEIGHT * 3);
  let x = 0x2545f491;
  for (let i = 0; i < raw.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    const px = (i / 3) | 0;
    raw[i] = (((px % WIDTH) * 200) / WIDTH + ((((px / WIDTH) | 0) * 55) / HEIGHT) + (x & 31)) & 0xff;
  }
  let img = sharp(raw, { raw: { width: WIDTH, height: HEIGHT, channels: 3 } })
    .jpeg({ quality: 90 })
    .withMetadata({ orientation: 6 }) // also embeds sharp's sRGB profile…
    .withExif({ IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '39/1 54/1 2640/100', GPSLongitudeRef: 'E', GPSLongitude: '116/1 23/1 2940/100' } });
  if (profile === 'p3') img = img.withIccProfile('p3'); // (after withMetadata, which would reset it)
  const jpeg = await img.toBuffer();
  return profile === 'none' ? withoutIccProfile(jpeg) : jpeg; // …so "none" cuts it out again
}

/** The JPEG without its APP2 ICC_PROFILE segments. */
function withoutIccProfile(jpeg: Buffer): Buffer {
  const parts: Buffer[] = [jpeg.subarray(0, 2)];
  let at = 2;
  while (at + 4 <= jpeg.length && jpeg[at] === 0xff && jpeg[at + 1] !== 0xda) {
    const end = at + 2 + jpeg.readUInt16BE(at + 2);
    const icc = jpeg[at + 1] === 0xe2 && jpeg.subarray(at + 4, at + 16).toString('latin1') === 'ICC_PROFILE\0';
    if (!icc) parts.push(jpeg.subarray(at, end));
    at = end;
  }
  parts.push(jpeg.subarray(at));
  return Buffer.concat(parts);
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const fmt = (n: number) => n.toFixed(1).padStart(7);

async function measure(profile: Profile, dir: string) {
  const input = await twelveMegapixelJpeg(profile);
  const storage = new LocalPhotoStorage(dir);
  const one = async (i: number) => {
    const p = await processPhoto(input);
    const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    await storage.put(`${id}.jpg`, p.full.data, 'image/jpeg');
    await storage.put(`${id}.thumb.jpg`, p.thumb.data, 'image/jpeg');
    return p;
  };
  const first = await one(0);
  await one(1); // warm-up
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    await one(i + 2);
    wall.push(Number(process.hrtime.bigint() - t0) / 1e6);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  // throughput with as many photos in flight as there are cores
  const n = cpus().length;
  const batches = 4;
  const t0 = process.hrtime.bigint();
  for (let b = 0; b < batches; b++) await Promise.all(Array.from({ length: n }, (_, k) => one(1000 + b * n + k)));
  const parallelMs = Number(process.hrtime.bigint() - t0) / 1e6 / (batches * n);

  const stats = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return `mean ${fmt(xs.reduce((a, b) => a + b, 0) / xs.length)}  p50 ${fmt(pct(s, 50))}  p95 ${fmt(pct(s, 95))}  min ${fmt(s[0])}  max ${fmt(s[s.length - 1])}`;
  };
  console.log(`\n== colour profile: ${profile} ==`);
  const meta = await sharp(input).metadata();
  console.log(`input: ${WIDTH}×${HEIGHT} JPEG q90, ${(input.length / 1024 / 1024).toFixed(2)} MB, EXIF orientation ${meta.orientation} + GPS, ICC ${meta.icc ? `${meta.icc.length} bytes, ${isSrgbProfile(meta.icc) ? 'sRGB' : 'not sRGB'}` : 'none'}`);
  console.log(`output: ${first.full.width}×${first.full.height} (${(first.full.data.length / 1024).toFixed(0)} KB) + thumb ${first.thumb.width}×${first.thumb.height} (${(first.thumb.data.length / 1024).toFixed(0)} KB), gps ${JSON.stringify(first.gps)}`);
  console.log(`wall ms per photo (one at a time): ${stats(wall)}`);
  console.log(`CPU ms per photo (all threads):     ${stats(cpu)}`);
  console.log(`wall ms per photo with ${n} in flight: ${fmt(parallelMs)}  (≈ ${(1000 / parallelMs).toFixed(1)} photos/s on this machine)`);
  const cpuMean = cpu.reduce((a, b) => a + b, 0) / cpu.length;
  console.log(`target ≤ 200 ms per photo per core: ${cpuMean <= 200 ? 'MET' : 'NOT MET'} (mean CPU ${cpuMean.toFixed(1)} ms)`);
}

async function main() {
  const profiles = (process.env.PROFILES ?? 'none,srgb,p3').split(',') as Profile[];
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, node ${process.version}, sharp ${sharp.versions.sharp} / libvips ${sharp.versions.vips}, ${RUNS} sequential runs after warm-up`);
  const dir = mkdtempSync(join(tmpdir(), 'zz-bench-photos-'));
  try {
    for (const profile of profiles) await measure(profile, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';

/** EXIF GPS as libvips writes it: degrees, minutes, seconds as rationals. */
function dms(value: number): string {
  const v = Math.abs(value);
  const d = Math.floor(v);
  const m = Math.floor((v - d) * 60);
  const s = Math.round(((v - d) * 60 - m) * 60 * 10000);
  return `${d}/1 ${m}/1 ${s}/10000`;
}

/** A JPEG carrying camera EXIF: GPS position, device, time and optionally an orientation. */
export async function jpegWithExif(opts: { width?: number; height?: number; lat?: number; lng?: number; orientation?: number } = {}): Promise<Buffer> {
  const { width = 400, height = 300, lat = 39.907333, lng = 116.3915, orientation } = opts;
  let img = sharp({ create: { width, height, channels: 3, background: { r: 200, g: 80, b: 40 } } }).jpeg({ quality: 90 });
  if (orientation) img = img.withMetadata({ orientation });
  return img
    .withExif({
      IFD0: { Make: 'TestPhone', Model: 'Model X', DateTime: '2026:05:01 10:20:30', Software: 'camera 1.0' },
      IFD2: { DateTimeOriginal: '2026:05:01 10:20:30' },
      IFD3: {
        GPSLatitudeRef: lat >= 0 ? 'N' : 'S',
        GPSLatitude: dms(lat),
        GPSLongitudeRef: lng >= 0 ? 'E' : 'W',
        GPSLongitude: dms(lng),
      },
    })
    .toBuffer();
}

/** A photo-like JPEG: gaussian noise compresses about as badly as a real scene. */
export async function noisyJpeg(width: number, height: number, quality = 85): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, noise: { type: 'gaussian', mean: 128, sigma: 30 } } })
    .jpeg({ quality })
    .toBuffer();
}

function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A valid-looking PNG of a few hundred bytes whose header declares `side`×`side` pixels (a "pixel flood"). */
export function pixelFloodPng(side = 50_000): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(side, 0);
  ihdr.writeUInt32BE(side, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(Buffer.alloc(64 * 1024))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The start of an ISO-BMFF HEIC file (ftyp box with brand `heic`). */
export function heicHeader(): Buffer {
  const ftyp = Buffer.alloc(24);
  ftyp.writeUInt32BE(24, 0);
  ftyp.write('ftypheic', 4, 'latin1');
  ftyp.write('mif1heic', 16, 'latin1');
  return Buffer.concat([ftyp, Buffer.alloc(2000)]);
}

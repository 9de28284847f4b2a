import sharp from 'sharp';
import { convertToSrgb, isSrgbProfile, parseMatrixShaper } from './icc';

/** A 256×64 image sweeping hue and saturation: every region of the gamut, P3-tagged by libvips. */
async function colourfulP3(): Promise<Buffer> {
  const w = 256;
  const h = 64;
  const px = Buffer.alloc(w * h * 3);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const i = (y * w + x) * 3;
      px[i] = x;
      px[i + 1] = (x * 7 + y * 4) & 0xff;
      px[i + 2] = 255 - ((y * 4) & 0xff);
    }
  // keepIccProfile-less tagging: the pixels are declared P3 as they are (no conversion on the way in).
  return sharp(px, { raw: { width: w, height: h, channels: 3 } }).png().withIccProfile('p3', { attach: true }).toBuffer();
}

describe('ICC profiles', () => {
  it('reads a matrix/shaper profile (Display P3) and tells sRGB from it', async () => {
    const p3 = (await sharp(await colourfulP3()).metadata()).icc;
    expect(parseMatrixShaper(p3)).not.toBeNull();
    expect(isSrgbProfile(p3)).toBe(false);
    const srgb = (await sharp(await sharp({ create: { width: 2, height: 2, channels: 3, background: '#888' } }).withIccProfile('srgb').png().toBuffer()).metadata()).icc;
    expect(isSrgbProfile(srgb)).toBe(true);
  });

  it('converts P3 pixels to sRGB as LittleCMS does (within 2 levels)', async () => {
    const input = await colourfulP3();
    const icc = (await sharp(input).metadata()).icc;
    const theirs = await sharp(input).toColourspace('srgb').raw().toBuffer(); // libvips: icc_transform via LittleCMS
    const ours = await sharp(input, { ignoreIcc: true }).raw().toBuffer();
    const before = Buffer.from(ours);
    convertToSrgb(ours, 3, parseMatrixShaper(icc)!);
    let worst = 0;
    let changed = 0;
    for (let i = 0; i < ours.length; i++) {
      worst = Math.max(worst, Math.abs(ours[i] - theirs[i]));
      if (ours[i] !== before[i]) changed++;
    }
    expect(worst).toBeLessThanOrEqual(2);
    expect(changed).toBeGreaterThan(ours.length / 4); // the conversion did something
  });

  it('refuses what is not a matrix/shaper RGB profile', () => {
    expect(parseMatrixShaper(undefined)).toBeNull();
    expect(parseMatrixShaper(Buffer.alloc(200))).toBeNull();
    const truncated = Buffer.alloc(140);
    truncated.write('acsp', 36, 'latin1');
    truncated.write('RGB XYZ ', 16, 'latin1');
    truncated.writeUInt32BE(1000, 128); // a tag count that runs past the end
    expect(parseMatrixShaper(truncated)).toBeNull();
  });
});

import sharp from 'sharp';
import { isSrgbProfile, processPhoto, sniffImage } from './photo-processor';

describe('sniffImage: the content decides, never the name', () => {
  it.each([
    ['jpeg', [0xff, 0xd8, 0xff, 0xe0, 0, 0, 0, 0, 0, 0, 0, 0]],
    ['png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]],
    ['webp', [...Buffer.from('RIFF'), 0, 0, 0, 0, ...Buffer.from('WEBP')]],
    ['heic', [0, 0, 0, 24, ...Buffer.from('ftypheic')]],
  ])('recognises %s', (format, bytes) => {
    expect(sniffImage(Buffer.from(bytes))).toBe(format);
  });

  it.each([
    ['HTML', Buffer.from('<!doctype html><script>')],
    ['shell script', Buffer.from('#!/bin/sh\n')],
    ['GIF', Buffer.from('GIF89a......')],
    ['AVIF', Buffer.from([0, 0, 0, 24, ...Buffer.from('ftypavif')])],
    ['RIFF that is not WebP', Buffer.from([...Buffer.from('RIFF'), 0, 0, 0, 0, ...Buffer.from('WAVE')])],
    ['empty', Buffer.alloc(0)],
    ['two JPEG bytes', Buffer.from([0xff, 0xd8])],
  ])('refuses %s', (_name, bytes) => {
    expect(sniffImage(bytes)).toBeNull();
  });
});

describe('colour profiles: sRGB skips a no-op conversion, any other profile is converted', () => {
  const colour = { r: 200, g: 100, b: 50 };
  const tagged = (profile: 'srgb' | 'p3') =>
    sharp({ create: { width: 64, height: 48, channels: 3, background: colour } })
      .withIccProfile(profile)
      .jpeg({ quality: 95 })
      .toBuffer();
  const centre = async (jpeg: Buffer) => {
    const { data, info } = await sharp(jpeg, { ignoreIcc: true }).raw().toBuffer({ resolveWithObject: true });
    const at = (info.height / 2) * info.width * info.channels + (info.width / 2) * info.channels;
    return { r: data[at], g: data[at + 1], b: data[at + 2] };
  };
  const near = (a: typeof colour, b: typeof colour, tolerance: number) =>
    Math.max(Math.abs(a.r - b.r), Math.abs(a.g - b.g), Math.abs(a.b - b.b)) <= tolerance;

  it('recognises sRGB by its primaries, not Display P3, nor junk', async () => {
    expect(isSrgbProfile((await sharp(await tagged('srgb')).metadata()).icc)).toBe(true);
    expect(isSrgbProfile((await sharp(await tagged('p3')).metadata()).icc)).toBe(false);
    expect(isSrgbProfile(undefined)).toBe(false);
    expect(isSrgbProfile(Buffer.alloc(300))).toBe(false);
  });

  it.each(['srgb', 'p3'] as const)('a %s-tagged photo keeps its colours and loses its profile', async (profile) => {
    const input = await tagged(profile);
    const stored = (await processPhoto(input)).full.data;
    // The P3 pixel values themselves are far from the sRGB ones: ignoring the profile would show here.
    if (profile === 'p3') expect(near(await centre(input), colour, 6)).toBe(false);
    expect(near(await centre(stored), colour, 4)).toBe(true);
    expect((await sharp(stored).metadata()).icc).toBeUndefined();
  });
});

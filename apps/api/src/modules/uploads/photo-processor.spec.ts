import { sniffImage } from './photo-processor';

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

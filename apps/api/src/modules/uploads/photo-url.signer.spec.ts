import { PhotoUrlSigner } from './photo-url.signer';

describe('PhotoUrlSigner', () => {
  const id = '0b7c4c7e-1a1e-4d5e-9c1a-2b3c4d5e6f70';
  const parse = (url: string) => Object.fromEntries(new URL('http://x' + url).searchParams) as Record<'variant' | 'exp' | 'sig', string>;

  it('accepts its own link until it expires after 10 minutes, then never', () => {
    let now = Date.UTC(2026, 0, 1);
    const signer = new PhotoUrlSigner('s'.repeat(40), () => now);
    const q = parse(signer.urlFor(id, 'thumb'));
    expect(signer.verify(id, q.variant, q.exp, q.sig)).toBe(true);
    now += 599_000;
    expect(signer.verify(id, q.variant, q.exp, q.sig)).toBe(true);
    now += 1_000;
    expect(signer.verify(id, q.variant, q.exp, q.sig)).toBe(false);
  });

  it('binds id, variant and expiry, and the secret', () => {
    const signer = new PhotoUrlSigner('s'.repeat(40));
    const q = parse(signer.urlFor(id, 'full'));
    expect(signer.verify(id.replace('0b7c', '0b7d'), q.variant, q.exp, q.sig)).toBe(false);
    expect(signer.verify(id, 'thumb', q.exp, q.sig)).toBe(false);
    expect(signer.verify(id, q.variant, String(Number(q.exp) - 1), q.sig)).toBe(false);
    expect(signer.verify(id, q.variant, q.exp, q.sig.slice(1))).toBe(false);
    expect(new PhotoUrlSigner('t'.repeat(40)).verify(id, q.variant, q.exp, q.sig)).toBe(false);
  });

  it('refuses expiries far in the future and malformed input', () => {
    const signer = new PhotoUrlSigner('s'.repeat(40));
    const q = parse(signer.urlFor(id, 'full'));
    expect(signer.verify(id, 'original', q.exp, q.sig)).toBe(false);
    expect(signer.verify(id, q.variant, '1e12', q.sig)).toBe(false);
    expect(signer.verify(id, q.variant, String(Math.floor(Date.now() / 1000) + 86_400), q.sig)).toBe(false);
    expect(signer.verify(id, q.variant, q.exp, '')).toBe(false);
  });
});

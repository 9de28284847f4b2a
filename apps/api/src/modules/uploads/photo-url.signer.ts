import { createHmac, timingSafeEqual } from 'node:crypto';

export const PHOTO_VARIANTS = ['full', 'thumb'] as const;
export type PhotoVariant = (typeof PHOTO_VARIANTS)[number];

/** How long a photo link works. */
export const PHOTO_URL_TTL_SECONDS = 600;

/**
 * Time-limited photo links: HMAC-SHA256 over id, variant and expiry with a key
 * derived from the JWT secret. Links are handed out only to people allowed to
 * see the photo, so `<image src>` works without an Authorization header,
 * and a copied link dies after ten minutes.
 */
export class PhotoUrlSigner {
  private readonly key: Buffer;

  constructor(
    secret: string,
    private readonly now: () => number = Date.now,
    private readonly ttlSeconds = PHOTO_URL_TTL_SECONDS,
  ) {
    // A key of its own, so a photo signature can never pass for anything else signed with the secret.
    this.key = createHmac('sha256', secret).update('zongzhi/photo-url/v1').digest();
  }

  private mac(id: string, variant: PhotoVariant, exp: number): string {
    return createHmac('sha256', this.key).update(`${id}\n${variant}\n${exp}`).digest('base64url');
  }

  urlFor(id: string, variant: PhotoVariant): string {
    const exp = Math.floor(this.now() / 1000) + this.ttlSeconds;
    return `/api/v1/uploads/${id}/file?variant=${variant}&exp=${exp}&sig=${this.mac(id, variant, exp)}`;
  }

  /** True only for an unexpired link this server signed for exactly this id and variant. */
  verify(id: string, variant: string, exp: string, sig: string): boolean {
    if (!(PHOTO_VARIANTS as readonly string[]).includes(variant) || !/^\d{1,12}$/.test(exp)) return false;
    const expiry = Number(exp);
    const nowSeconds = Math.floor(this.now() / 1000);
    if (expiry <= nowSeconds || expiry > nowSeconds + this.ttlSeconds + 60) return false;
    const expected = Buffer.from(this.mac(id, variant as PhotoVariant, expiry));
    const given = Buffer.from(sig);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}

import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';

const VERSION = 'v1';

/**
 * AES-256-GCM for personal fields at rest. The key is derived (HKDF-SHA256)
 * from FIELD_ENCRYPTION_KEY; each value gets a fresh 96-bit IV, and the tag
 * makes a tampered or foreign ciphertext fail instead of decrypting to junk.
 * Stored as `v1:<base64(iv | tag | ciphertext)>`.
 */
@Injectable()
export class FieldCipher {
  private readonly key: Buffer;

  constructor(@Inject(AppConfig) config: Pick<AppConfig, 'FIELD_ENCRYPTION_KEY'>) {
    if (!config.FIELD_ENCRYPTION_KEY) throw new Error('FIELD_ENCRYPTION_KEY is not set');
    this.key = Buffer.from(hkdfSync('sha256', config.FIELD_ENCRYPTION_KEY, 'zongzhi', 'field-encryption/v1', 32));
  }

  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
    return `${VERSION}:${Buffer.concat([iv, c.getAuthTag(), body]).toString('base64')}`;
  }

  decrypt(stored: string): string {
    const [version, data] = stored.split(':');
    if (version !== VERSION || !data) throw new Error('unknown ciphertext format');
    const raw = Buffer.from(data, 'base64');
    const d = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, 12));
    d.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([d.update(raw.subarray(28)), d.final()]).toString('utf8');
  }
}

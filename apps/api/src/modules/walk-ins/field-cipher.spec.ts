import { FieldCipher } from './field-cipher';

describe('FieldCipher (AES-256-GCM)', () => {
  const cipher = new FieldCipher({ FIELD_ENCRYPTION_KEY: 'a'.repeat(40) });

  it('round-trips, with a fresh IV each time, and never stores the plain text', () => {
    const a = cipher.encrypt('11010519491231002X');
    const b = cipher.encrypt('11010519491231002X');
    expect(a).not.toBe(b);
    expect(a).not.toContain('11010519491231002X');
    expect(cipher.decrypt(a)).toBe('11010519491231002X');
    expect(cipher.decrypt(cipher.encrypt('张三'))).toBe('张三');
  });

  it('refuses a tampered value and another key', () => {
    const stored = cipher.encrypt('13800138000');
    const raw = Buffer.from(stored.slice(3), 'base64');
    raw[raw.length - 1] ^= 1;
    expect(() => cipher.decrypt(`v1:${raw.toString('base64')}`)).toThrow();
    expect(() => new FieldCipher({ FIELD_ENCRYPTION_KEY: 'b'.repeat(40) }).decrypt(stored)).toThrow();
  });
});

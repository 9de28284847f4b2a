import { uuidv4 } from './uuid';

describe('uuidv4', () => {
  it('has the RFC 4122 version-4 shape and differs each time', () => {
    const a = uuidv4();
    const b = uuidv4();
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a).not.toBe(b);
  });

  it('sets version and variant bits whatever the random bytes', () => {
    expect(uuidv4((bytes) => bytes.fill(0xff))).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
    expect(uuidv4((bytes) => bytes.fill(0))).toBe('00000000-0000-4000-8000-000000000000');
  });
});

import { chinaDay, chinaDayStart, MESSAGE_KINDS, MESSAGE_KIND_LABELS } from './messages';

describe('message kinds and China days', () => {
  it('labels every kind', () => {
    for (const k of MESSAGE_KINDS) expect(MESSAGE_KIND_LABELS[k]).toBeTruthy();
  });
  it('a UTC evening is the next day in China', () => {
    expect(chinaDay(new Date('2026-03-01T15:59:59.999Z'))).toBe('2026-03-01');
    expect(chinaDay(new Date('2026-03-01T16:00:00.000Z'))).toBe('2026-03-02');
    expect(chinaDayStart('2026-03-02').toISOString()).toBe('2026-03-01T16:00:00.000Z');
  });
});

import { deadlineColor } from './deadlines';
import { isValidPhone, maskPhone, maskPhonesIn } from './privacy';

describe('privacy helpers', () => {
  it('masks phones alone and inside text', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhonesIn('phone=13812345678,x=15900001111')).toBe('phone=138****5678,x=159****1111');
    expect(maskPhonesIn('order 2013812345678901')).toBe('order 2013812345678901');
  });
  it.each(['1381234567', '23812345678', '138123456789', 13812345678, '12812345678'])('rejects %p', (p) => {
    expect(isValidPhone(p)).toBe(false);
  });
});

describe('deadline colour', () => {
  const start = new Date('2026-01-01T00:00:00Z');
  const end = new Date('2026-01-01T03:00:00Z');
  it.each([
    ['2026-01-01T01:59:59Z', 'blue'],
    ['2026-01-01T02:00:00Z', 'yellow'],
    ['2026-01-01T02:59:59Z', 'yellow'],
    ['2026-01-01T03:00:00Z', 'red'],
  ])('at %s is %s', (now, color) => {
    expect(deadlineColor(start, end, new Date(now))).toBe(color);
  });
});

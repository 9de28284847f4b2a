import { deadlineColor } from './deadlines';
import { isValidPhone, maskIdCardsIn, maskPhone, maskPhonesIn } from './privacy';
import { maskIdCard } from './id-card';

describe('privacy helpers', () => {
  it('masks phones alone and inside text', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhonesIn('phone=13812345678,x=15900001111')).toBe('phone=138****5678,x=159****1111');
    expect(maskPhonesIn('order 2013812345678901')).toBe('order 2013812345678901');
  });
  it('masks a phone with the country code glued on (+86, 0086), which is one long run of digits', () => {
    expect(maskPhonesIn('电话+8613912345678请回电')).toBe('电话+86139****5678请回电');
    expect(maskPhonesIn('0086 13912345678')).toBe('0086 139****5678');
    expect(maskPhonesIn('008613912345678')).toBe('0086139****5678');
    expect(maskPhonesIn('+86 139 1234 5678')).toBe('+86 139 **** 5678');
    // Not a phone after the prefix: left alone.
    expect(maskPhonesIn('订单8612345678901')).toBe('订单8612345678901');
  });

  it('masks resident ID numbers inside text, as maskIdCard shows one', () => {
    expect(maskIdCardsIn('id=11010519491231002X,x')).toBe(`id=${maskIdCard('11010519491231002X')},x`);
    expect(maskIdCardsIn('身份证110105194912310021 来访')).toBe('身份证110***********0021 来访');
    expect(maskIdCardsIn('two: 110105194912310021/11010519491231002x')).toBe('two: 110***********0021/110***********002x');
    // not an ID: longer digit runs, order numbers glued to letters
    expect(maskIdCardsIn('order 1101051949123100219')).toBe('order 1101051949123100219');
    expect(maskIdCardsIn('SN110105194912310021')).toBe('SN110105194912310021');
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

import fc from 'fast-check';
import { idCardCheckChar } from './id-card';
import { maskIdCardsIn, maskPersonalNumbersIn, maskPhonesIn } from './privacy';

/**
 * However a phone or ID number is written into free text — spaced,
 * hyphenated, dotted, full-width, split across punctuation — the digits the
 * masks hide never come out, and what stays matches maskPhone / maskIdCard.
 */
const FULL_WIDTH = (d: string) => String.fromCharCode(0xff10 + Number(d));
const separator = fc.constantFrom(' ', '-', '.', ',', '/', '、', '，', '　', '－', ' - ', '. ', '(', ')', '·');

/** Splits a number into pieces and glues them with separators, some digits full-width. */
function spelled(number: string) {
  return fc
    .tuple(
      fc.array(fc.integer({ min: 1, max: number.length - 1 }), { maxLength: 4 }),
      fc.array(separator, { minLength: 4, maxLength: 4 }),
      fc.array(fc.boolean(), { minLength: number.length, maxLength: number.length }),
    )
    .map(([cuts, seps, wide]) => {
      const chars = [...number].map((c, i) => (wide[i] && /\d/.test(c) ? FULL_WIDTH(c) : c));
      const at = [...new Set(cuts)].sort((a, b) => a - b);
      let out = '';
      let prev = 0;
      at.forEach((cut, k) => {
        out += chars.slice(prev, cut).join('') + seps[k % seps.length];
        prev = cut;
      });
      return out + chars.slice(prev).join('');
    });
}

const phone = fc.tuple(fc.integer({ min: 3, max: 9 }), fc.stringMatching(/^\d{9}$/)).map(([b, rest]) => `1${b}${rest}`);
const idNumber = fc
  .tuple(fc.stringMatching(/^[1-9]\d{5}$/), fc.date({ min: new Date('1920-01-01'), max: new Date('2020-12-31'), noInvalidDate: true }), fc.stringMatching(/^\d{3}$/))
  .map(([area, birth, seq]) => {
    const first17 = area + birth.toISOString().slice(0, 10).replace(/-/g, '') + seq;
    return first17 + idCardCheckChar(first17);
  });
const context = fc.constantFrom(['电话', '请回电'], ['身份证号:', '。'], ['', ''], ['联系人张三 ', ' 谢谢'], ['(', ')']);
const digitsOf = (s: string) => [...s].map((c) => (c >= '０' && c <= '９' ? String(c.charCodeAt(0) - 0xff10) : c)).filter((c) => /[\dXx]/.test(c)).join('');

describe('maskers recognise numbers however they are spelled', () => {
  it('phones: the middle four digits never survive', () => {
    fc.assert(
      fc.property(phone.chain((p) => fc.tuple(fc.constant(p), spelled(p), context)), ([p, written, [pre, post]]) => {
        const masked = maskPhonesIn(pre + written + post);
        const kept = digitsOf(masked);
        expect(kept).toBe(p.slice(0, 3) + p.slice(7));
        expect(maskPersonalNumbersIn(pre + written + post)).toBe(masked);
      }),
      { numRuns: 500 },
    );
  });

  it('ID numbers: only the first three and last four characters survive', () => {
    fc.assert(
      fc.property(idNumber.chain((id) => fc.tuple(fc.constant(id), spelled(id), context)), ([id, written, [pre, post]]) => {
        const masked = maskIdCardsIn(pre + written + post);
        expect(digitsOf(masked)).toBe(id.slice(0, 3) + id.slice(14));
        expect(masked.replace(/\*/g, '').length).toBe((pre + written + post).length - 11);
      }),
      { numRuns: 500 },
    );
  });

  it('the attack-pass spellings', () => {
    expect(maskIdCardsIn('来访人身份证 110105 19491231 002X 反映')).toBe('来访人身份证 110*** ******** 002X 反映');
    expect(maskPhonesIn('电话139-1234-5678')).toBe('电话139-****-5678');
    expect(maskPhonesIn('电话１３９１２３４５６７８')).toBe('电话１３９****５６７８');
    expect(maskPhonesIn('139.1234.5678 / 138 0000 1111、13700001111')).toBe('139.****.5678 / 138 **** 1111、137****1111');
    expect(maskPersonalNumbersIn('身份证110105-1949-1231-002x,电话(139)1234 5678')).toBe('身份证110***-****-****-002x,电话(139)**** 5678');
  });

  it('leaves other numbers alone', () => {
    for (const s of ['2026-12-07 13:45', '案件编码 261125-7KM3Q-8', '金额 13,000,000 元', 'order 2013812345678901', 'SN110105194912310021', '订单号 139123456789']) {
      expect(maskPersonalNumbersIn(s)).toBe(s);
    }
  });
});

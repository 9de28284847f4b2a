import fc from 'fast-check';
import {
  CASE_CODE_ALPHABET,
  checkCaseCode,
  chinaDateStamp,
  generateCaseCode,
  normalizeCaseCode,
} from './case-code';

const compact = (code: string) => normalizeCaseCode(code);
const instant = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true });
const seededCode = fc.tuple(instant, fc.array(fc.nat(30), { minLength: 6, maxLength: 6 })).map(([date, draws]) => {
  let i = 0;
  return generateCaseCode(date, () => draws[i++]);
});

describe('case code', () => {
  it('encodes the date in China Standard Time', () => {
    // 2026-11-24 17:30 UTC is already the 25th in Beijing.
    expect(chinaDateStamp(new Date('2026-11-24T17:30:00Z'))).toBe('261125');
    expect(generateCaseCode(new Date('2026-11-24T15:59:59Z'))).toMatch(/^261124-[0-9A-HJKMNP-TV-Y]{6}-[0-9A-HJKMNP-TV-Y]$/);
  });

  it('accepts every generated code, typed in any case and without dashes', () => {
    fc.assert(
      fc.property(seededCode, (code) => {
        expect(checkCaseCode(code)).toEqual({ valid: true, code });
        expect(checkCaseCode(compact(code).toLowerCase())).toEqual({ valid: true, code });
      }),
    );
  });

  it('rejects every single-character substitution', () => {
    fc.assert(
      fc.property(seededCode, fc.nat(12), fc.integer({ min: 1, max: 30 }), (code, pos, shift) => {
        const c = compact(code);
        const v = CASE_CODE_ALPHABET.indexOf(c[pos]);
        const typo = c.slice(0, pos) + CASE_CODE_ALPHABET[(v + shift) % 31] + c.slice(pos + 1);
        expect(checkCaseCode(typo).valid).toBe(false);
      }),
    );
  });

  it('rejects every swap of two different neighbouring characters', () => {
    fc.assert(
      fc.property(seededCode, fc.nat(11), (code, pos) => {
        const c = compact(code);
        fc.pre(c[pos] !== c[pos + 1]);
        const swapped = c.slice(0, pos) + c[pos + 1] + c[pos] + c.slice(pos + 2);
        expect(checkCaseCode(swapped).valid).toBe(false);
      }),
    );
  });

  it('is exhaustive on one code: all 13×30 substitutions and all 12 swaps fail', () => {
    const c = compact(generateCaseCode(new Date('2026-11-25T02:00:00Z')));
    for (let pos = 0; pos < 13; pos++) {
      for (const ch of CASE_CODE_ALPHABET) {
        if (ch === c[pos]) continue;
        expect(checkCaseCode(c.slice(0, pos) + ch + c.slice(pos + 1)).valid).toBe(false);
      }
    }
    for (let pos = 0; pos < 12; pos++) {
      if (c[pos] === c[pos + 1]) continue;
      expect(checkCaseCode(c.slice(0, pos) + c[pos + 1] + c[pos] + c.slice(pos + 2)).valid).toBe(false);
    }
  });

  it('reads look-alike letters as the digits they stand for', () => {
    expect(normalizeCaseCode('261125-0I0LOZ-x')).toBe('261125010102X');
  });

  it.each([
    ['', 'length'],
    ['261125-ABCDE', 'length'],
    ['261125-ABCDEF-!', 'symbol'],
    ['261125-ABCDEF-UU', 'length'],
    ['261125-ABCDEF-U', 'symbol'],
  ])('rejects %p (%s)', (input, reason) => {
    expect(checkCaseCode(input)).toEqual({ valid: false, reason });
  });

  it('draws codes that do not repeat in practice', () => {
    // 10,000 draws from 31^6 values: about 0.06 collisions expected; more than
    // two would mean the draw is far from uniform.
    const now = new Date();
    const seen = new Set(Array.from({ length: 10000 }, () => generateCaseCode(now)));
    expect(seen.size).toBeGreaterThanOrEqual(9998);
  });
});

import { idCardCheckChar, idCardProblem, isValidIdCard, maskIdCard } from './id-card';

describe('ID card number (ISO 7064 MOD 11-2)', () => {
  it.each([
    ['11010519491231002X', null], // GB 11643 example, check char X
    ['110105194912310021', 'checksum'],
    ['440524188001010014', 'birth_date'], // before 1900
    ['110105199902300011', 'birth_date'], // 30 February
    ['11010519491231002', 'format'],
    ['11010519491231002Y', 'format'],
    ['11010519491231002x', null], // lower-case x accepted
  ])('%s → %s', (id, problem) => {
    expect(idCardProblem(id, new Date('2026-01-01'))).toBe(problem);
  });

  it('computes the check character over the first 17 digits', () => {
    expect(idCardCheckChar('11010519491231002')).toBe('X');
    expect(idCardCheckChar('44052418800101001')).toBe('4');
  });

  it('rejects a birth date in the future', () => {
    expect(idCardProblem('110105203001010010', new Date('2026-01-01'))).toBe('birth_date');
  });

  it('every single-digit typo of a valid number is caught', () => {
    const valid = '11010519491231002X';
    for (let i = 0; i < 17; i++) {
      for (let d = 0; d <= 9; d++) {
        if (String(d) === valid[i]) continue;
        const typo = valid.slice(0, i) + d + valid.slice(i + 1);
        expect(isValidIdCard(typo, new Date('2026-01-01'))).toBe(false);
      }
    }
  });

  it('masks as 110***********1234', () => {
    expect(maskIdCard('110105194912310021')).toBe('110***********0021');
    expect(maskIdCard(null)).toBeNull();
  });
});

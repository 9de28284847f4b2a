import fc from 'fast-check';
import { RISK_LEVELS } from './codes';
import { deadlineColor, deadlinesFrom, DEFAULT_TIME_LIMITS, effectiveTimeLimit, yellowFrom } from './deadlines';

describe('deadlines', () => {
  it('colours blue, then yellow at two thirds, then red at the deadline', () => {
    const start = new Date('2026-01-01T00:00:00Z');
    const deadline = new Date('2026-01-01T03:00:00Z');
    expect(deadlineColor(start, deadline, new Date('2026-01-01T01:59:59.999Z'))).toBe('blue');
    expect(deadlineColor(start, deadline, new Date('2026-01-01T02:00:00Z'))).toBe('yellow');
    expect(deadlineColor(start, deadline, new Date('2026-01-01T02:59:59.999Z'))).toBe('yellow');
    expect(deadlineColor(start, deadline, deadline)).toBe('red');
  });

  it('puts yellowFrom exactly where deadlineColor turns yellow (so SQL filters agree with the badge)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2e12 }), fc.integer({ min: 1, max: 1e10 }), fc.integer({ min: -5, max: 5 }), (s, span, delta) => {
        const start = new Date(s);
        const deadline = new Date(s + span);
        const y = yellowFrom(start, deadline).getTime();
        const now = new Date(y + delta);
        const sqlColour = now.getTime() >= deadline.getTime() ? 'red' : now.getTime() >= y ? 'yellow' : 'blue';
        return deadlineColor(start, deadline, now) === sqlColour;
      }),
      { numRuns: 2000 },
    );
  });

  it('sets both clocks from the time limit', () => {
    const start = new Date('2026-01-01T00:00:00Z');
    const d = deadlinesFrom(start, DEFAULT_TIME_LIMITS.high);
    expect(d.signDeadline.toISOString()).toBe('2026-01-01T01:00:00.000Z');
    expect(d.resolveDeadline.toISOString()).toBe('2026-01-04T00:00:00.000Z');
    expect(d.signYellowAt.toISOString()).toBe('2026-01-01T00:40:00.000Z');
  });

  it('prefers the most specific rule: risk + category, then risk, then DOMAIN.md', () => {
    const rules = [
      { riskLevel: 'low' as const, signMinutes: 120, resolveMinutes: 1000 },
      { riskLevel: 'low' as const, category: 'labor' as const, signMinutes: 30, resolveMinutes: 600 },
    ];
    expect(effectiveTimeLimit(rules, 'low', 'labor')).toEqual({ signMinutes: 30, resolveMinutes: 600 });
    expect(effectiveTimeLimit(rules, 'low', 'neighbor')).toEqual({ signMinutes: 120, resolveMinutes: 1000 });
    for (const r of RISK_LEVELS.filter((x) => x !== 'low')) expect(effectiveTimeLimit(rules, r, 'labor')).toEqual(DEFAULT_TIME_LIMITS[r]);
  });
});

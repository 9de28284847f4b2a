import { ACCEPT_MINUTES, acceptDeadlineFor, CRISIS_HOTLINES, CRISIS_TEXT, isCrisis } from './crisis';

describe('the crisis answer', () => {
  it('is raised by self_harm and by nothing else', () => {
    expect(isCrisis([{ code: 'self_harm' }])).toBe(true);
    expect(isCrisis([{ code: 'group' }, { code: 'self_harm' }])).toBe(true);
    for (const code of ['violence_threat', 'vulnerable_person', 'hazard_active', 'group', 'large_amount'] as const) expect(isCrisis([{ code }])).toBe(false);
    expect(isCrisis([])).toBe(false);
    expect(isCrisis(undefined)).toBe(false);
  });

  it('gives one hour to accept a crisis and DOMAIN.md’s 24 hours otherwise', () => {
    const at = new Date('2026-12-07T10:00:00.000Z');
    expect(acceptDeadlineFor(at, true).toISOString()).toBe('2026-12-07T11:00:00.000Z');
    expect(acceptDeadlineFor(at, false).toISOString()).toBe('2026-12-08T10:00:00.000Z');
    expect(ACCEPT_MINUTES.crisis).toBe(60);
  });

  it('names the national psychological assistance line and 110/120, in both wordings', () => {
    expect(CRISIS_HOTLINES.map((h) => h.number)).toEqual(['12356', '110', '120']);
    expect(CRISIS_TEXT.staff.body).toContain('12356');
    expect(CRISIS_TEXT.resident.body).toContain('拨打');
  });
});

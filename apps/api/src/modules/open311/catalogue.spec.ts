import { CATEGORIES, STATUSES } from '@zongzhi/shared';
import { definitionOf, detailedStatus, open311Status, parseW3c, PUBLIC_CATEGORIES, servicesFor, w3c } from './catalogue';

describe('Open311 catalogue and mapping', () => {
  it('dates are W3C, whole seconds, with a timezone (China time)', () => {
    expect(w3c(new Date('2026-03-01T01:30:05.987Z'))).toBe('2026-03-01T09:30:05+08:00');
    expect(w3c(new Date('2026-12-31T16:00:00.000Z'))).toBe('2027-01-01T00:00:00+08:00');
    expect(w3c(null)).toBeNull();
  });

  it('date arguments must carry a timezone', () => {
    expect(parseW3c('2026-03-01T09:30:05+08:00')?.toISOString()).toBe('2026-03-01T01:30:05.000Z');
    expect(parseW3c('2026-03-01T01:30:05Z')?.toISOString()).toBe('2026-03-01T01:30:05.000Z');
    expect(parseW3c('2026-03-01T09:30:05')).toBeNull();
    expect(parseW3c('2026-03-01')).toBeNull();
    expect(parseW3c('2026-13-45T99:00:00Z')).toBeNull();
  });

  it('every product status maps to open or closed and to a word of the mySociety list', () => {
    const extended = ['open', 'closed', 'fixed', 'in_progress', 'action_scheduled', 'investigating', 'not_councils_responsibility', 'no_further_action', 'internal_referral', 'reopen', 'for_triage'];
    for (const s of STATUSES) {
      expect(['open', 'closed']).toContain(open311Status(s));
      expect(extended).toContain(detailedStatus(s, null, false));
    }
    expect(STATUSES.filter((s) => open311Status(s) === 'closed').sort()).toEqual(['closed', 'declined', 'resolved']);
    expect(detailedStatus('resolved', 'unresolved', false)).toBe('no_further_action');
    expect(detailedStatus('resolved', 'referred_to_court', false)).toBe('internal_referral');
    expect(detailedStatus('in_progress', null, true)).toBe('reopen');
  });

  it('public lists hold only public-space categories; private ones carry the private keyword', () => {
    expect(servicesFor(false).map((s) => s.service_code).sort()).toEqual([...PUBLIC_CATEGORIES].sort());
    const all = servicesFor(true);
    expect(all.map((s) => s.service_code)).toEqual([...CATEGORIES]);
    for (const c of ['family', 'neighbor', 'labor', 'contract']) expect(all.find((s) => s.service_code === c)!.keywords.split(',')).toContain('private');
    expect(all.find((s) => s.service_code === 'urban')!.keywords.split(',')).not.toContain('private');
  });

  it('attribute orders are unique and start at 1; lists have values', () => {
    for (const c of CATEGORIES) {
      const d = definitionOf(c);
      expect(d.attributes.map((a) => a.order)).toEqual(d.attributes.map((_, i) => i + 1));
      for (const a of d.attributes) if (a.datatype === 'singlevaluelist') expect(a.values!.length).toBeGreaterThan(0);
    }
  });
});

import { ACTIONS, ROLES, STATUSES, type TicketStatus } from './codes';
import { actionsFrom, missingFields, targetStatus, TRANSITIONS } from './workflow';

describe('transition table', () => {
  it('names every action of DOMAIN.md exactly once', () => {
    expect(TRANSITIONS.map((t) => t.action).sort()).toEqual([...ACTIONS].sort());
  });

  it('leads only to known statuses and is performed only by known roles', () => {
    for (const t of TRANSITIONS) {
      for (const s of [...t.from, t.to, t.altTo].filter(Boolean)) expect(STATUSES).toContain(s);
      for (const r of t.roles) expect(ROLES).toContain(r);
      expect(t.roles.length).toBeGreaterThan(0);
    }
  });

  it('reaches every status from submitted', () => {
    const seen = new Set<TicketStatus>(['submitted']);
    let grew = true;
    while (grew) {
      grew = false;
      for (const t of TRANSITIONS) {
        if (!t.from.some((s) => seen.has(s))) continue;
        for (const to of [t.to, t.altTo]) {
          if (to && !seen.has(to)) {
            seen.add(to);
            grew = true;
          }
        }
      }
    }
    expect([...seen].sort()).toEqual([...STATUSES].sort());
  });

  it('lets nothing change a closed or declined ticket', () => {
    for (const role of ROLES) {
      expect(actionsFrom('closed', role)).toEqual([]);
      expect(actionsFrom('declined', role)).toEqual([]);
    }
  });

  it('follows DOMAIN.md for the main path and its branches', () => {
    expect(targetStatus('accept', 'submitted')).toBe('accepted');
    expect(targetStatus('dispatch', 'accepted')).toBe('dispatched');
    expect(targetStatus('sign', 'dispatched')).toBe('in_progress');
    expect(targetStatus('return', 'dispatched')).toBe('accepted');
    expect(targetStatus('feedback', 'in_progress')).toBe('resolved');
    expect(targetStatus('evaluate', 'resolved', { satisfaction: 'satisfied' })).toBe('closed');
    expect(targetStatus('evaluate', 'resolved', { satisfaction: 'unsatisfied' })).toBe('in_progress');
    expect(targetStatus('settle_on_site', 'submitted')).toBe('resolved');
    expect(targetStatus('supervise', 'dispatched')).toBeNull();
    expect(() => targetStatus('sign', 'submitted')).toThrow();
    expect(actionsFrom('submitted', 'dispatcher').sort()).toEqual(['accept', 'comment', 'decline', 'escalate', 'supervise']);
    expect(actionsFrom('dispatched', 'resident')).toEqual(['comment']);
  });

  it('names what each action cannot do without', () => {
    expect(missingFields('accept', {})).toEqual([]);
    expect(missingFields('decline', { note: '不属受理范围' }).sort()).toEqual(['guidance']);
    expect(missingFields('decline', { note: '  ', guidance: '引导诉讼' })).toEqual(['note']);
    expect(missingFields('dispatch', {})).toEqual(['departmentId']);
    expect(missingFields('return', {})).toEqual(['note']);
    expect(missingFields('feedback', {})).toEqual(['outcome']);
    expect(missingFields('feedback', { outcome: 'mediated' })).toEqual([]);
    expect(missingFields('feedback', { outcome: 'unresolved' })).toEqual(['note']);
    expect(missingFields('settle_on_site', { outcome: 'unresolved', note: '双方不接受' })).toEqual([]);
    expect(missingFields('evaluate', {})).toEqual(['satisfaction']);
    expect(missingFields('return_visit', { note: '电话联系,满意' })).toEqual(['method']);
    expect(missingFields('escalate', {})).toEqual(['note']);
    expect(missingFields('comment', {})).toEqual(['note']);
    expect(missingFields('supervise', {})).toEqual([]);
  });
});

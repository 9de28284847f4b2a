import type { TicketAction, TicketStatus } from '@zongzhi/shared';
import type { TicketEvent } from '../events/ticket-events';
import type { Ticket } from '../tickets/ticket.entity';
import { bodyOf, noticesFor } from './notification-rules';

const ticket = { id: 't1', caseCode: '261125-7KM3Q-8', unitId: 'u-street', departmentId: 'd-lead', text: '楼道堆物' } as Ticket;
const ev = (action: TicketAction, over: Partial<TicketEvent> = {}): TicketEvent => ({
  action,
  from: 'accepted' as TicketStatus,
  to: 'accepted' as TicketStatus,
  ticket,
  fromUnitId: 'u-community',
  actorId: 'a',
  note: null,
  data: null,
  at: new Date(),
  ...over,
});

describe('who is told what', () => {
  it.each([
    ['accept', {}, [['reporter', 'case_accepted']]],
    ['dispatch', { data: { departmentId: 'd1', departmentIds: ['d2'] } }, [['reporter', 'case_dispatched'], ['departments:d1,d2', 'ticket_assigned']]],
    ['feedback', { to: 'resolved' }, [['reporter', 'case_resolved']]],
    ['settle_on_site', { to: 'resolved' }, [['reporter', 'case_resolved']]],
    ['evaluate', { data: { satisfaction: 'unsatisfied' }, to: 'in_progress' }, [['centre:u-street', 'resident_unsatisfied']]],
    ['evaluate', { data: { satisfaction: 'satisfied' }, to: 'closed' }, []],
    ['return', {}, [['centre:u-street', 'ticket_returned']]],
    ['escalate', {}, [['centre:u-street', 'ticket_escalated']]],
    ['supervise', { data: { auto: false } }, [['departments:d-lead', 'ticket_supervised']]],
    ['supervise', { data: { auto: true, kind: 'sign' } }, [['departments:d-lead', 'ticket_supervised'], ['centre:u-street', 'ticket_overdue']]],
    ['sign', {}, []],
    ['comment', {}, []],
    ['decline', {}, []],
    ['return_visit', {}, []],
  ] as [TicketAction, Partial<TicketEvent>, [string, string][]][])('%s %j', (action, over, expected) => {
    const got = noticesFor(ev(action, over)).map((n) => [
      n.audience.to === 'departments' ? `departments:${n.audience.departmentIds.join(',')}` : n.audience.to === 'centre' ? `centre:${n.audience.unitId}` : 'reporter',
      n.kind,
    ]);
    expect(got).toEqual(expected);
  });

  it('a resident never reads a staff note; a return names its reason to the centre', () => {
    expect(bodyOf('case_dispatched', ev('dispatch', { note: '内部:当事人有前科' }))).not.toContain('前科');
    expect(bodyOf('ticket_returned', ev('return', { note: '不属本部门职责' }))).toContain('不属本部门职责');
  });
});

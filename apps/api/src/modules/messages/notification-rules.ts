import type { MessageKind } from '@zongzhi/shared';
import type { TicketEvent } from '../events/ticket-events';
import { crisisTexts } from './crisis-alerts';

/** Who hears of an event: the reporting resident, every handler of some departments, or the dispatchers of a centre. */
export type Audience = { to: 'reporter' } | { to: 'departments'; departmentIds: string[] } | { to: 'centre'; unitId: string };

export interface Notice {
  audience: Audience;
  kind: MessageKind;
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/**
 * The table of who is told what. Pure, so it is tested on its own; the
 * service resolves audiences to users.
 */
export function noticesFor(e: TicketEvent): Notice[] {
  const t = e.ticket;
  switch (e.action) {
    case 'accept':
      return [{ audience: { to: 'reporter' }, kind: 'case_accepted' }];
    case 'dispatch': {
      const lead = typeof e.data?.departmentId === 'string' ? [e.data.departmentId] : t.departmentId ? [t.departmentId] : [];
      return [
        { audience: { to: 'reporter' }, kind: 'case_dispatched' },
        { audience: { to: 'departments', departmentIds: [...new Set([...lead, ...strings(e.data?.departmentIds)])] }, kind: 'ticket_assigned' },
      ];
    }
    case 'feedback':
    case 'settle_on_site':
      return e.to === 'resolved' ? [{ audience: { to: 'reporter' }, kind: 'case_resolved' }] : [];
    case 'evaluate':
      return e.data?.satisfaction === 'unsatisfied' ? [{ audience: { to: 'centre', unitId: t.unitId }, kind: 'resident_unsatisfied' }] : [];
    case 'return':
      return [{ audience: { to: 'centre', unitId: t.unitId }, kind: 'ticket_returned' }];
    case 'escalate':
      return [{ audience: { to: 'centre', unitId: t.unitId }, kind: 'ticket_escalated' }];
    case 'supervise': {
      const out: Notice[] = t.departmentId ? [{ audience: { to: 'departments', departmentIds: [t.departmentId] }, kind: 'ticket_supervised' }] : [];
      // The sweep supervises exactly when a clock runs out: the ticket has turned red.
      if (e.data?.auto === true) out.push({ audience: { to: 'centre', unitId: t.unitId }, kind: 'ticket_overdue' });
      return out;
    }
    case 'decline':
    case 'sign':
    case 'return_visit':
    case 'comment':
      return [];
  }
}

const excerpt = (s: string | null | undefined, n: number) => {
  const flat = (s ?? '').replace(/\s+/g, ' ').trim();
  return flat.length > n ? `${flat.slice(0, n)}…` : flat;
};

/** The message body for one kind; residents' bodies never carry staff notes. */
export function bodyOf(kind: MessageKind, e: TicketEvent): string {
  const code = e.ticket.caseCode;
  const note = excerpt(e.note, 80);
  const summary = excerpt(e.ticket.text, 40);
  switch (kind) {
    case 'case_accepted':
      return `您反映的事项(案件编码 ${code})已受理,我们会尽快安排办理。`;
    case 'case_dispatched':
      return `您的案件 ${code} 已交承办部门办理。`;
    case 'case_resolved':
      return `您的案件 ${code} 已办结,请在「我的反映」中对办理结果进行评价。`;
    case 'ticket_assigned':
      return `案件 ${code} 已交办至本部门,请及时签收。事项:${summary}`;
    case 'ticket_supervised':
      return `案件 ${code} 被督办${note ? `:${note}` : ',请抓紧办理。'}`;
    case 'ticket_returned':
      return `案件 ${code} 被承办部门退回${note ? `,理由:${note}` : ''},请重新交办。`;
    case 'ticket_escalated':
      return `案件 ${code} 已上报至本中心${note ? `,理由:${note}` : ''}。事项:${summary}`;
    case 'ticket_overdue':
      return `案件 ${code} ${e.data?.kind === 'sign' ? '超过签收时限未签收' : '超过办结时限未办结'},已自动督办(红色预警)。`;
    case 'resident_unsatisfied':
      return `群众对案件 ${code} 的办理结果不满意,案件已重办。`;
    case 'crisis_report':
    case 'crisis_unaccepted':
      // Written by CrisisAlerts inside the report's own transaction; the same words if ever sent from here.
      return crisisTexts(kind, e.ticket).body;
  }
}

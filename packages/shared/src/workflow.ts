import type { Role, TicketAction, TicketStatus } from './codes';

/**
 * The ticket lifecycle of DOMAIN.md as data. `to: null` marks acts that do
 * not change the status (督办, 补充). `evaluate` has two targets chosen by the
 * resident's verdict; `escalate` keeps `accepted` but moves the ticket to the
 * next level's centre.
 */
export interface Transition {
  action: TicketAction;
  from: readonly TicketStatus[];
  to: TicketStatus | null;
  /** Alternative target, used by `evaluate` when the resident is unsatisfied (重办). */
  altTo?: TicketStatus;
  roles: readonly Role[];
  /** Fields the action cannot do without. */
  requires: readonly RequiredField[];
}

/** Payload fields an action may require; `note` carries the reason where one is needed. */
export type RequiredField = 'note' | 'guidance' | 'departmentId' | 'outcome' | 'satisfaction' | 'method';

const OPEN: readonly TicketStatus[] = ['submitted', 'accepted', 'dispatched', 'in_progress'];

export const TRANSITIONS: readonly Transition[] = [
  { action: 'accept', from: ['submitted'], to: 'accepted', roles: ['dispatcher'], requires: [] },
  { action: 'decline', from: ['submitted'], to: 'declined', roles: ['dispatcher'], requires: ['note', 'guidance'] },
  { action: 'dispatch', from: ['accepted'], to: 'dispatched', roles: ['dispatcher'], requires: ['departmentId'] },
  { action: 'sign', from: ['dispatched'], to: 'in_progress', roles: ['handler'], requires: [] },
  { action: 'return', from: ['dispatched'], to: 'accepted', roles: ['handler'], requires: ['note'] },
  { action: 'feedback', from: ['in_progress'], to: 'resolved', roles: ['handler'], requires: ['outcome'] },
  {
    action: 'evaluate',
    from: ['resolved'],
    to: 'closed',
    altTo: 'in_progress',
    roles: ['resident'],
    requires: ['satisfaction'],
  },
  { action: 'return_visit', from: ['resolved'], to: 'closed', roles: ['dispatcher'], requires: ['note', 'method'] },
  { action: 'escalate', from: OPEN, to: 'accepted', roles: ['dispatcher', 'handler'], requires: ['note'] },
  {
    action: 'settle_on_site',
    from: ['submitted'],
    to: 'resolved',
    roles: ['grid_worker'],
    requires: ['outcome'],
  },
  { action: 'supervise', from: OPEN, to: null, roles: ['dispatcher', 'leader'], requires: [] },
  {
    action: 'comment',
    from: [...OPEN, 'resolved'],
    to: null,
    roles: ['resident', 'grid_worker', 'dispatcher', 'handler', 'leader'],
    requires: ['note'],
  },
];

export function transitionFor(action: TicketAction): Transition {
  const t = TRANSITIONS.find((x) => x.action === action);
  if (!t) throw new Error(`unknown action ${action}`);
  return t;
}

/** Actions the table allows from a status for a role, before any unit/ownership check. */
export function actionsFrom(status: TicketStatus, role: Role): TicketAction[] {
  return TRANSITIONS.filter((t) => t.from.includes(status) && t.roles.includes(role)).map((t) => t.action);
}

/** The status an action leads to (null when it does not change status). */
export function targetStatus(
  action: TicketAction,
  from: TicketStatus,
  opts: { satisfaction?: string } = {},
): TicketStatus | null {
  const t = transitionFor(action);
  if (!t.from.includes(from)) throw new Error(`${action} is not allowed from ${from}`);
  if (action === 'evaluate' && opts.satisfaction === 'unsatisfied') return t.altTo ?? null;
  return t.to;
}

export type ActionPayloadFields = Partial<Record<RequiredField, unknown>>;

/**
 * The required fields an action payload lacks: the table's `requires`, plus a
 * reason (`note`) when the outcome is `unresolved` 未化解.
 */
export function missingFields(action: TicketAction, payload: ActionPayloadFields): RequiredField[] {
  const present = (f: RequiredField) => {
    const v = payload[f];
    return typeof v === 'string' ? v.trim().length > 0 : v !== undefined && v !== null;
  };
  const needed = new Set<RequiredField>(transitionFor(action).requires);
  if ((action === 'feedback' || action === 'settle_on_site') && payload.outcome === 'unresolved') needed.add('note');
  return [...needed].filter((f) => !present(f));
}

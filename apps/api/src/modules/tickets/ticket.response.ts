import {
  ACTION_LABELS,
  actionsFrom,
  deadlineColor,
  maskPhone,
  ROLE_LABELS,
  STATUS_LABELS,
  type DeadlineColor,
  type TicketAction,
} from '@zongzhi/shared';
import type { AuthUser } from '../../common/auth/auth-user';
import type { TicketHistory } from './ticket-history.entity';
import type { StoredTriage, Ticket } from './ticket.entity';

export interface HistoryResponse {
  action: string;
  actionLabel: string;
  fromStatus: string | null;
  toStatus: string;
  actor: { role: string; name: string };
  note: string | null;
  at: string;
}

export interface TicketResponse {
  id: string;
  caseCode: string;
  status: string;
  statusLabel: string;
  channel: string;
  text: string;
  createdAt: string;
  location?: { lat: number; lng: number; address: string | null } | null;
  address?: string | null;
  locationUnverified?: boolean;
  photos: { id: string; url: string; thumbnailUrl: string }[];
  triage?: StoredTriage | null;
  category: string | null;
  riskLevel: string | null;
  departmentId: string | null;
  unitId: string;
  gridId: string | null;
  color: DeadlineColor | null;
  signDeadline: string | null;
  resolveDeadline: string | null;
  anonymous: boolean;
  contactPhone?: string | null;
  history?: HistoryResponse[];
  allowedActions?: TicketAction[];
}

/** The colour of an open ticket under a running clock; null when no clock runs. */
export function colorOf(t: Ticket, now = new Date()): DeadlineColor | null {
  if (!t.dispatchedAt) return null;
  if (t.status === 'dispatched' && t.signDeadline) return deadlineColor(t.dispatchedAt, t.signDeadline, now);
  if (t.status === 'in_progress' && t.resolveDeadline) return deadlineColor(t.dispatchedAt, t.resolveDeadline, now);
  return null;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * Decides what one viewer sees of a ticket. The reporter sees their own
 * words, phone and place; staff see the engine's reasoning and a masked phone;
 * nobody else gets here (access is checked before).
 */
export function toTicketResponse(t: Ticket, viewer: AuthUser): TicketResponse {
  const isOwner = t.reporterId === viewer.id;
  const isStaff = viewer.role !== 'resident';
  return {
    id: t.id,
    caseCode: t.caseCode,
    status: t.status,
    statusLabel: STATUS_LABELS[t.status],
    channel: t.channel,
    text: t.text,
    createdAt: t.createdAt.toISOString(),
    location: t.lat !== null && t.lng !== null ? { lat: t.lat, lng: t.lng, address: t.address } : null,
    address: t.address,
    locationUnverified: isStaff ? t.locationUnverified : undefined,
    photos: [],
    triage: isStaff ? t.triage : undefined,
    category: t.category,
    riskLevel: t.riskLevel,
    departmentId: t.departmentId,
    unitId: t.unitId,
    gridId: t.gridId,
    color: colorOf(t),
    signDeadline: iso(t.signDeadline),
    resolveDeadline: iso(t.resolveDeadline),
    anonymous: t.anonymous,
    contactPhone: isOwner ? t.contactPhone : maskPhone(t.contactPhone),
  };
}

export function toHistoryResponse(h: TicketHistory): HistoryResponse {
  return {
    action: h.action,
    actionLabel: h.action === 'submit' ? '提交' : ACTION_LABELS[h.action],
    fromStatus: h.fromStatus,
    toStatus: h.toStatus,
    actor: { role: h.actorRole, name: h.actorLabel || ROLE_LABELS[h.actorRole] },
    note: h.note,
    at: h.at.toISOString(),
  };
}

export function allowedActionsFor(t: Ticket, viewer: AuthUser): TicketAction[] {
  const actions = actionsFrom(t.status, viewer.role);
  // A resident acts only on their own ticket.
  if (viewer.role === 'resident' && t.reporterId !== viewer.id) return [];
  return actions;
}

/** What anyone holding the case code and the reporter's phone may see. */
export function toPublicView(t: Ticket, history: TicketHistory[]) {
  return {
    caseCode: t.caseCode,
    status: t.status,
    statusLabel: STATUS_LABELS[t.status],
    createdAt: t.createdAt.toISOString(),
    category: t.category,
    history: history.map((h) => {
      const r = toHistoryResponse(h);
      // Staff notes can name third parties; the public trail keeps only the steps.
      return { action: r.action, actionLabel: r.actionLabel, toStatus: r.toStatus, actor: r.actor.name, at: r.at };
    }),
  };
}

import {
  ACTION_LABELS,
  CRISIS_HOTLINES,
  CRISIS_TEXT,
  deadlineColor,
  maskIdCardsIn,
  maskPhone,
  ROLE_LABELS,
  STATUS_LABELS,
  type DeadlineColor,
  type Hotline,
  type TicketAction,
} from '@zongzhi/shared';
import type { AuthUser } from '../../common/auth/auth-user';
import { reportPhotos, type TicketPhoto } from '../uploads/uploads.service';
import type { TicketHistory } from './ticket-history.entity';
import type { StoredTriage, Ticket } from './ticket.entity';

export interface HistoryResponse {
  action: string;
  actionLabel: string;
  fromStatus: string | null;
  toStatus: string;
  actor: { role: string; name: string };
  note: string | null;
  /** Action details (outcome, satisfaction, guidance, department …); staff see all, residents the public part. */
  data?: Record<string, unknown> | null;
  /** Photos filed with this step (feedback, on-site settlement, a comment). */
  photos: { id: string; url: string; thumbnailUrl: string }[];
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
  /** 受理时限 while the ticket waits to be accepted (1 hour in a crisis, else 24 hours); null once accepted. */
  acceptDeadline: string | null;
  /** A crisis (self_harm): queued first at the district centre. */
  urgent: boolean;
  /** For whoever filed a crisis report: what to read first, and whom to call. */
  crisis?: { title: string; body: string; hotlines: readonly Hotline[] };
  dispatchedAt?: string | null;
  reopenCount?: number;
  anonymous: boolean;
  contactPhone?: string | null;
  history?: HistoryResponse[];
  allowedActions?: TicketAction[];
  /** Staff: the department the routing rules suggest (at the ticket's centre or the nearest unit above). */
  suggestedDepartmentId?: string | null;
  suggestedDepartment?: string | null;
  /** 联合调处: lead and assisting departments. */
  departments?: { id: string; name: string; role: string }[];
  /** Dispatchers: where this ticket may be dispatched. */
  dispatchTargets?: { id: string; code: string; name: string; unitId: string }[];
}

/** Stored triage as returned: tickets filed before flags existed answer with none. */
export function withFlags(t: StoredTriage | null): StoredTriage | null {
  return t ? { ...t, flags: t.flags ?? [] } : null;
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
/**
 * `photos` are this ticket's photos as `UploadsService.photosFor` loads them
 * (one query for a whole page of tickets); the report's own are shown here,
 * those filed with a history row belong to that row.
 */
export function toTicketResponse(t: Ticket, viewer: AuthUser, now: Date, photos: readonly TicketPhoto[] | undefined): TicketResponse {
  // Only a resident's own number comes back in full: staff who file for someone else
  // (来访登记, 12345 import, a grid worker's report) hold the visitor's or caller's phone.
  const ownPhone = viewer.role === 'resident' && t.reporterId === viewer.id;
  const isStaff = viewer.role !== 'resident';
  return {
    id: t.id,
    caseCode: t.caseCode,
    status: t.status,
    statusLabel: STATUS_LABELS[t.status],
    channel: t.channel,
    // An ID number typed into the text (in any spelling) is never shown in full, to staff or anyone.
    text: maskIdCardsIn(t.text),
    createdAt: t.createdAt.toISOString(),
    location: t.lat !== null && t.lng !== null ? { lat: t.lat, lng: t.lng, address: t.address } : null,
    address: t.address,
    locationUnverified: isStaff ? t.locationUnverified : undefined,
    photos: reportPhotos(photos),
    triage: isStaff ? withFlags(t.triage) : undefined,
    category: t.category,
    riskLevel: t.riskLevel,
    departmentId: t.departmentId,
    unitId: t.unitId,
    gridId: t.gridId,
    color: colorOf(t, now),
    signDeadline: iso(t.signDeadline),
    resolveDeadline: iso(t.resolveDeadline),
    acceptDeadline: t.status === 'submitted' ? iso(t.acceptDeadline) : null,
    urgent: t.urgent,
    crisis: t.urgent && t.reporterId === viewer.id ? { ...CRISIS_TEXT[viewer.role === 'resident' ? 'resident' : 'staff'], hotlines: CRISIS_HOTLINES } : undefined,
    dispatchedAt: iso(t.dispatchedAt),
    reopenCount: t.reopenCount,
    anonymous: t.anonymous,
    contactPhone: ownPhone ? t.contactPhone : maskPhone(t.contactPhone),
  };
}

/** History details a resident may read; the rest (overrides, departments, extensions) is internal. */
const PUBLIC_DATA_KEYS = ['outcome', 'satisfaction', 'guidance', 'method', 'channel', 'auto', 'kind'];

export function toHistoryResponse(h: TicketHistory, viewer?: AuthUser, photos: readonly TicketPhoto[] = []): HistoryResponse {
  const forResident = viewer?.role === 'resident';
  const internal = !!(h.data && ('override' in h.data || 'extension' in h.data));
  const data = h.data && forResident ? Object.fromEntries(Object.entries(h.data).filter(([k]) => PUBLIC_DATA_KEYS.includes(k))) : h.data;
  return {
    action: h.action,
    actionLabel: h.action === 'submit' ? '提交' : ACTION_LABELS[h.action],
    fromStatus: h.fromStatus,
    toStatus: h.toStatus,
    actor: { role: h.actorRole, name: h.actorLabel || (h.actorRole === 'system' ? '系统' : ROLE_LABELS[h.actorRole]) },
    note: forResident && internal ? null : h.note,
    data,
    photos: photos.filter((p) => p.historyId === h.id).map(({ id, url, thumbnailUrl }) => ({ id, url, thumbnailUrl })),
    at: h.at.toISOString(),
  };
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

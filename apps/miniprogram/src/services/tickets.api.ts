import type {
  Category,
  Channel,
  DeadlineColor,
  Department,
  Outcome,
  ReturnVisitMethod,
  RiskLevel,
  Satisfaction,
  SupervisionKind,
  TicketAction,
  TicketStatus,
  TriageFlag,
  Tier,
  TimeLimit,
} from '@zongzhi/shared';
import type { CrisisNotice } from './reports.api';
import { request, type ApiResult } from './request';

/** A ticket as staff see it (GET /tickets, GET /tickets/:id). */
export interface StaffTicket {
  id: string;
  caseCode: string;
  status: TicketStatus;
  statusLabel?: string;
  channel: Channel;
  text: string;
  createdAt: string;
  location?: { lat: number; lng: number; address: string | null } | null;
  address?: string | null;
  locationUnverified?: boolean;
  photos: { id: string; url: string; thumbnailUrl: string }[];
  triage?: { category: Category; riskLevel: RiskLevel; department: Department; tier: Tier; reasons: string[]; confidence: number; flags?: TriageFlag[] } | null;
  category: Category | null;
  riskLevel: RiskLevel | null;
  departmentId: string | null;
  unitId: string;
  gridId: string | null;
  color: DeadlineColor | null;
  signDeadline: string | null;
  resolveDeadline: string | null;
  /** 受理时限 while submitted (1 hour for a crisis, else 24 hours). */
  acceptDeadline?: string | null;
  /** A crisis (self_harm): queued first, one hour to accept. */
  urgent?: boolean;
  crisis?: CrisisNotice;
  dispatchedAt?: string | null;
  anonymous?: boolean;
  contactPhone?: string | null;
}

export interface StaffHistoryEntry {
  action: string;
  actionLabel?: string;
  fromStatus: string | null;
  toStatus: string;
  actor: { role: string; name: string } | string;
  note: string | null;
  data?: Record<string, unknown> | null;
  at: string;
}

export interface DispatchTarget {
  id: string;
  code: string;
  name: string;
  unitId: string;
}

export interface StaffTicketDetail extends StaffTicket {
  history: StaffHistoryEntry[];
  allowedActions: TicketAction[];
  suggestedDepartmentId?: string | null;
  suggestedDepartment?: Department | null;
  departments?: { id: string; name: string; role: string }[];
  dispatchTargets?: DispatchTarget[];
}

export interface TicketQuery {
  status?: TicketStatus | '';
  riskLevel?: RiskLevel | '';
  category?: Category | '';
  color?: DeadlineColor | '';
  channel?: Channel | '';
  q?: string;
  /** true: only tickets a department sent back to the centre (被退回); the server decides from the trail. */
  returned?: boolean;
  sort?: 'newest' | 'urgent';
  departmentId?: string;
  page?: number;
  pageSize?: number;
}

export interface TicketPage {
  items: StaffTicket[];
  total: number;
}

/** The payload of POST /tickets/:id/actions. */
export interface ActionPayload {
  note?: string;
  guidance?: string;
  departmentId?: string;
  departmentIds?: string[];
  outcome?: Outcome;
  satisfaction?: Satisfaction;
  method?: ReturnVisitMethod;
  photoIds?: string[];
}

export function listTickets(query: TicketQuery): Promise<ApiResult<TicketPage>> {
  return request<TicketPage>('/tickets', { query: { pageSize: 50, ...query } as Record<string, string | number | boolean | undefined> });
}

export function getStaffTicket(id: string): Promise<ApiResult<StaffTicketDetail>> {
  return request<StaffTicketDetail>(`/tickets/${encodeURIComponent(id)}`);
}

export function actOn(id: string, action: TicketAction, payload: ActionPayload): Promise<ApiResult<StaffTicketDetail>> {
  return request<StaffTicketDetail>(`/tickets/${encodeURIComponent(id)}/actions`, { method: 'POST', data: { action, ...payload } });
}

export interface TriageOverride {
  category?: Category;
  riskLevel?: RiskLevel;
  department?: Department;
  reason: string;
}

export function overrideTriage(id: string, body: TriageOverride): Promise<ApiResult<unknown>> {
  return request(`/tickets/${encodeURIComponent(id)}/triage-override`, { method: 'POST', data: body });
}

export interface ExtensionRequest {
  id: string;
  ticketId: string;
  caseCode?: string;
  departmentId: string;
  reason: string;
  currentDeadline: string;
  requestedDeadline: string;
  status: 'pending' | 'approved' | 'rejected';
  createdAt: string;
}

export function listExtensionRequests(status: 'pending' | 'approved' | 'rejected' = 'pending'): Promise<ApiResult<{ items: ExtensionRequest[] }>> {
  return request<{ items: ExtensionRequest[] }>('/extension-requests', { query: { status } });
}

export function requestExtension(ticketId: string, reason: string, requestedDeadline: string): Promise<ApiResult<ExtensionRequest>> {
  return request<ExtensionRequest>(`/tickets/${encodeURIComponent(ticketId)}/extension-requests`, { method: 'POST', data: { reason, requestedDeadline } });
}

export function decideExtension(ticketId: string, requestId: string, approve: boolean, note?: string): Promise<ApiResult<ExtensionRequest>> {
  return request<ExtensionRequest>(`/tickets/${encodeURIComponent(ticketId)}/extension-requests/${encodeURIComponent(requestId)}/decision`, {
    method: 'POST',
    data: { approve, ...(note ? { note } : {}) },
  });
}

export function timeLimits(): Promise<ApiResult<{ byRiskLevel: Record<RiskLevel, TimeLimit> }>> {
  return request<{ byRiskLevel: Record<RiskLevel, TimeLimit> }>('/admin/time-limits', { quiet: true });
}

/** 督办单 (GET /supervision-notices): `readAt` is null until a handler of the department opens it. */
export interface SupervisionNotice {
  id: string;
  ticketId: string;
  kind: SupervisionKind;
  note: string | null;
  createdAt: string;
  readAt: string | null;
}

export function listSupervisionNotices(unread?: boolean): Promise<ApiResult<{ items: SupervisionNotice[]; unread: number }>> {
  return request<{ items: SupervisionNotice[]; unread: number }>('/supervision-notices', { query: unread ? { unread: true } : {}, quiet: true });
}

export function markSupervisionNoticeRead(id: string): Promise<ApiResult<SupervisionNotice>> {
  return request<SupervisionNotice>(`/supervision-notices/${encodeURIComponent(id)}/read`, { method: 'POST', quiet: true });
}

/** The handler opened this ticket: its unread 督办单 count as seen. */
export async function markTicketNoticesRead(ticketId: string): Promise<void> {
  const r = await listSupervisionNotices(true);
  if (!r.ok) return;
  await Promise.all(r.data.items.filter((n) => n.ticketId === ticketId).map((n) => markSupervisionNoticeRead(n.id)));
}

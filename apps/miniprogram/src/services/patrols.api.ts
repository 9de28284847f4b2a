import type { Outcome, PatrolStatus, RiskLevel, TicketStatus } from '@zongzhi/shared';
import type { Photo, TicketDetail } from './reports.api';
import { request, type ApiResult } from './request';

export interface PatrolEntry {
  id?: string;
  note?: string | null;
  photos?: Photo[];
  photoIds?: string[];
  ticketId?: string | null;
  caseCode?: string | null;
  at?: string;
  createdAt?: string;
}

export interface Patrol {
  id: string;
  status: PatrolStatus;
  startedAt: string;
  finishedAt?: string | null;
  /** The API's name for the end of a patrol. */
  endedAt?: string | null;
  note?: string | null;
  entries?: PatrolEntry[];
  /** Events reported during the patrol, when the API lists them. */
  tickets?: { id: string; caseCode: string; status: TicketStatus; text?: string; settledOnSite?: boolean; createdAt?: string }[];
  found?: number;
  settled?: number;
  durationMinutes?: number;
}

export interface GridTicket {
  id: string;
  caseCode: string;
  status: TicketStatus;
  text: string;
  createdAt: string;
  riskLevel?: RiskLevel | null;
  color?: 'blue' | 'yellow' | 'red' | null;
  resolveDeadline?: string | null;
  signDeadline?: string | null;
  channel?: string;
}

/** YYYY-MM-DD in China (UTC+8), the day a patrol belongs to. */
export function todayInChina(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

export function listPatrols(date: string): Promise<ApiResult<{ items: Patrol[] } | Patrol[]>> {
  return request('/patrols', { query: { date }, quiet: true });
}

/** Either shape: a bare array or `{items}`. */
export function patrolItems(data: { items: Patrol[] } | Patrol[] | null | undefined): Patrol[] {
  if (!data) return [];
  return Array.isArray(data) ? data : data.items || [];
}

export function startPatrol(note?: string): Promise<ApiResult<Patrol>> {
  return request<Patrol>('/patrols', { method: 'POST', data: note ? { note } : {}, retries: 2 });
}

export interface NewPatrolEntry {
  note?: string;
  photoIds?: string[];
  location?: { lat: number; lng: number; address?: string };
}

export function addPatrolEntry(patrolId: string, entry: NewPatrolEntry): Promise<ApiResult<PatrolEntry>> {
  const data: Record<string, unknown> = {};
  if (entry.note && entry.note.trim()) data.note = entry.note.trim();
  if (entry.photoIds?.length) data.photoIds = entry.photoIds;
  if (entry.location) data.location = entry.location;
  return request<PatrolEntry>(`/patrols/${encodeURIComponent(patrolId)}/entries`, { method: 'POST', data });
}

export function finishPatrol(patrolId: string, note?: string): Promise<ApiResult<Patrol>> {
  return request<Patrol>(`/patrols/${encodeURIComponent(patrolId)}/finish`, { method: 'POST', data: note ? { note } : {} });
}

const OPEN = ['submitted', 'accepted', 'dispatched', 'in_progress'];

/** The open tickets of the worker's grid, most urgent first (high risk, then red/yellow, then the earliest deadline). */
export async function listGridOpenTickets(): Promise<ApiResult<GridTicket[]>> {
  const r = await request<{ items: GridTicket[] }>('/tickets', { query: { sort: 'urgent', pageSize: 50 } });
  if (!r.ok) return r;
  return { ...r, data: (r.data.items || []).filter((t) => OPEN.indexOf(t.status) >= 0) };
}

export interface Settlement {
  outcome: Outcome;
  note: string;
  photoIds: string[];
}

/** 现场化解: a simple matter settled on the spot by the grid worker. */
export function settleOnSite(ticketId: string, s: Settlement): Promise<ApiResult<TicketDetail>> {
  const data: Record<string, unknown> = { action: 'settle_on_site', outcome: s.outcome, note: s.note.trim() };
  if (s.photoIds.length) data.photoIds = s.photoIds;
  return request<TicketDetail>(`/tickets/${encodeURIComponent(ticketId)}/actions`, { method: 'POST', data });
}

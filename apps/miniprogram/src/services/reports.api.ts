import type { Category, Channel, Department, RiskLevel, TicketStatus, Tier } from '@zongzhi/shared';
import { request, type ApiResult } from './request';

export interface Triage {
  category: Category;
  riskLevel: RiskLevel;
  department: Department;
  tier: Tier;
  reasons: string[];
  confidence: number;
}

export interface NewReport {
  text: string;
  contactPhone?: string;
  anonymous?: boolean;
  /** Ids from POST /uploads, in the order shown. */
  photoIds?: string[];
  /** GCJ-02. */
  location?: { lat: number; lng: number; address?: string };
}

export interface ReportCreated {
  id: string;
  caseCode: string;
  status: TicketStatus;
  triage?: Triage;
}

export interface Ticket {
  id: string;
  caseCode: string;
  status: TicketStatus;
  channel: Channel;
  text: string;
  createdAt: string;
  category?: Category | null;
  riskLevel?: RiskLevel | null;
  color?: 'blue' | 'yellow' | 'red' | null;
  triage?: Triage | null;
}

export interface HistoryEntry {
  action: string;
  fromStatus?: TicketStatus | null;
  toStatus?: TicketStatus | null;
  actor?: string | { displayName?: string; role?: string } | null;
  note?: string | null;
  at: string;
}

export interface TicketDetail extends Ticket {
  history: HistoryEntry[];
}

export interface PublicCaseView {
  caseCode: string;
  status: TicketStatus;
  createdAt: string;
  category?: Category | null;
  history: HistoryEntry[];
}

export interface Page<T> {
  items: T[];
  total: number;
}

/**
 * Submits a report. The caller owns `idempotencyKey` (one per draft, kept
 * until success); network failures are retried here with the same key.
 */
export function submitReport(report: NewReport, idempotencyKey: string): Promise<ApiResult<ReportCreated>> {
  const data: Record<string, unknown> = { text: report.text, channel: 'miniprogram' };
  if (report.contactPhone) data.contactPhone = report.contactPhone;
  if (report.anonymous) data.anonymous = true;
  if (report.photoIds?.length) data.photoIds = report.photoIds;
  if (report.location) data.location = report.location;
  return request<ReportCreated>('/reports', {
    method: 'POST',
    data,
    headers: { 'Idempotency-Key': idempotencyKey },
    retries: 2,
  });
}

export function listMyReports(): Promise<ApiResult<Page<Ticket>>> {
  return request<Page<Ticket>>('/reports/mine');
}

export function getTicket(id: string): Promise<ApiResult<TicketDetail>> {
  return request<TicketDetail>(`/tickets/${encodeURIComponent(id)}`);
}

export function lookupCase(caseCode: string, phone: string): Promise<ApiResult<PublicCaseView>> {
  return request<PublicCaseView>('/reports/lookup', { query: { caseCode, phone }, auth: false, quiet: true });
}

import type { Category, Channel, Department, Hotline, Outcome, RiskLevel, Satisfaction, TicketAction, TicketStatus, Tier, TriageFlag } from '@zongzhi/shared';
import { request, type ApiResult } from './request';

export interface Triage {
  category: Category;
  riskLevel: RiskLevel;
  department: Department;
  tier: Tier;
  reasons: string[];
  confidence: number;
  /** Life-safety and scale flags, each quoting its words (absent on old tickets). */
  flags?: TriageFlag[];
}

/** For whoever filed a crisis report (self_harm): what to read first and whom to call. */
export interface CrisisNotice {
  title: string;
  body: string;
  hotlines: readonly Hotline[];
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

export interface SubmitOptions {
  /** `grid_patrol` for a grid worker's event; the resident app sends `miniprogram`. */
  channel?: Channel;
  /** The open patrol the event was found on. */
  patrolId?: string;
  /** Told before each retry, to show "网络不佳,正在重试…". */
  onRetry?: (attempt: number) => void;
}

export interface ReportCreated {
  id: string;
  caseCode: string;
  status: TicketStatus;
  triage?: Triage;
  urgent?: boolean;
  crisis?: CrisisNotice;
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
  urgent?: boolean;
  acceptDeadline?: string | null;
  crisis?: CrisisNotice;
}

export interface Photo {
  id: string;
  url: string;
  thumbnailUrl: string;
}

export interface HistoryEntry {
  action: string;
  actionLabel?: string;
  fromStatus?: TicketStatus | null;
  toStatus?: TicketStatus | null;
  /** Ticket views give `{role, name}`; the public lookup gives the name. */
  actor?: string | { name?: string; displayName?: string; role?: string } | null;
  note?: string | null;
  data?: { outcome?: Outcome; satisfaction?: Satisfaction; guidance?: string } & Record<string, unknown>;
  /** Photos filed with this step (feedback, on-site settlement), when the API sends them. */
  photos?: Photo[];
  at: string;
}

export interface TicketDetail extends Ticket {
  history: HistoryEntry[];
  photos?: Photo[];
  allowedActions?: TicketAction[];
  signDeadline?: string | null;
  resolveDeadline?: string | null;
  location?: { lat: number; lng: number; address: string | null } | null;
  anonymous?: boolean;
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
export function submitReport(report: NewReport, idempotencyKey: string, options: SubmitOptions = {}): Promise<ApiResult<ReportCreated>> {
  const data: Record<string, unknown> = { text: report.text, channel: options.channel || 'miniprogram' };
  if (options.patrolId) data.patrolId = options.patrolId;
  if (report.contactPhone) data.contactPhone = report.contactPhone;
  if (report.anonymous) data.anonymous = true;
  if (report.photoIds?.length) data.photoIds = report.photoIds;
  if (report.location) data.location = report.location;
  return request<ReportCreated>('/reports', {
    method: 'POST',
    data,
    headers: { 'Idempotency-Key': idempotencyKey },
    // A weak signal: three more tries with the very same key, then the
    // draft (and its key) waits on the device for the resident to retry.
    retries: 3,
    quiet: true,
    onRetry: options.onRetry,
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

export interface EvaluationInput {
  satisfaction: Satisfaction;
  note?: string;
}

/** The resident rates the result of their own resolved case. */
export function evaluateTicket(id: string, input: EvaluationInput): Promise<ApiResult<TicketDetail>> {
  const data: Record<string, unknown> = { action: 'evaluate', satisfaction: input.satisfaction };
  if (input.note && input.note.trim()) data.note = input.note.trim();
  return request<TicketDetail>(`/tickets/${encodeURIComponent(id)}/actions`, { method: 'POST', data });
}

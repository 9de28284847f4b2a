import { OUTCOME_LABELS, SATISFACTION_LABELS, type Outcome, type Satisfaction, type TicketStatus } from '@zongzhi/shared';
import type { OrgService } from '../org/org.service';
import type { TicketPhoto } from '../uploads/uploads.service';
import type { TicketHistory } from './ticket-history.entity';
import type { Ticket } from './ticket.entity';

/** The case's road as a resident reads it, like a parcel tracker. */
export const PROGRESS_STEPS = [
  { key: 'submit', label: '提交' },
  { key: 'accept', label: '受理' },
  { key: 'dispatch', label: '交办' },
  { key: 'handle', label: '办理' },
  { key: 'reply', label: '答复' },
  { key: 'evaluate', label: '评价' },
] as const;
export type ProgressStepKey = (typeof PROGRESS_STEPS)[number]['key'];

export interface ProgressStep {
  key: ProgressStepKey;
  label: string;
  /** `done` with its time, `current` highlighted, `todo` grey; `stopped` where a declined case ended. */
  state: 'done' | 'current' | 'todo' | 'stopped';
  at: string | null;
}

export interface ProgressEvent {
  step: ProgressStepKey;
  /** One plain sentence: 「已转交东城街道司法所办理,预计12月11日前答复」. */
  text: string;
  /** A public note (the department's answer, the resident's own words); never an internal one. */
  note: string | null;
  photos: { id: string; url: string; thumbnailUrl: string }[];
  at: string;
}

export interface ResidentProgress {
  /** Where the case stands now, in one sentence. */
  summary: string;
  /** The unit now responsible, in plain words (null before anyone is). */
  responsible: string | null;
  /** The date a reply is expected (ISO), while a department is handling it. */
  expectedBy: string | null;
  steps: ProgressStep[];
  /** Newest first. */
  events: ProgressEvent[];
}

/** Names the trail refers to by id (departments, units), looked up by the caller. */
export interface ProgressNames {
  department(id: unknown): string | undefined;
  unit(id: unknown): string | undefined;
}

/** 12月11日, in China time. */
export function chinaDate(d: Date | string): string {
  const c = new Date(new Date(d).getTime() + 8 * 3600_000);
  return `${c.getUTCMonth() + 1}月${c.getUTCDate()}日`;
}

const STEP_OF: Record<string, ProgressStepKey | undefined> = {
  submit: 'submit',
  accept: 'accept',
  decline: 'accept',
  dispatch: 'dispatch',
  escalate: 'dispatch',
  return: 'dispatch',
  sign: 'handle',
  supervise: 'handle',
  feedback: 'reply',
  settle_on_site: 'reply',
  evaluate: 'evaluate',
  return_visit: 'evaluate',
  comment: undefined,
};

/** The step each status is waiting on (the one highlighted). */
const CURRENT_OF: Record<TicketStatus, number> = { submitted: 1, accepted: 2, dispatched: 3, in_progress: 3, resolved: 5, closed: 6, declined: 1 };

function sentence(h: TicketHistory, names: ProgressNames, forReporter: boolean): string | null {
  const d = h.data ?? {};
  const who = h.actorLabel;
  switch (h.action) {
    case 'submit':
      return forReporter ? '您提交了反映' : '反映已提交';
    case 'accept':
      return `${who}已受理`;
    case 'decline':
      return `${who}经核实,不予受理${typeof d.guidance === 'string' && d.guidance ? `。建议:${d.guidance}` : ''}`;
    case 'dispatch': {
      const dept = names.department(d.departmentId) ?? '承办部门';
      const by = typeof d.resolveDeadline === 'string' ? `,预计${chinaDate(d.resolveDeadline)}前答复` : '';
      const assists = Array.isArray(d.departmentIds) && d.departmentIds.length ? '(多个部门共同办理)' : '';
      return `已转交${dept}办理${assists}${by}`;
    }
    case 'sign':
      return `${who}已接手,正在办理`;
    case 'return':
      return '正在为您重新安排承办部门';
    case 'escalate': {
      const up = names.unit(d.toUnitId);
      return `已转${up ? `${up}综治中心` : '上一级综治中心'}处理`;
    }
    case 'supervise':
      return '已督促承办部门加快办理';
    case 'feedback':
      return `${who}已答复:${OUTCOME_LABELS[d.outcome as Outcome] ?? '已处理'}`;
    case 'settle_on_site':
      return `${who}已在现场处理:${OUTCOME_LABELS[d.outcome as Outcome] ?? '已处理'}`;
    case 'evaluate': {
      const s = d.satisfaction as Satisfaction;
      if (s === 'unsatisfied') return `${forReporter ? '您' : '反映人'}对结果不满意,已要求重新办理`;
      return `${forReporter ? '您的' : '反映人'}评价:${SATISFACTION_LABELS[s] ?? '已评价'}`;
    }
    case 'return_visit':
      return `${who}已回访`;
    case 'comment':
      if (h.visibility !== 'public') return null;
      return h.actorRole === 'resident' ? (forReporter ? '您补充了情况' : '反映人补充了情况') : `${who}补充说明`;
    default:
      return null;
  }
}

/**
 * The resident's tracker: every step of the road (提交 → 受理 → 交办 → 办理 →
 * 答复 → 评价), finished ones with their time, the current one highlighted,
 * the rest grey; below, what happened, newest first, in plain words. Only
 * public notes appear, and only when `withNotes` (the public lookup shows none).
 */
export function residentProgress(
  t: Ticket,
  history: readonly TicketHistory[],
  names: ProgressNames,
  opts: { withNotes: boolean; forReporter: boolean; photos?: readonly TicketPhoto[] },
): ResidentProgress {
  const events: ProgressEvent[] = [];
  const lastAt = new Map<ProgressStepKey, string>();
  for (const h of history) {
    const text = sentence(h, names, opts.forReporter);
    if (text === null) continue;
    const step = STEP_OF[h.action] ?? 'handle';
    const at = h.at.toISOString();
    lastAt.set(step, at);
    const visible = opts.withNotes && h.visibility === 'public';
    events.push({
      step,
      text,
      note: visible ? h.note : null,
      photos: visible ? (opts.photos ?? []).filter((p) => p.historyId === h.id).map(({ id, url, thumbnailUrl }) => ({ id, url, thumbnailUrl })) : [],
      at,
    });
  }
  events.reverse();

  const settledOnSite = history.some((h) => h.action === 'settle_on_site');
  const current = CURRENT_OF[t.status];
  const steps: ProgressStep[] = PROGRESS_STEPS.map((s, i) => {
    let state: ProgressStep['state'] = i < current ? 'done' : i === current ? 'current' : 'todo';
    if (t.status === 'declined' && i === 1) state = 'stopped';
    return { key: s.key, label: t.status === 'declined' && i === 1 ? '不予受理' : s.label, state, at: state === 'done' || state === 'stopped' ? lastAt.get(s.key) ?? null : null };
  });
  if (settledOnSite) for (const s of steps) if (s.state === 'done' && !s.at && s.key !== 'submit') s.at = lastAt.get('reply') ?? null;

  const dept = names.department(t.departmentId);
  const unit = names.unit(t.unitId);
  const centre = unit ? `${unit}综治中心` : '综治中心';
  const expectedBy = (t.status === 'dispatched' || t.status === 'in_progress') && t.resolveDeadline ? t.resolveDeadline.toISOString() : null;
  let responsible: string | null = null;
  let summary: string;
  switch (t.status) {
    case 'submitted':
      responsible = centre;
      summary = `等待${centre}受理${t.acceptDeadline ? `,最迟${chinaDate(t.acceptDeadline)}前受理` : ''}`;
      break;
    case 'accepted':
      responsible = centre;
      summary = `${centre}已受理,正在安排承办部门`;
      break;
    case 'dispatched':
    case 'in_progress':
      responsible = dept ?? centre;
      summary = `已转交${responsible}办理${expectedBy ? `,预计${chinaDate(expectedBy)}前答复` : ''}`;
      break;
    case 'resolved':
      summary = '已答复,请查看办理结果并评价';
      break;
    case 'closed':
      summary = '已办结';
      break;
    case 'declined':
      summary = '不予受理,请查看说明';
      break;
  }
  return { summary, responsible, expectedBy, steps, events };
}

/** Looks up, once, every department and unit the trail and the ticket name. */
export async function progressNames(org: OrgService, t: Ticket, history: readonly TicketHistory[]): Promise<ProgressNames> {
  const depIds = new Set<string>();
  const unitIds = new Set<string>([t.unitId]);
  if (t.departmentId) depIds.add(t.departmentId);
  for (const h of history) {
    if (typeof h.data?.departmentId === 'string') depIds.add(h.data.departmentId);
    if (typeof h.data?.toUnitId === 'string') unitIds.add(h.data.toUnitId);
  }
  const deps = new Map<string, string>();
  const units = new Map<string, string>();
  for (const id of depIds) {
    const d = await org.department(id);
    if (d) deps.set(id, d.name);
  }
  for (const id of unitIds) {
    const u = await org.unit(id);
    if (u) units.set(id, u.name);
  }
  return { department: (id) => (typeof id === 'string' ? deps.get(id) : undefined), unit: (id) => (typeof id === 'string' ? units.get(id) : undefined) };
}

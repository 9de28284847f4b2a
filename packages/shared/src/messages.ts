/**
 * In-app messages (站内消息): what happened, and to whom it is told.
 * Residents hear about their own case; handlers about work sent to their
 * department; dispatchers about tickets that need their centre again.
 */
export const MESSAGE_KINDS = [
  // to the resident who reported
  'case_accepted',
  'case_dispatched',
  'case_resolved',
  // to every handler of the department
  'ticket_assigned',
  'ticket_supervised',
  // to the dispatchers of the ticket's centre
  'ticket_returned',
  'ticket_escalated',
  'ticket_overdue',
  'resident_unsatisfied',
  // to the district centre's dispatchers: a report raised self_harm
  'crisis_report',
  'crisis_unaccepted',
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export const MESSAGE_KIND_LABELS: Record<MessageKind, string> = {
  case_accepted: '案件已受理',
  case_dispatched: '案件已交办',
  case_resolved: '案件已办结,请评价',
  ticket_assigned: '新交办案件',
  ticket_supervised: '督办提醒',
  ticket_returned: '案件被退回',
  ticket_escalated: '上报案件',
  ticket_overdue: '案件超期(红色预警)',
  resident_unsatisfied: '群众不满意',
  crisis_report: '紧急:疑似自伤/自杀风险',
  crisis_unaccepted: '紧急案件超过1小时未受理',
};

/** 网格日志: a patrol is open until finished; one left open past midnight (UTC+8) is closed as 未正常结束. */
export const PATROL_STATUSES = ['open', 'finished', 'abandoned'] as const;
export type PatrolStatus = (typeof PATROL_STATUSES)[number];

export const PATROL_STATUS_LABELS: Record<PatrolStatus, string> = {
  open: '巡查中',
  finished: '已结束',
  abandoned: '未正常结束',
};

/** Hotline referrals: the channels an imported order may come from. */
export const HOTLINE_SOURCES = ['hotline_12345', 'police_110'] as const;
export type HotlineSource = (typeof HOTLINE_SOURCES)[number];

/** China Standard Time has no daylight saving: the calendar day is UTC+8. */
const CHINA_OFFSET_MS = 8 * 3600_000;

/** The calendar day (YYYY-MM-DD) in China of an instant. */
export function chinaDay(at: Date): string {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a China calendar day (YYYY-MM-DD) starts. */
export function chinaDayStart(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) - CHINA_OFFSET_MS);
}

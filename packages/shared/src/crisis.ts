import type { TriageFlag } from './codes';

/**
 * The crisis answer (DOMAIN.md Flags): a report that raises `self_harm` is a
 * life in danger. The reporter sees the hotlines at once, the case goes to the
 * district centre as urgent with a one-hour acceptance clock, and the
 * dispatchers are told in the app and the one on duty by SMS.
 */
export function isCrisis(flags: readonly Pick<TriageFlag, 'code'>[] | null | undefined): boolean {
  return !!flags?.some((f) => f.code === 'self_harm');
}

/** Minutes within which a ticket must be accepted (受理): one hour in a crisis, else DOMAIN.md's 24 hours. */
export const ACCEPT_MINUTES = { crisis: 60, normal: 24 * 60 } as const;

export function acceptDeadlineFor(createdAt: Date, crisis: boolean): Date {
  return new Date(createdAt.getTime() + (crisis ? ACCEPT_MINUTES.crisis : ACCEPT_MINUTES.normal) * 60_000);
}

export interface Hotline {
  number: string;
  label: string;
}

/** National lines: psychological assistance (全国统一心理援助热线), police, ambulance. */
export const CRISIS_HOTLINES: readonly Hotline[] = [
  { number: '12356', label: '心理援助热线' },
  { number: '110', label: '报警' },
  { number: '120', label: '急救' },
];

/** What the reporter reads first when a report raises `self_harm`: calm, direct, no jargon. */
export const CRISIS_TEXT = {
  resident: {
    title: '我们在,请先照顾好自己',
    body: '您说的情况我们已经收到,会有工作人员尽快联系您。如果您或身边的人此刻有危险,或者心里很难受、撑不下去,请马上拨打下面的电话,有人会听您说。',
  },
  staff: {
    title: '可能涉及自伤/自杀风险',
    body: '本案已作为紧急案件转区综治中心,并短信通知值班调度员,须1小时内受理。如当事人此刻有危险,请立即拨打110或120,尽量陪伴当事人、不要让其独处,并告知全国心理援助热线12356。',
  },
} as const;

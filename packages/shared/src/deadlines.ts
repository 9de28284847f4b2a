import type { Category, DeadlineColor, RiskLevel } from './codes';

export interface TimeLimit {
  /** 签收 within, in minutes. */
  signMinutes: number;
  /** 办结 within, in minutes. */
  resolveMinutes: number;
}

/** DOMAIN.md default time limits; an admin may override them. */
export const DEFAULT_TIME_LIMITS: Record<RiskLevel, TimeLimit> = {
  high: { signMinutes: 60, resolveMinutes: 3 * 24 * 60 },
  medium: { signMinutes: 4 * 60, resolveMinutes: 7 * 24 * 60 },
  low: { signMinutes: 24 * 60, resolveMinutes: 15 * 24 * 60 },
};

/**
 * 红黄蓝三色预警: blue while less than two thirds of the time is used, yellow
 * from two thirds, red once overdue. `start` is when the clock started
 * (dispatch), `deadline` when it runs out.
 */
export function deadlineColor(start: Date, deadline: Date, now: Date): DeadlineColor {
  const total = deadline.getTime() - start.getTime();
  const used = now.getTime() - start.getTime();
  if (used >= total) return 'red';
  if (used * 3 >= total * 2) return 'yellow';
  return 'blue';
}

/**
 * The first instant at which `deadlineColor` says yellow: start + ⌈2/3 of the
 * span⌉ in whole milliseconds. Stored beside the deadline so that a database
 * can filter by colour with plain comparisons and agree with `deadlineColor`.
 */
export function yellowFrom(start: Date, deadline: Date): Date {
  const total = deadline.getTime() - start.getTime();
  return new Date(start.getTime() + Math.ceil((total * 2) / 3));
}

export interface DeadlineSet {
  signDeadline: Date;
  signYellowAt: Date;
  resolveDeadline: Date;
  resolveYellowAt: Date;
}

/** Both clocks of a dispatch started at `start` under a time limit. */
export function deadlinesFrom(start: Date, limit: TimeLimit): DeadlineSet {
  const signDeadline = new Date(start.getTime() + limit.signMinutes * 60_000);
  const resolveDeadline = new Date(start.getTime() + limit.resolveMinutes * 60_000);
  return {
    signDeadline,
    signYellowAt: yellowFrom(start, signDeadline),
    resolveDeadline,
    resolveYellowAt: yellowFrom(start, resolveDeadline),
  };
}

/** An admin's override of the time limit, for a risk level and optionally one category. */
export interface TimeLimitRule extends TimeLimit {
  riskLevel: RiskLevel;
  category?: Category | null;
}

/** The most specific rule wins: risk level + category, then risk level, then DOMAIN.md's default. */
export function effectiveTimeLimit(rules: readonly TimeLimitRule[], riskLevel: RiskLevel, category: Category | null | undefined): TimeLimit {
  const pick = (r: TimeLimitRule): TimeLimit => ({ signMinutes: r.signMinutes, resolveMinutes: r.resolveMinutes });
  const exact = category ? rules.find((r) => r.riskLevel === riskLevel && r.category === category) : undefined;
  if (exact) return pick(exact);
  const byRisk = rules.find((r) => r.riskLevel === riskLevel && !r.category);
  return byRisk ? pick(byRisk) : DEFAULT_TIME_LIMITS[riskLevel];
}

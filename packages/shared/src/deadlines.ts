import type { DeadlineColor, RiskLevel } from './codes';

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

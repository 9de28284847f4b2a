import { ValidationError } from '../../common/errors';

const DAY = 24 * 3600_000;
/** Days are counted in China time (UTC+8, no daylight saving). */
const CHINA_OFFSET = 8 * 3600_000;
export const MAX_PERIOD_DAYS = 366;

export interface Period {
  /** Inclusive. */
  from: Date;
  /** Exclusive. */
  to: Date;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** Midnight (China time) starting the day that holds `at`. */
export function chinaDayStart(at: Date): Date {
  return new Date(Math.floor((at.getTime() + CHINA_OFFSET) / DAY) * DAY - CHINA_OFFSET);
}

/** `YYYY-MM-DD` of the China day holding `at`. */
export function chinaDate(at: Date): string {
  return new Date(at.getTime() + CHINA_OFFSET).toISOString().slice(0, 10);
}

function parse(value: string, field: 'from' | 'to'): Date {
  const d = DATE_ONLY.test(value) ? new Date(`${value}T00:00:00+08:00`) : new Date(value);
  if (isNaN(d.getTime())) throw new ValidationError({ [field]: '日期无效' });
  // A date-only `to` includes that whole day.
  return DATE_ONLY.test(value) && field === 'to' ? new Date(d.getTime() + DAY) : d;
}

/**
 * The half-open period [from, to) a figure covers. Date-only bounds are China
 * days and `to` includes its day; the default is the 30 days up to today.
 */
export function resolvePeriod(q: { from?: string; to?: string }, now: Date): Period {
  const to = q.to ? parse(q.to, 'to') : new Date(chinaDayStart(now).getTime() + DAY);
  const from = q.from ? parse(q.from, 'from') : new Date(to.getTime() - 30 * DAY);
  if (from.getTime() >= to.getTime()) throw new ValidationError({ from: '起始日期须早于截止日期' });
  if (to.getTime() - from.getTime() > MAX_PERIOD_DAYS * DAY) throw new ValidationError({ from: `统计区间不能超过${MAX_PERIOD_DAYS}天` });
  return { from, to };
}

/** The China days a period touches, each as [start, end). */
export function daysOf(p: Period): { date: string; start: Date; end: Date }[] {
  const out: { date: string; start: Date; end: Date }[] = [];
  for (let s = chinaDayStart(p.from); s.getTime() < p.to.getTime(); s = new Date(s.getTime() + DAY)) {
    const start = new Date(Math.max(s.getTime(), p.from.getTime()));
    const end = new Date(Math.min(s.getTime() + DAY, p.to.getTime()));
    out.push({ date: chinaDate(s), start, end });
  }
  return out;
}

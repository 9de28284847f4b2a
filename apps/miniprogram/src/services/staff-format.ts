import { CATEGORY_LABELS, CHANNEL_LABELS, type Category, type Channel } from '@zongzhi/shared';

/** 刚刚 / 5分钟前 / 3小时前 / 2天前 */
export function ageOf(iso: string, now: Date = new Date()): string {
  const ms = now.getTime() - new Date(iso).getTime();
  const min = Math.floor(ms / 60_000);
  if (min < 1) return '刚刚';
  if (min < 60) return `${min}分钟前`;
  const h = Math.floor(min / 60);
  if (h < 24) return `${h}小时前`;
  return `${Math.floor(h / 24)}天前`;
}

export const categoryLabel = (c: string | null | undefined) => (c ? CATEGORY_LABELS[c as Category] || c : '未分类');
export const channelLabel = (c: string | null | undefined) => (c ? CHANNEL_LABELS[c as Channel] || c : '');

/** 0.6667 → 66.7%; null → — */
export function percent(rate: number | null | undefined): string {
  if (rate === null || rate === undefined) return '—';
  return `${Math.round(rate * 1000) / 10}%`;
}

/** YYYY-MM-DD of a day in China time, `offsetDays` from today. */
export function chinaDay(offsetDays = 0, now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

import { Text, View } from '@tarojs/components';
import { COLOR_LABELS, type DeadlineColor } from '@zongzhi/shared';
import './index.css';

const MIN = 60_000;

/** `2天3小时`, `3小时5分`, `12分` — whole minutes, the two largest units. */
export function formatSpan(ms: number): string {
  const minutes = Math.max(0, Math.floor(Math.abs(ms) / MIN));
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  if (d > 0) return `${d}天${h}小时`;
  if (h > 0) return `${h}小时${m}分`;
  return `${m}分`;
}

export interface CountdownInfo {
  stage: 'sign' | 'resolve' | null;
  /** 签收剩余 3小时5分 / 办结已超时 2天1小时 */
  text: string;
  overdue: boolean;
}

/** Which clock runs for a ticket (dispatched: sign-for; in progress: resolve) and how it stands at `now`. */
export function countdownOf(
  t: { status: string; signDeadline?: string | null; resolveDeadline?: string | null },
  now: Date,
): CountdownInfo {
  const stage = t.status === 'dispatched' ? 'sign' : t.status === 'in_progress' ? 'resolve' : null;
  const deadline = stage === 'sign' ? t.signDeadline : stage === 'resolve' ? t.resolveDeadline : null;
  if (!stage || !deadline) return { stage: null, text: '', overdue: false };
  const left = new Date(deadline).getTime() - now.getTime();
  const what = stage === 'sign' ? '签收' : '办结';
  return left > 0 ? { stage, text: `${what}剩余 ${formatSpan(left)}`, overdue: false } : { stage, text: `${what}已超时 ${formatSpan(left)}`, overdue: true };
}

/**
 * 红黄蓝 countdown of an open dispatched ticket. The colour is the server's
 * (`color`); the words say which clock and how long, so the colour is never
 * the only signal.
 */
export function Countdown({
  ticket,
  now = new Date(),
}: {
  ticket: { status: string; color?: DeadlineColor | null; signDeadline?: string | null; resolveDeadline?: string | null };
  now?: Date;
}) {
  const info = countdownOf(ticket, now);
  if (!info.stage) return null;
  const color = ticket.color || (info.overdue ? 'red' : 'blue');
  return (
    <View className={`countdown countdown--${color}`} data-color={color}>
      <Text className='countdown-dot'>{COLOR_LABELS[color]}</Text>
      <Text className='countdown-text'>{info.text}</Text>
    </View>
  );
}

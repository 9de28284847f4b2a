import { Text } from '@tarojs/components';
import { STATUS_LABELS, type TicketStatus } from '@zongzhi/shared';
import './index.css';

const TONE: Record<TicketStatus, string> = {
  submitted: 'info',
  accepted: 'info',
  dispatched: 'progress',
  in_progress: 'progress',
  resolved: 'done',
  closed: 'done',
  declined: 'neutral',
};

/** The same statuses in a resident's words: no 交办 or 销号. */
export const RESIDENT_STATUS_LABELS: Record<TicketStatus, string> = {
  submitted: '等待受理',
  accepted: '已受理',
  dispatched: '部门办理中',
  in_progress: '部门办理中',
  resolved: '已答复待评价',
  closed: '已办结',
  declined: '不予受理',
};

export function StatusTag({ status, resident = false }: { status: TicketStatus; resident?: boolean }) {
  const label = (resident ? RESIDENT_STATUS_LABELS : STATUS_LABELS)[status] || status;
  return <Text className={`status-tag status-tag--${TONE[status] || 'neutral'}`}>{label}</Text>;
}

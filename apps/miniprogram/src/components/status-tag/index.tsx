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

export function StatusTag({ status }: { status: TicketStatus }) {
  const label = STATUS_LABELS[status] || status;
  return <Text className={`status-tag status-tag--${TONE[status] || 'neutral'}`}>{label}</Text>;
}

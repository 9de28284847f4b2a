import { Text, View } from '@tarojs/components';
import { ACTION_LABELS, STATUS_LABELS, type TicketAction, type TicketStatus } from '@zongzhi/shared';
import type { HistoryEntry } from '../../services/reports.api';
import { formatDateTime } from '../../utils/format';

function entryTitle(entry: HistoryEntry): string {
  const action = ACTION_LABELS[entry.action as TicketAction];
  const status = entry.toStatus ? STATUS_LABELS[entry.toStatus as TicketStatus] : '';
  if (action && status) return `${action} · ${status}`;
  if (action) return action;
  if (entry.action === 'submit' || entry.action === 'create') return '提交反映';
  return status || '处理记录';
}

/** The case history, oldest first, as residents read it. */
export function HistoryTimeline({ history }: { history: HistoryEntry[] }) {
  if (!history.length) return <Text className='muted'>暂无办理记录</Text>;
  return (
    <View className='timeline'>
      {history.map((entry, index) => (
        <View className='timeline-item' key={`${entry.at}-${index}`}>
          <View className='timeline-dot' />
          <Text className='timeline-title'>{entryTitle(entry)}</Text>
          <Text className='timeline-time'>{formatDateTime(entry.at)}</Text>
          {entry.note ? <Text className='timeline-note'>{entry.note}</Text> : null}
        </View>
      ))}
    </View>
  );
}

import { Image, Text, View } from '@tarojs/components';
import { ACTION_LABELS, OUTCOME_LABELS, SATISFACTION_LABELS, STATUS_LABELS, type TicketAction, type TicketStatus } from '@zongzhi/shared';
import type { HistoryEntry } from '../../services/reports.api';
import { previewImages } from '../../services/preview';
import { photoUrl } from '../../services/uploads.api';
import { formatDateTime } from '../../utils/format';
import './index.css';

export function entryTitle(entry: HistoryEntry): string {
  if (entry.action === 'submit' || entry.action === 'create') return '提交反映';
  const action = ACTION_LABELS[entry.action as TicketAction] || entry.actionLabel;
  const status = entry.toStatus && entry.toStatus !== entry.fromStatus ? STATUS_LABELS[entry.toStatus as TicketStatus] : '';
  if (action && status) return `${action} · ${status}`;
  if (action) return action;
  return status || '处理记录';
}

/** Who did it, as the API names them: `{role, name}` on ticket views, a plain name on the public lookup. */
export function actorName(entry: HistoryEntry): string {
  const a = entry.actor;
  if (!a) return '';
  if (typeof a === 'string') return a;
  return a.name || a.displayName || '';
}

function details(entry: HistoryEntry): string[] {
  const d = entry.data || {};
  const out: string[] = [];
  if (d.outcome && OUTCOME_LABELS[d.outcome]) out.push(`办理结果:${OUTCOME_LABELS[d.outcome]}`);
  if (d.satisfaction && SATISFACTION_LABELS[d.satisfaction]) out.push(`评价:${SATISFACTION_LABELS[d.satisfaction]}`);
  if (typeof d.guidance === 'string' && d.guidance) out.push(`指引:${d.guidance}`);
  return out;
}

/** The case history, oldest first, as residents read it: what, when, who, and any photos filed with the step. */
export function HistoryTimeline({ history }: { history: HistoryEntry[] }) {
  if (!history.length) return <Text className='muted'>暂无办理记录</Text>;
  return (
    <View className='timeline' id='history-timeline'>
      {history.map((entry, index) => {
        const who = actorName(entry);
        const photos = entry.photos || [];
        return (
          <View className='timeline-item' key={`${entry.at}-${index}`} data-action={entry.action}>
            <View className='timeline-dot' />
            <Text className='timeline-title'>{entryTitle(entry)}</Text>
            <Text className='timeline-time'>{who ? `${formatDateTime(entry.at)} · ${who}` : formatDateTime(entry.at)}</Text>
            {details(entry).map((line) => (
              <Text className='timeline-detail' key={line}>
                {line}
              </Text>
            ))}
            {entry.note ? <Text className='timeline-note'>{entry.note}</Text> : null}
            {photos.length ? (
              <View className='timeline-photos'>
                {photos.map((p) => (
                  <Image
                    key={p.id}
                    className='timeline-photo'
                    src={photoUrl(p.thumbnailUrl)}
                    mode='aspectFill'
                    onClick={() => previewImages(photos.map((x) => photoUrl(x.url)), photoUrl(p.url))}
                  />
                ))}
              </View>
            ) : null}
          </View>
        );
      })}
    </View>
  );
}

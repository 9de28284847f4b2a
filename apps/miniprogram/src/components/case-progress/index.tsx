import { Image, Text, View } from '@tarojs/components';
import type { CaseProgress as Progress } from '../../services/reports.api';
import { previewImages } from '../../services/preview';
import { photoUrl } from '../../services/uploads.api';
import { formatDateTime } from '../../utils/format';
import './index.css';

const STATE_WORDS: Record<string, string> = { done: '已完成', current: '进行中', todo: '未开始', stopped: '已结束' };

/**
 * The case's road like a parcel tracker: the six steps across (done ones
 * coloured, the current one highlighted, the next ones grey), then what
 * happened, newest first, in plain words from the server.
 */
export function CaseProgress({ progress }: { progress: Progress }) {
  return (
    <View className='progress' id='case-progress'>
      <Text className='progress-summary' id='progress-summary'>
        {progress.summary}
      </Text>
      <View className='progress-steps' id='progress-steps'>
        {progress.steps.map((s, i) => (
          <View key={s.key} className={`progress-step progress-step--${s.state}`} data-step={s.key} data-state={s.state} aria-label={`${s.label}:${STATE_WORDS[s.state]}`}>
            <View className='progress-step-line'>
              <View className={`progress-step-bar ${i === 0 ? 'progress-step-bar--hidden' : ''}`} />
              <View className='progress-step-dot'>
                <Text className='progress-step-mark'>{s.state === 'done' ? '✓' : s.state === 'stopped' ? '!' : String(i + 1)}</Text>
              </View>
              <View className={`progress-step-bar ${i === progress.steps.length - 1 ? 'progress-step-bar--hidden' : ''}`} />
            </View>
            <Text className='progress-step-label'>{s.label}</Text>
          </View>
        ))}
      </View>
      <View className='progress-events' id='progress-events'>
        {progress.events.map((e, i) => (
          <View key={`${e.at}-${i}`} className={`progress-event ${i === 0 ? 'progress-event--latest' : ''}`} data-step={e.step}>
            <View className='progress-event-dot' />
            <Text className='progress-event-text'>{e.text}</Text>
            <Text className='progress-event-time'>{formatDateTime(e.at)}</Text>
            {e.note ? <Text className='progress-event-note'>{e.note}</Text> : null}
            {e.photos.length ? (
              <View className='progress-event-photos'>
                {e.photos.map((p) => (
                  <Image
                    key={p.id}
                    className='progress-event-photo'
                    src={photoUrl(p.thumbnailUrl)}
                    mode='aspectFill'
                    onClick={() => previewImages(e.photos.map((x) => photoUrl(x.url)), photoUrl(p.url))}
                  />
                ))}
              </View>
            ) : null}
          </View>
        ))}
      </View>
    </View>
  );
}

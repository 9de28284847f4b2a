import { Button, Text, Textarea, View } from '@tarojs/components';
import Taro, { useLoad } from '@tarojs/taro';
import { OUTCOME_LABELS, STATUS_LABELS, type Outcome } from '@zongzhi/shared';
import { useState } from 'react';
import { PhotoPicker, type PhotoPickerChange } from '../../../components/photo-picker';
import { usePageClass } from '../../../services/display';
import { settleOnSite } from '../../../services/patrols.api';
import type { TicketStatus } from '@zongzhi/shared';
import '../worker.css';

/** What a grid worker can record on the spot: settled by mediation, or simply handled. */
export const SETTLE_OUTCOMES: Outcome[] = ['mediated', 'handled'];

export default function WorkerSettlePage() {
  const pageClass = usePageClass();
  const [ticketId, setTicketId] = useState('');
  const [caseCode, setCaseCode] = useState('');
  const [outcome, setOutcome] = useState<Outcome>('mediated');
  const [note, setNote] = useState('');
  const [photos, setPhotos] = useState<PhotoPickerChange>({ ids: [], busy: false, gps: null });
  const [error, setError] = useState('');
  const [sending, setSending] = useState(false);
  const [done, setDone] = useState<TicketStatus | null>(null);

  useLoad((params: Record<string, string | undefined>) => {
    setTicketId(decodeURIComponent(params.id || ''));
    setCaseCode(decodeURIComponent(params.caseCode || ''));
  });

  const submit = async () => {
    if (sending || !ticketId) return;
    setError('');
    if (!note.trim()) {
      setError('请写下化解经过和结果');
      return;
    }
    if (photos.busy) {
      setError('照片还在上传,请稍候');
      return;
    }
    setSending(true);
    const r = await settleOnSite(ticketId, { outcome, note, photoIds: photos.ids });
    setSending(false);
    if (r.ok) setDone(r.data.status);
    else setError(r.status === 409 ? '该事件已被综治中心受理,不能再现场化解' : r.errors.outcome || r.errors.note || r.message);
  };

  if (done) {
    return (
      <View className={pageClass}>
        <View className='card worker-done' id='settle-done'>
          <Text className='worker-done-title'>已登记现场化解</Text>
          <Text className='worker-done-code'>{caseCode}</Text>
          <Text className='muted'>{`当前状态:${STATUS_LABELS[done] || done}`}</Text>
        </View>
        <Button id='settle-back' className='btn btn-primary btn-block worker-gap' onClick={() => Taro.navigateBack().catch(() => Taro.redirectTo({ url: '/packages/worker/home/index' }))}>
          返回巡查
        </Button>
      </View>
    );
  }

  return (
    <View className={pageClass}>
      <View className='card' id='settle-form'>
        <Text className='card-title'>{`现场化解 ${caseCode}`}</Text>
        {error ? (
          <Text className='form-error' id='settle-error'>
            {error}
          </Text>
        ) : null}
        <Text className='label'>化解结果</Text>
        <View className='worker-outcomes'>
          {SETTLE_OUTCOMES.map((o) => (
            <Text
              key={o}
              id={`settle-${o}`}
              className={`worker-outcome ${outcome === o ? 'worker-outcome--on' : ''}`}
              data-selected={outcome === o ? 'true' : 'false'}
              onClick={() => setOutcome(o)}
            >
              {OUTCOME_LABELS[o]}
            </Text>
          ))}
        </View>
        <View className='field'>
          <Text className='label'>化解经过</Text>
          <Textarea
            id='settle-note'
            className='textarea worker-textarea'
            value={note}
            maxlength={2000}
            placeholder='如:双方当面协商,楼道杂物已当场清理,双方无异议'
            onInput={(e) => setNote(e.detail.value)}
          />
        </View>
        <View className='field'>
          <Text className='label'>
            现场照片<Text className='label-optional'>(选填)</Text>
          </Text>
          <PhotoPicker onChange={setPhotos} />
        </View>
        <Button id='settle-submit' className={`btn btn-primary btn-block ${sending ? 'btn-busy' : ''}`} disabled={sending} onClick={submit}>
          {sending ? '正在提交…' : '提交化解结果'}
        </Button>
      </View>
    </View>
  );
}

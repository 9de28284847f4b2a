import { Button, Input, Switch, Text, Textarea, View } from '@tarojs/components';
import type { Channel } from '@zongzhi/shared';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { FieldError } from '../../components/field-error';
import { LocationPicker, type LocationValue } from '../../components/location-picker';
import { PhotoPicker, type PhotoPickerChange } from '../../components/photo-picker';
import { TriageHint } from '../../components/triage-hint';
import { useTriageHint } from '../../components/triage-hint/use-triage-hint';
import { submitReport, type ReportCreated } from '../../services/reports.api';
import type { FieldErrors } from '../../services/request';
import { getToken } from '../../services/session';
import { formatDateTime } from '../../utils/format';
import { RESIDENT_DRAFT_KEY } from './report-draft-store';
import { overLimit, REPORT_TEXT_MAX, validateReport } from './report-validation';

/** The field takes a long paste whole (nothing cut silently); the counter and the check ask to shorten it. */
const REPORT_TEXT_PASTE_MAX = 10000;
import { useReportDraft } from './use-report-draft';

/** Tap to start the text: the words older residents are most likely to need. */
export const RESIDENT_EXAMPLES = ['拖欠工资', '邻里噪音', '物业纠纷', '楼道堆物', '漏水', '路灯坏了', '电动车楼道充电', '家庭矛盾'];

export const RETRYING_MESSAGE = '网络不佳,正在重试…';
export const FAILED_OFFLINE_MESSAGE = '提交失败,草稿已保存,可稍后重试';

export interface ReportFormProps {
  /** Phone to prefill (the logged-in user's), '' when unknown. */
  defaultPhone: string;
  onSubmitted: (created: ReportCreated) => void;
  /** Called instead of submitting when nobody is logged in. */
  onLoginRequired: () => void;
  /** `grid_patrol` for a grid worker's event. */
  channel?: Channel;
  patrolId?: string;
  /** Where the unsent draft is kept on the device (resident and patrol drafts apart). */
  draftKey?: string;
  /** false for a grid worker: the phone is the party's (optional) and there is no 匿名. */
  resident?: boolean;
  examples?: string[];
  /** Text typed before the form existed (the H5 first-paint shell), taken over on mount. */
  initialText?: string;
  /** Put the caret into the text field on mount (the shell had it). */
  autoFocus?: boolean;
}

type SendState = 'idle' | 'sending' | 'retrying';

export function ReportForm({
  defaultPhone,
  onSubmitted,
  onLoginRequired,
  channel,
  patrolId,
  draftKey = RESIDENT_DRAFT_KEY,
  resident = true,
  examples = RESIDENT_EXAMPLES,
  initialText = '',
  autoFocus = false,
}: ReportFormProps) {
  const { draft, pending, update, persist, resume, discard, finish } = useReportDraft(resident ? defaultPhone : '', draftKey);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState('');
  const [sendState, setSendState] = useState<SendState>('idle');
  const [photos, setPhotos] = useState<PhotoPickerChange>({ ids: [], busy: false, gps: null });
  // A new key remounts the photo picker: after a success (empty) or a resumed draft (its photos).
  const [round, setRound] = useState(0);
  const hint = useTriageHint(draft.text, { enabled: !!getToken(), channel });
  const submitting = sendState !== 'idle';
  const location: LocationValue = draft.location;
  const over = draft.text.length > REPORT_TEXT_MAX;

  // The phone becomes known after logging in on another page; only fill an
  // empty field, never overwrite what the user typed.
  useEffect(() => {
    if (resident && defaultPhone && !draft.contactPhone) update({ contactPhone: defaultPhone });
  }, [defaultPhone]);

  useEffect(() => {
    if (initialText) update({ text: initialText });
  }, []);

  const onPhotos = (change: PhotoPickerChange) => {
    setPhotos(change);
    if (change.photos) update({ photos: change.photos });
  };

  const insertExample = (example: string) => {
    const text = draft.text;
    if (text.indexOf(example) >= 0) return;
    const joined = text && !/[,,。;;\s]$/.test(text) ? `${text},${example}` : `${text}${example}`;
    update({ text: `${joined},` });
  };

  const onResume = () => {
    resume();
    setRound((n) => n + 1);
    setErrors({});
    setFormError('');
  };

  const submit = async () => {
    if (submitting) return;
    const found = validateReport(draft);
    setErrors(found);
    setFormError('');
    if (Object.keys(found).length) return;
    if (!getToken()) {
      persist(draft);
      onLoginRequired();
      return;
    }
    if (photos.busy || photos.waiting) {
      setFormError('照片还在上传,请稍候再提交');
      return;
    }
    if (photos.failed) {
      // Never silently without a photo the resident added: ask first.
      const answer = await Taro.showModal({
        title: '有照片没有上传成功',
        content: `${photos.failed}张照片上传失败。可以返回点「重试」,或不带这${photos.failed}张照片提交。`,
        confirmText: '仍然提交',
        cancelText: '返回重试',
      }).catch(() => ({ confirm: false }));
      if (!answer.confirm) {
        setFormError(`${photos.failed}张照片上传失败,请点照片上的「重试」或删除后再提交`);
        return;
      }
    }
    setSendState('sending');
    persist(draft);
    const address = location.address.trim();
    const hasPoint = location.lat !== null && location.lng !== null;
    const result = await submitReport(
      {
        // Without coordinates the typed address still reaches the centre, inside the text.
        text: hasPoint || !address ? draft.text.trim() : `${draft.text.trim()}\n地点:${address}`,
        contactPhone: draft.contactPhone.trim() || undefined,
        anonymous: resident && draft.anonymous,
        photoIds: photos.ids,
        location: hasPoint ? { lat: location.lat!, lng: location.lng!, ...(address ? { address } : {}) } : undefined,
      },
      draft.idempotencyKey,
      { channel, patrolId, onRetry: () => setSendState('retrying') },
    );
    setSendState('idle');
    if (result.ok) {
      finish(resident ? defaultPhone : '');
      setRound((n) => n + 1);
      setErrors({});
      onSubmitted(result.data);
      return;
    }
    if (result.status === 401) return; // the request layer has opened the login page
    setErrors(result.errors);
    const hasFieldErrors = Object.keys(result.errors).some((k) => k === 'text' || k === 'contactPhone' || k.startsWith('photoIds') || k.startsWith('location'));
    if (!hasFieldErrors) setFormError(result.status === 0 || result.status >= 500 ? FAILED_OFFLINE_MESSAGE : result.message);
  };

  return (
    <View className='report-form'>
      {pending ? (
        <View className='draft-prompt' id='draft-prompt'>
          <Text className='draft-prompt-title'>继续上次未提交的反映?</Text>
          <Text className='draft-prompt-text'>{pending.text.trim() ? `“${pending.text.trim().slice(0, 40)}${pending.text.trim().length > 40 ? '…' : ''}”` : '(含照片或地点)'}</Text>
          {pending.savedAt ? <Text className='hint'>{`保存于 ${formatDateTime(new Date(pending.savedAt).toISOString())}`}</Text> : null}
          <View className='draft-prompt-actions'>
            <Button id='draft-resume' className='btn btn-primary draft-prompt-btn' onClick={onResume}>
              继续
            </Button>
            <Button id='draft-discard' className='btn btn-secondary draft-prompt-btn' onClick={discard}>
              丢弃
            </Button>
          </View>
        </View>
      ) : null}

      {formError ? (
        <Text className='form-error' id='report-error'>
          {formError}
        </Text>
      ) : null}

      <View className='field'>
        <Text className='label'>{resident ? '反映内容' : '事件情况'}</Text>
        <View className='report-examples' id='report-examples'>
          {examples.map((example) => (
            <Text key={example} className='report-example' data-example={example} onClick={() => insertExample(example)}>
              {example}
            </Text>
          ))}
        </View>
        <Textarea
          id='report-text'
          className={`textarea report-textarea ${errors.text ? 'input-error' : ''}`}
          value={draft.text}
          maxlength={REPORT_TEXT_PASTE_MAX}
          focus={autoFocus}
          placeholder='请写清楚:什么时间、在什么地方、发生了什么事、涉及多少人、希望怎样解决'
          onInput={(e) => {
            update({ text: e.detail.value });
            // A message about the text goes once the text changes; the next check runs on 提交.
            if (errors.text) setErrors(({ text: _text, ...rest }) => rest);
          }}
        />
        <View className='row-between'>
          <FieldError message={errors.text || (over ? overLimit(draft.text.length) : undefined)} id='report-text-error' />
          <Text className={`report-counter ${over ? 'report-counter--over' : ''}`} id='report-counter'>{`${draft.text.length}/${REPORT_TEXT_MAX}`}</Text>
        </View>
        <TriageHint triage={hint} />
      </View>

      <View className='field'>
        <Text className='label'>
          现场照片<Text className='label-optional'>(选填,最多9张)</Text>
        </Text>
        <PhotoPicker key={round} onChange={onPhotos} initial={draft.photos} />
        <FieldError message={errors.photoIds} id='report-photos-error' />
      </View>

      <View className='field'>
        <Text className='label'>
          发生地点<Text className='label-optional'>(选填)</Text>
        </Text>
        <LocationPicker value={location} onChange={(value) => update({ location: value })} />
        {photos.gps && location.lat === null ? (
          <Text
            id='location-use-photo'
            className='location-btn location-use-photo'
            onClick={() => update({ location: { ...location, lat: photos.gps!.lat, lng: photos.gps!.lng } })}
          >
            使用照片拍摄位置
          </Text>
        ) : null}
        <FieldError message={errors['location.lat'] || errors['location.lng'] || errors['location.address']} id='report-location-error' />
      </View>

      <View className='field'>
        <Text className='label'>
          {resident ? '联系电话' : '当事人电话'}
          <Text className='label-optional'>(选填)</Text>
        </Text>
        <Input
          id='report-phone'
          className={`input ${errors.contactPhone ? 'input-error' : ''}`}
          type='number'
          maxlength={11}
          value={draft.contactPhone}
          placeholder={resident ? '便于工作人员与您联系' : '便于承办人员联系当事人'}
          onInput={(e) => update({ contactPhone: e.detail.value })}
        />
        <FieldError message={errors.contactPhone} id='report-phone-error' />
      </View>

      {resident ? (
        <View className='field report-anonymous'>
          <View className='row-between'>
            <Text className='label report-anonymous-label'>匿名反映</Text>
            <Switch
              id='report-anonymous'
              checked={draft.anonymous}
              color='#0b5cad'
              onChange={(e) => update({ anonymous: e.detail.value })}
            />
          </View>
          <Text className='hint' id='report-anonymous-hint'>
            开启后,承办部门和对方当事人看不到您的姓名和手机号,公开查询中也不显示;综治中心仍会为您保密登记,以便回访。您仍可在「我的」中查看进度。
          </Text>
        </View>
      ) : null}

      {sendState === 'retrying' ? (
        <Text className='report-status' id='report-status'>
          {RETRYING_MESSAGE}
        </Text>
      ) : null}

      <Button
        id='report-submit'
        className={`btn btn-primary btn-block ${submitting ? 'btn-busy' : ''}`}
        disabled={submitting}
        onClick={submit}
      >
        {sendState === 'retrying' ? '正在重试…' : sendState === 'sending' ? '正在提交…' : formError === FAILED_OFFLINE_MESSAGE ? '重新提交' : '提交'}
      </Button>
    </View>
  );
}

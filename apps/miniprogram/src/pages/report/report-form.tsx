import { Button, Switch, Text, Textarea, Input, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { FieldError } from '../../components/field-error';
import { EMPTY_LOCATION, LocationPicker, type LocationValue } from '../../components/location-picker';
import { PhotoPicker, type PhotoPickerChange } from '../../components/photo-picker';
import { submitReport, type ReportCreated } from '../../services/reports.api';
import type { FieldErrors } from '../../services/request';
import { getToken } from '../../services/session';
import { REPORT_TEXT_MAX, validateReport } from './report-validation';
import { useReportDraft } from './use-report-draft';

export interface ReportFormProps {
  /** Phone to prefill (the logged-in user's), '' when unknown. */
  defaultPhone: string;
  onSubmitted: (created: ReportCreated) => void;
  /** Called instead of submitting when nobody is logged in. */
  onLoginRequired: () => void;
}

export function ReportForm({ defaultPhone, onSubmitted, onLoginRequired }: ReportFormProps) {
  const { draft, update, persist, finish } = useReportDraft(defaultPhone);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [photos, setPhotos] = useState<PhotoPickerChange>({ ids: [], busy: false, gps: null });
  const [location, setLocation] = useState<LocationValue>(EMPTY_LOCATION);
  // A new key after a successful report gives the next one an empty photo picker.
  const [round, setRound] = useState(0);

  // The phone becomes known after logging in on another page; only fill an
  // empty field, never overwrite what the user typed.
  useEffect(() => {
    if (defaultPhone && !draft.contactPhone) update({ contactPhone: defaultPhone });
  }, [defaultPhone]);

  const submit = async () => {
    if (submitting) return;
    const found = validateReport(draft);
    setErrors(found);
    setFormError('');
    if (Object.keys(found).length) return;
    if (!getToken()) {
      onLoginRequired();
      return;
    }
    if (photos.busy) {
      setFormError('照片还在上传,请稍候再提交');
      return;
    }
    setSubmitting(true);
    persist(draft);
    const address = location.address.trim();
    const hasPoint = location.lat !== null && location.lng !== null;
    const result = await submitReport(
      {
        // Without coordinates the typed address still reaches the centre, inside the text.
        text: hasPoint || !address ? draft.text.trim() : `${draft.text.trim()}\n地点:${address}`,
        contactPhone: draft.contactPhone.trim() || undefined,
        anonymous: draft.anonymous,
        photoIds: photos.ids,
        location: hasPoint ? { lat: location.lat!, lng: location.lng!, ...(address ? { address } : {}) } : undefined,
      },
      draft.idempotencyKey,
    );
    setSubmitting(false);
    if (result.ok) {
      finish(defaultPhone);
      setLocation(EMPTY_LOCATION);
      setRound((n) => n + 1);
      setErrors({});
      onSubmitted(result.data);
      return;
    }
    if (result.status === 401) return; // the request layer has opened the login page
    setErrors(result.errors);
    const hasFieldErrors = Object.keys(result.errors).some((k) => k === 'text' || k === 'contactPhone' || k.startsWith('photoIds') || k.startsWith('location'));
    if (!hasFieldErrors) setFormError(result.status === 0 ? '网络连接失败,内容已保存,请稍后再次点击提交' : result.message);
  };

  return (
    <View className='report-form'>
      {formError ? (
        <Text className='form-error' id='report-error'>
          {formError}
        </Text>
      ) : null}

      <View className='field'>
        <Text className='label'>反映内容</Text>
        <Textarea
          id='report-text'
          className={`textarea report-textarea ${errors.text ? 'input-error' : ''}`}
          value={draft.text}
          maxlength={REPORT_TEXT_MAX}
          placeholder='请写清楚:什么时间、在什么地方、发生了什么事、涉及多少人、希望怎样解决'
          onInput={(e) => update({ text: e.detail.value })}
        />
        <View className='row-between'>
          <FieldError message={errors.text} id='report-text-error' />
          <Text className='report-counter' id='report-counter'>{`${draft.text.length}/${REPORT_TEXT_MAX}`}</Text>
        </View>
      </View>

      <View className='field'>
        <Text className='label'>
          现场照片<Text className='label-optional'>(选填,最多9张)</Text>
        </Text>
        <PhotoPicker key={round} onChange={setPhotos} />
        <FieldError message={errors.photoIds} id='report-photos-error' />
      </View>

      <View className='field'>
        <Text className='label'>
          发生地点<Text className='label-optional'>(选填)</Text>
        </Text>
        <LocationPicker value={location} onChange={setLocation} />
        {photos.gps && location.lat === null ? (
          <Text
            id='location-use-photo'
            className='location-btn location-use-photo'
            onClick={() => setLocation({ ...location, lat: photos.gps!.lat, lng: photos.gps!.lng })}
          >
            使用照片拍摄位置
          </Text>
        ) : null}
        <FieldError message={errors['location.lat'] || errors['location.lng'] || errors['location.address']} id='report-location-error' />
      </View>

      <View className='field'>
        <Text className='label'>
          联系电话<Text className='label-optional'>(选填)</Text>
        </Text>
        <Input
          id='report-phone'
          className={`input ${errors.contactPhone ? 'input-error' : ''}`}
          type='number'
          maxlength={11}
          value={draft.contactPhone}
          placeholder='便于工作人员与您联系'
          onInput={(e) => update({ contactPhone: e.detail.value })}
        />
        <FieldError message={errors.contactPhone} id='report-phone-error' />
      </View>

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
        <Text className='hint'>匿名后,对方当事人和公开查询中不显示您的身份;综治中心仍可通过联系电话与您联系。</Text>
      </View>

      <Button
        id='report-submit'
        className={`btn btn-primary btn-block ${submitting ? 'btn-busy' : ''}`}
        disabled={submitting}
        onClick={submit}
      >
        {submitting ? '正在提交…' : '提交'}
      </Button>
    </View>
  );
}

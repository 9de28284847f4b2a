import { Button, Input, Text, View } from '@tarojs/components';
import { useLoad } from '@tarojs/taro';
import { CATEGORY_LABELS, checkCaseCode, isValidPhone } from '@zongzhi/shared';
import { useState } from 'react';
import { FieldError } from '../../../components/field-error';
import { CaseProgress } from '../../../components/case-progress';
import { HistoryTimeline } from '../../../components/history-timeline';
import { StatusTag } from '../../../components/status-tag';
import { lookupCase, type PublicCaseView } from '../../../services/reports.api';
import type { FieldErrors } from '../../../services/request';
import { usePageClass } from '../../../services/display';
import { knownPhone } from '../../../services/session';
import { formatDateTime } from '../../../utils/format';
import '../case.css';

const LOOKUP_NOT_FOUND = '未找到该案件,请核对案件编码和手机号';
const LOOKUP_BAD_CODE = '案件编码有误,请核对';

/** Public: anyone holding the case code and the reporter's phone. */
export default function CaseLookupPage() {
  const [code, setCode] = useState('');
  const [phone, setPhone] = useState(() => knownPhone());
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState('');
  const [result, setResult] = useState<PublicCaseView | null>(null);
  const [searching, setSearching] = useState(false);
  const pageClass = usePageClass();

  // A shared link carries the code; the phone still has to be typed.
  useLoad((params: Record<string, string | undefined>) => {
    if (params.code) setCode(decodeURIComponent(params.code));
  });

  const search = async () => {
    if (searching) return;
    setMessage('');
    setResult(null);
    const found: FieldErrors = {};
    const checked = checkCaseCode(code.trim());
    if (!checked.valid) found.caseCode = LOOKUP_BAD_CODE;
    if (!isValidPhone(phone.trim())) found.phone = '请输入正确的11位手机号';
    setErrors(found);
    if (!checked.valid || Object.keys(found).length) return;
    setSearching(true);
    const answer = await lookupCase(checked.code, phone.trim());
    setSearching(false);
    if (answer.ok) setResult(answer.data);
    else if (answer.status === 404) setMessage(LOOKUP_NOT_FOUND);
    else if (answer.status === 400 && answer.errors.caseCode) setErrors({ caseCode: LOOKUP_BAD_CODE });
    else setMessage(answer.message);
  };

  return (
    <View className={pageClass}>
      <View className='card'>
        <Text className='card-title'>凭编码查询办理进度</Text>
        <Text className='hint lookup-intro'>无需登录。请输入提交反映时获得的案件编码和您的手机号。</Text>
        <View className='field'>
          <Text className='label'>案件编码</Text>
          <Input
            id='lookup-code'
            className={`input lookup-code ${errors.caseCode ? 'input-error' : ''}`}
            type='text'
            maxlength={20}
            value={code}
            placeholder='如 261125-4K7QN-6'
            onInput={(e) => setCode(e.detail.value)}
          />
          <FieldError message={errors.caseCode} id='lookup-code-error' />
        </View>
        <View className='field'>
          <Text className='label'>手机号</Text>
          <Input
            id='lookup-phone'
            className={`input ${errors.phone ? 'input-error' : ''}`}
            type='number'
            maxlength={11}
            value={phone}
            placeholder='提交反映时留的手机号'
            onInput={(e) => setPhone(e.detail.value)}
          />
          <FieldError message={errors.phone} id='lookup-phone-error' />
        </View>
        <Button
          id='lookup-submit'
          className={`btn btn-primary btn-block ${searching ? 'btn-busy' : ''}`}
          disabled={searching}
          onClick={search}
        >
          查询
        </Button>
      </View>

      {message || result ? (
        <View className='card' id='lookup-result'>
          {message ? <Text className='lookup-message'>{message}</Text> : null}
          {result ? (
            <View>
              <View className='row-between'>
                <Text className='case-code'>{result.caseCode}</Text>
                <StatusTag status={result.status} resident />
              </View>
              <View className='case-meta'>
                <Text className='case-meta-row'>{`提交时间:${formatDateTime(result.createdAt)}`}</Text>
                {result.category ? (
                  <Text className='case-meta-row'>{`问题类别:${CATEGORY_LABELS[result.category] || result.category}`}</Text>
                ) : null}
              </View>
              <Text className='card-title lookup-history-title'>办理进度</Text>
              {result.progress ? <CaseProgress progress={result.progress} /> : <HistoryTimeline history={result.history || []} />}
            </View>
          ) : null}
        </View>
      ) : null}
    </View>
  );
}

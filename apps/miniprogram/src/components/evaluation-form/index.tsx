import { Button, Text, Textarea, View } from '@tarojs/components';
import { SATISFACTIONS, SATISFACTION_LABELS, type Satisfaction } from '@zongzhi/shared';
import { useState } from 'react';
import type { EvaluationInput, TicketDetail } from '../../services/reports.api';
import type { ApiResult } from '../../services/request';
import './index.css';

export const EVAL_NOTE_MAX = 500;
export const UNSATISFIED_EXPLAINED = '选择「不满意」后,案件将退回承办部门重新办理(重办),办理结果会再次通知您。请写下不满意的原因,便于重新处理。';

export interface EvaluationFormProps {
  submit: (input: EvaluationInput) => Promise<ApiResult<TicketDetail>>;
  onDone: (ticket: TicketDetail) => void;
}

/** The resident's rating of a resolved case: 满意 / 基本满意 / 不满意 and a comment. */
export function EvaluationForm({ submit, onDone }: EvaluationFormProps) {
  const [choice, setChoice] = useState<Satisfaction | ''>('');
  const [note, setNote] = useState('');
  const [error, setError] = useState('');
  const [sending, setSending] = useState(false);

  const send = async () => {
    if (sending) return;
    setError('');
    if (!choice) {
      setError('请选择您对办理结果的评价');
      return;
    }
    if (choice === 'unsatisfied' && !note.trim()) {
      setError('请写下不满意的原因');
      return;
    }
    setSending(true);
    const result = await submit({ satisfaction: choice, note });
    setSending(false);
    if (result.ok) onDone(result.data);
    else setError(result.status === 409 ? '案件状态已变化,请下拉刷新后再评价' : result.errors.satisfaction || result.errors.note || result.message);
  };

  return (
    <View className='eval-form' id='evaluation-form'>
      <Text className='card-title'>评价办理结果</Text>
      <View className='eval-options'>
        {SATISFACTIONS.map((s) => (
          <Text
            key={s}
            id={`eval-${s}`}
            className={`eval-option eval-option--${s} ${choice === s ? 'eval-option--on' : ''}`}
            data-value={s}
            data-selected={choice === s ? 'true' : 'false'}
            onClick={() => setChoice(s)}
          >
            {SATISFACTION_LABELS[s]}
          </Text>
        ))}
      </View>
      {choice === 'unsatisfied' ? (
        <Text className='eval-unsatisfied' id='eval-unsatisfied-hint'>
          {UNSATISFIED_EXPLAINED}
        </Text>
      ) : null}
      <Textarea
        id='eval-note'
        className='textarea eval-note'
        value={note}
        maxlength={EVAL_NOTE_MAX}
        placeholder={choice === 'unsatisfied' ? '请写下不满意的原因(必填)' : '说说您的意见(选填)'}
        onInput={(e) => setNote(e.detail.value)}
      />
      {error ? (
        <Text className='error-text' id='eval-error'>
          {error}
        </Text>
      ) : null}
      <Button id='eval-submit' className={`btn btn-primary btn-block eval-submit ${sending ? 'btn-busy' : ''}`} disabled={sending} onClick={send}>
        {sending ? '正在提交…' : '提交评价'}
      </Button>
    </View>
  );
}

import { Button, Text, Textarea, View } from '@tarojs/components';
import {
  ACTION_LABELS,
  DEFAULT_TIME_LIMITS,
  deadlinesFrom,
  missingFields,
  OUTCOME_LABELS,
  OUTCOMES,
  RETURN_VISIT_METHOD_LABELS,
  RETURN_VISIT_METHODS,
  type Outcome,
  type RequiredField,
  type ReturnVisitMethod,
  type RiskLevel,
  type TicketAction,
  type TimeLimit,
} from '@zongzhi/shared';
import { useState, type ReactNode } from 'react';
import type { ApiResult, FieldErrors } from '../../services/request';
import type { ActionPayload, DispatchTarget } from '../../services/tickets.api';
import { formatDateTime } from '../../utils/format';
import { PhotoPicker } from '../photo-picker';
import './index.css';

/** The order actions appear in; anything the server allows is shown, nothing else. */
const ORDER: TicketAction[] = ['accept', 'dispatch', 'sign', 'feedback', 'return_visit', 'comment', 'supervise', 'escalate', 'return', 'decline', 'settle_on_site', 'evaluate'];
/** Actions that are a step back or away: drawn as secondary buttons. */
const SECONDARY: TicketAction[] = ['comment', 'supervise', 'escalate', 'return', 'decline'];

const MESSAGES: Record<RequiredField, string> = {
  note: '请填写理由或说明',
  guidance: '请填写给群众的指引',
  departmentId: '请选择承办部门',
  outcome: '请选择办理结果',
  satisfaction: '请选择评价',
  method: '请选择回访方式',
};

const NOTE_LABEL: Partial<Record<TicketAction, string>> = {
  decline: '不予受理理由',
  return: '退回理由',
  escalate: '上报理由',
  return_visit: '回访情况',
  feedback: '办理情况',
  comment: '补充内容',
  supervise: '督办意见',
  accept: '受理意见',
  sign: '签收说明',
  dispatch: '交办意见',
  settle_on_site: '处理情况',
};

/** Fields each action's form shows (required ones are checked with the shared `missingFields`). */
const FIELDS: Partial<Record<TicketAction, ('note' | 'guidance' | 'department' | 'assists' | 'outcome' | 'method' | 'photos')[]>> = {
  accept: ['note'],
  decline: ['note', 'guidance'],
  dispatch: ['department', 'assists', 'note'],
  sign: ['note'],
  return: ['note'],
  feedback: ['outcome', 'note', 'photos'],
  return_visit: ['method', 'note'],
  escalate: ['note'],
  supervise: ['note'],
  comment: ['note', 'photos'],
  settle_on_site: ['outcome', 'note', 'photos'],
};

export interface ActionPanelTicket {
  allowedActions: TicketAction[];
  riskLevel?: RiskLevel | null;
  dispatchTargets?: DispatchTarget[];
  suggestedDepartmentId?: string | null;
}

export interface ActionPanelProps {
  ticket: ActionPanelTicket;
  /** Time limit for the ticket's risk level (GET /admin/time-limits); DOMAIN.md's default otherwise. */
  limit?: TimeLimit;
  onSubmit: (action: TicketAction, payload: ActionPayload) => Promise<ApiResult<unknown>>;
  /** For tests: the clock used to preview dispatch deadlines. */
  now?: () => Date;
  /** Photo picker override (tests). */
  renderPhotos?: (onIds: (ids: string[], busy: boolean) => void) => ReactNode;
}

/** Whose notes the resident reads by default (the server's rule, see docs/resident-journey.md). */
const PUBLIC_NOTE_ACTIONS: TicketAction[] = ['accept', 'decline', 'feedback', 'settle_on_site', 'evaluate'];

/**
 * The actions the server says this user may take now (`allowedActions`),
 * each with the form it needs. Required fields are enforced before sending
 * and the server's field errors are shown on the fields.
 */
export function ActionPanel({ ticket, limit, onSubmit, now = () => new Date(), renderPhotos }: ActionPanelProps) {
  const [action, setAction] = useState<TicketAction | null>(null);
  const [note, setNote] = useState('');
  // 补充: internal unless the author chooses to let the resident read it.
  const [sharePublic, setSharePublic] = useState(false);
  const [guidance, setGuidance] = useState('');
  const [departmentId, setDepartmentId] = useState('');
  const [assists, setAssists] = useState<string[]>([]);
  const [showAssists, setShowAssists] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | ''>('');
  const [method, setMethod] = useState<ReturnVisitMethod | ''>('');
  const [photoIds, setPhotoIds] = useState<string[]>([]);
  const [photosBusy, setPhotosBusy] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState('');
  const [busy, setBusy] = useState(false);

  const actions = ORDER.filter((a) => ticket.allowedActions.includes(a));
  const targets = ticket.dispatchTargets || [];

  const open = (a: TicketAction) => {
    setAction(a);
    setNote('');
    setSharePublic(false);
    setGuidance('');
    setDepartmentId(a === 'dispatch' ? ticket.suggestedDepartmentId || '' : '');
    setAssists([]);
    setShowAssists(false);
    setOutcome('');
    setMethod('');
    setPhotoIds([]);
    setErrors({});
    setFormError('');
  };

  const submit = async () => {
    if (!action || busy) return;
    if (photosBusy) {
      setFormError('照片还在上传,请稍候');
      return;
    }
    const payload: ActionPayload = {};
    if (note.trim()) payload.note = note.trim();
    if (action === 'comment' && note.trim()) payload.visibility = sharePublic ? 'public' : 'internal';
    if (action === 'decline' && guidance.trim()) payload.guidance = guidance.trim();
    if (action === 'dispatch') {
      if (departmentId) payload.departmentId = departmentId;
      if (assists.length) payload.departmentIds = assists.filter((id) => id !== departmentId);
    }
    if ((action === 'feedback' || action === 'settle_on_site') && outcome) payload.outcome = outcome;
    if (action === 'return_visit' && method) payload.method = method;
    if ((action === 'feedback' || action === 'comment' || action === 'settle_on_site') && photoIds.length) payload.photoIds = photoIds;
    const missing = missingFields(action, payload);
    if (missing.length) {
      setErrors(Object.fromEntries(missing.map((f) => [f, MESSAGES[f]])));
      setFormError('');
      return;
    }
    setErrors({});
    setFormError('');
    setBusy(true);
    const result = await onSubmit(action, payload);
    setBusy(false);
    if (result.ok) {
      setAction(null);
      return;
    }
    setErrors(result.errors);
    setFormError(result.message);
  };

  if (!actions.length) {
    return (
      <View id='action-panel' className='action-panel'>
        <Text className='muted'>当前没有需要您办理的操作</Text>
      </View>
    );
  }

  const fields = action ? FIELDS[action] || ['note'] : [];
  const required = action ? new Set<string>(missingFields(action, { outcome: outcome || undefined })) : new Set<string>();
  const mark = (f: RequiredField) => (required.has(f) ? <Text className='action-required'>(必填)</Text> : <Text className='label-optional'>(选填)</Text>);
  const err = (f: string) => (errors[f] ? <Text className='error-text' id={`action-error-${f}`}>{errors[f]}</Text> : null);
  const preview = action === 'dispatch' ? deadlinesFrom(now(), limit || DEFAULT_TIME_LIMITS[ticket.riskLevel || 'low']) : null;

  return (
    <View id='action-panel' className='action-panel'>
      <View className='action-buttons'>
        {actions.map((a) => (
          <Button
            key={a}
            id={`action-${a}`}
            className={`btn ${SECONDARY.includes(a) ? (a === 'decline' || a === 'return' ? 'btn-danger' : 'btn-secondary') : 'btn-primary'} action-button ${action === a ? 'action-button--on' : ''}`}
            onClick={() => open(a)}
          >
            {ACTION_LABELS[a]}
          </Button>
        ))}
      </View>

      {action ? (
        <View id='action-form' className='action-form' data-action={action}>
          <Text className='card-title'>{ACTION_LABELS[action]}</Text>
          {formError ? (
            <Text className='form-error' id='action-form-error'>
              {formError}
            </Text>
          ) : null}

          {fields.includes('department') ? (
            <View className='field'>
              <Text className='label'>
                承办部门 <Text className='action-required'>(必填)</Text>
              </Text>
              <View className='chips' id='dept-options'>
                {targets.map((d) => (
                  <View
                    key={d.id}
                    className={`chip dept-option ${departmentId === d.id ? 'chip--on' : ''}`}
                    data-id={d.id}
                    data-selected={departmentId === d.id ? 'true' : 'false'}
                    onClick={() => setDepartmentId(d.id)}
                  >
                    <Text>{d.name}</Text>
                    {d.id === ticket.suggestedDepartmentId ? <Text className='chip-tag'>建议</Text> : null}
                  </View>
                ))}
              </View>
              {err('departmentId')}
            </View>
          ) : null}

          {fields.includes('assists') ? (
            <View className='field'>
              <View className={`chip ${showAssists ? 'chip--on' : ''}`} id='assist-toggle' onClick={() => setShowAssists(!showAssists)}>
                <Text>{showAssists ? '联合调处:选择协办部门' : '+ 联合调处(添加协办部门)'}</Text>
              </View>
              {showAssists ? (
                <View className='chips' id='assist-options'>
                  {targets
                    .filter((d) => d.id !== departmentId)
                    .map((d) => (
                      <View
                        key={d.id}
                        className={`chip assist-option ${assists.includes(d.id) ? 'chip--on' : ''}`}
                        data-id={d.id}
                        onClick={() => setAssists(assists.includes(d.id) ? assists.filter((x) => x !== d.id) : [...assists, d.id])}
                      >
                        <Text>{d.name}</Text>
                      </View>
                    ))}
                </View>
              ) : null}
              {err('departmentIds')}
            </View>
          ) : null}

          {preview ? (
            <View className='action-deadlines' id='dispatch-deadlines'>
              <Text className='action-deadline'>{`签收期限:${formatDateTime(preview.signDeadline.toISOString())}`}</Text>
              <Text className='action-deadline'>{`办结期限:${formatDateTime(preview.resolveDeadline.toISOString())}`}</Text>
            </View>
          ) : null}

          {fields.includes('outcome') ? (
            <View className='field'>
              <Text className='label'>
                办理结果 <Text className='action-required'>(必填)</Text>
              </Text>
              <View className='chips'>
                {OUTCOMES.map((o) => (
                  <View key={o} id={`outcome-${o}`} className={`chip ${outcome === o ? 'chip--on' : ''}`} onClick={() => setOutcome(o)}>
                    <Text>{OUTCOME_LABELS[o]}</Text>
                  </View>
                ))}
              </View>
              {err('outcome')}
            </View>
          ) : null}

          {fields.includes('method') ? (
            <View className='field'>
              <Text className='label'>
                回访方式 <Text className='action-required'>(必填)</Text>
              </Text>
              <View className='chips'>
                {RETURN_VISIT_METHODS.map((m) => (
                  <View key={m} id={`method-${m}`} className={`chip ${method === m ? 'chip--on' : ''}`} onClick={() => setMethod(m)}>
                    <Text>{RETURN_VISIT_METHOD_LABELS[m]}</Text>
                  </View>
                ))}
              </View>
              {err('method')}
            </View>
          ) : null}

          {fields.includes('note') ? (
            <View className='field'>
              <Text className='label'>
                {NOTE_LABEL[action] || '说明'} {mark('note')}
              </Text>
              <Textarea
                id='action-note'
                className={`input textarea action-textarea ${errors.note ? 'input-error' : ''}`}
                value={note}
                maxlength={2000}
                placeholder='请填写'
                onInput={(e) => setNote(e.detail.value)}
              />
              {err('note')}
              {action === 'comment' ? (
                <Text
                  id='action-note-public'
                  className={`action-visibility action-visibility--toggle ${sharePublic ? 'action-visibility--public' : ''}`}
                  data-public={sharePublic ? 'true' : 'false'}
                  onClick={() => setSharePublic((v) => !v)}
                >
                  {sharePublic ? '☑ 群众可见这条补充' : '☐ 让群众也看到这条补充(默认仅工作人员可见)'}
                </Text>
              ) : (
                <Text id='action-note-visibility' className='action-visibility'>
                  {PUBLIC_NOTE_ACTIONS.includes(action) ? '此说明群众可以看到' : '此说明仅工作人员可见,不会告知群众'}
                </Text>
              )}
            </View>
          ) : null}

          {fields.includes('guidance') ? (
            <View className='field'>
              <Text className='label'>
                给群众的指引 <Text className='action-required'>(必填)</Text>
              </Text>
              <Textarea
                id='action-guidance'
                className={`input textarea action-textarea ${errors.guidance ? 'input-error' : ''}`}
                value={guidance}
                maxlength={500}
                placeholder='如:可向人民法院提起诉讼'
                onInput={(e) => setGuidance(e.detail.value)}
              />
              {err('guidance')}
            </View>
          ) : null}

          {fields.includes('photos') ? (
            <View className='field'>
              <Text className='label'>
                照片 <Text className='label-optional'>(选填)</Text>
              </Text>
              {renderPhotos ? (
                renderPhotos((ids, b) => {
                  setPhotoIds(ids);
                  setPhotosBusy(b);
                })
              ) : (
                <PhotoPicker
                  onChange={(c) => {
                    setPhotoIds(c.ids);
                    setPhotosBusy(c.busy);
                  }}
                />
              )}
              {err('photoIds')}
            </View>
          ) : null}

          <View className='action-form-buttons'>
            <Button id='action-cancel' className='btn btn-secondary' onClick={() => setAction(null)}>
              取消
            </Button>
            <Button id='action-submit' className={`btn btn-primary ${busy ? 'btn-busy' : ''}`} disabled={busy} onClick={submit}>
              {`确认${ACTION_LABELS[action]}`}
            </Button>
          </View>
        </View>
      ) : null}
    </View>
  );
}

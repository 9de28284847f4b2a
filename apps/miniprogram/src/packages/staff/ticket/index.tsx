import { Button, Image, Text, Textarea, View } from '@tarojs/components';
import Taro, { useLoad, usePullDownRefresh } from '@tarojs/taro';
import {
  CATEGORIES,
  CATEGORY_LABELS,
  DEPARTMENT_LABELS,
  isOneOf,
  RETURN_VISIT_METHOD_LABELS,
  RETURN_VISIT_METHODS,
  RISK_LEVEL_LABELS,
  RISK_LEVELS,
  TIER_LABELS,
  TRIAGE_FLAG_LABELS,
  type Category,
  type RiskLevel,
  type TicketAction,
  type TimeLimit,
} from '@zongzhi/shared';
import { useState } from 'react';
import { ActionPanel } from '../../../components/action-panel';
import { AreaMap, type MapArea } from '../../../components/area-map';
import { Countdown } from '../../../components/countdown';
import { CrisisCard } from '../../../components/crisis-card';
import { PageContainer } from '../../../components/page-container';
import { RiskBadge } from '../../../components/risk-badge';
import { StatusTag } from '../../../components/status-tag';
import { districtAreas, type AreaWithParent } from '../../../services/stats.api';
import { categoryLabel, channelLabel } from '../../../services/staff-format';
import { getSession } from '../../../services/session';
import { actOn, getStaffTicket, markTicketNoticesRead, overrideTriage, requestExtension, timeLimits, type ActionPayload, type StaffTicketDetail } from '../../../services/tickets.api';
import { photoUrl } from '../../../services/uploads.api';
import { formatDateTime } from '../../../utils/format';
import '../staff.css';

/** The areas to draw around a point: the street holding it, with its communities and grids. */
function areasAround(all: AreaWithParent[], lat: number, lng: number): MapArea[] {
  const inBox = (a: AreaWithParent) => {
    const xs = a.boundary.map((b) => b[0]);
    const ys = a.boundary.map((b) => b[1]);
    return lng >= Math.min(...xs) && lng <= Math.max(...xs) && lat >= Math.min(...ys) && lat <= Math.max(...ys);
  };
  const street = all.find((a) => a.level === 'street' && inBox(a));
  if (!street) return [];
  const communities = all.filter((a) => a.parentId === street.id);
  const ids = new Set([street.id, ...communities.map((c) => c.id)]);
  return all.filter((a) => ids.has(a.id) || (a.parentId !== null && ids.has(a.parentId)));
}

const actorName = (a: StaffTicketDetail['history'][number]['actor']) => (typeof a === 'string' ? a : a?.name || '');

export default function StaffTicketPage() {
  const [id, setId] = useState('');
  const [ticket, setTicket] = useState<StaffTicketDetail | null>(null);
  const [areas, setAreas] = useState<AreaWithParent[]>([]);
  const [limits, setLimits] = useState<Record<RiskLevel, TimeLimit> | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [overrideOpen, setOverrideOpen] = useState(false);
  const [ovRisk, setOvRisk] = useState<RiskLevel | ''>('');
  const [ovCategory, setOvCategory] = useState<Category | ''>('');
  const [ovReason, setOvReason] = useState('');
  const [ovError, setOvError] = useState('');
  const [extOpen, setExtOpen] = useState(false);
  const [extDays, setExtDays] = useState(7);
  const [extReason, setExtReason] = useState('');
  const [extError, setExtError] = useState('');

  const load = async (ticketId: string = id) => {
    setLoading(!ticket);
    setError(null);
    const r = await getStaffTicket(ticketId);
    setLoading(false);
    if (r.ok) setTicket(r.data);
    else setError(r.status === 404 ? '未找到该案件,或不在您的办理范围' : r.message);
  };

  useLoad((params: Record<string, string | undefined>) => {
    const ticketId = decodeURIComponent(params.id || '');
    setId(ticketId);
    if (!ticketId) {
      setLoading(false);
      setError('缺少案件信息');
      return;
    }
    load(ticketId);
    // The addressed department has now seen this ticket's 督办单.
    if (getSession()?.user.role === 'handler') markTicketNoticesRead(ticketId);
    districtAreas().then((r) => r.ok && setAreas(r.data.items));
    timeLimits().then((r) => r.ok && setLimits(r.data.byRiskLevel));
  });
  usePullDownRefresh(() => {
    load().then(() => Taro.stopPullDownRefresh());
  });

  const submit = async (action: TicketAction, payload: ActionPayload) => {
    const r = await actOn(id, action, payload);
    if (r.ok) {
      setTicket(r.data);
      Taro.showToast({ title: '操作成功', icon: 'success' });
    }
    return r;
  };

  const sendOverride = async () => {
    if (!ovReason.trim()) {
      setOvError('请填写调整理由');
      return;
    }
    if (!ovRisk && !ovCategory) {
      setOvError('请选择要调整的风险等级或类别');
      return;
    }
    const r = await overrideTriage(id, { reason: ovReason.trim(), ...(ovRisk ? { riskLevel: ovRisk } : {}), ...(ovCategory ? { category: ovCategory } : {}) });
    if (!r.ok) {
      setOvError(r.errors.reason || r.message);
      return;
    }
    setOverrideOpen(false);
    setOvError('');
    Taro.showToast({ title: '已调整研判', icon: 'none' });
    load();
  };

  const sendExtension = async () => {
    if (!ticket?.resolveDeadline) return;
    if (extReason.trim().length < 2) {
      setExtError('请填写延期理由');
      return;
    }
    const until = new Date(new Date(ticket.resolveDeadline).getTime() + extDays * 86_400_000).toISOString();
    const r = await requestExtension(id, extReason.trim(), until);
    if (!r.ok) {
      setExtError(r.errors.reason || r.errors.requestedDeadline || r.message);
      return;
    }
    setExtOpen(false);
    setExtError('');
    Taro.showToast({ title: '延期申请已提交', icon: 'none' });
    load();
  };

  const t = ticket;
  const triage = t?.triage;
  const suggested = t?.dispatchTargets?.find((d) => d.id === t.suggestedDepartmentId);
  const canOverride = !!t && (t.allowedActions.includes('accept') || t.allowedActions.includes('dispatch'));
  const canExtend = !!t && t.allowedActions.includes('feedback') && !!t.resolveDeadline;
  const mapAreas = t?.location ? areasAround(areas, t.location.lat, t.location.lng) : [];

  return (
    <View className='page staff-wide'>
      <PageContainer loading={loading} error={error} onRetry={id ? () => load() : undefined}>
        {t ? (
          <View id='staff-ticket' data-status={t.status} data-urgent={t.urgent ? 'true' : 'false'}>
            {t.urgent ? <CrisisCard notice={t.crisis} audience='staff' /> : null}
            <View className='card'>
              <View className='row-between'>
                <Text className='case-code' id='staff-case-code'>{t.caseCode}</Text>
                <StatusTag status={t.status} />
              </View>
              <View className='ticket-item-top staff-gap'>
                <RiskBadge level={t.riskLevel} id='ticket-risk' />
                <Text className='ticket-cat'>{categoryLabel(t.category)}</Text>
                <Text className='muted'>{channelLabel(t.channel)}</Text>
              </View>
              {t.color ? (
                <View className='staff-gap' id='ticket-countdown'>
                  <Countdown ticket={t} />
                </View>
              ) : null}
              <View className='staff-gap'>
                <View className='kv'><Text className='kv-k'>提交时间</Text><Text className='kv-v'>{formatDateTime(t.createdAt)}</Text></View>
                <View className='kv'><Text className='kv-k'>反映人</Text><Text className='kv-v' id='ticket-reporter'>{t.anonymous ? '匿名反映' : t.contactPhone || '未留电话'}</Text></View>
                {t.acceptDeadline ? <View className='kv'><Text className='kv-k'>受理期限</Text><Text className={`kv-v${t.urgent ? ' accept-urgent' : ''}`} id='ticket-accept-deadline'>{formatDateTime(t.acceptDeadline)}</Text></View> : null}
                {t.signDeadline ? <View className='kv'><Text className='kv-k'>签收期限</Text><Text className='kv-v'>{formatDateTime(t.signDeadline)}</Text></View> : null}
                {t.resolveDeadline ? <View className='kv'><Text className='kv-k'>办结期限</Text><Text className='kv-v'>{formatDateTime(t.resolveDeadline)}</Text></View> : null}
                {t.departments?.length ? (
                  <View className='kv'><Text className='kv-k'>承办部门</Text><Text className='kv-v' id='ticket-departments'>{t.departments.map((d) => `${d.name}${d.role === 'assist' ? '(协办)' : '(牵头)'}`).join('、')}</Text></View>
                ) : null}
              </View>
            </View>

            <View className='staff-columns'>
              <View>
                <View className='card'>
                  <Text className='card-title'>反映内容</Text>
                  <Text className='ticket-text' id='ticket-text' userSelect>{t.text}</Text>
                  {t.photos.length ? (
                    <View className='photo-row' id='ticket-photos'>
                      {t.photos.map((p, i) => (
                        <Image
                          key={p.id}
                          className='photo-thumb'
                          src={photoUrl(p.thumbnailUrl)}
                          mode='aspectFill'
                          onClick={() => Taro.previewImage({ urls: t.photos.map((x) => photoUrl(x.url)), current: photoUrl(t.photos[i].url) })}
                        />
                      ))}
                    </View>
                  ) : null}
                </View>

                <View className='card'>
                  <Text className='card-title'>事发地点</Text>
                  <Text className='kv-v'>{t.address || t.location?.address || (t.location ? `${t.location.lat.toFixed(4)}, ${t.location.lng.toFixed(4)}` : '未提供位置')}</Text>
                  {t.locationUnverified ? <Text className='error-text'>位置待核实(不在任何网格内或未提供)</Text> : null}
                  {t.location && mapAreas.length ? (
                    <View className='staff-gap'>
                      <AreaMap id='ticket-map' areas={mapAreas} points={[{ lat: t.location.lat, lng: t.location.lng, riskLevel: t.riskLevel }]} height={360} legend={false} />
                    </View>
                  ) : null}
                </View>

                {triage ? (
                  <View className='card' id='ticket-triage'>
                    <Text className='card-title'>智能研判建议</Text>
                    <View className='kv'><Text className='kv-k'>类别</Text><Text className='kv-v'>{CATEGORY_LABELS[triage.category]}</Text></View>
                    <View className='kv'><Text className='kv-k'>风险等级</Text><Text className='kv-v'>{RISK_LEVEL_LABELS[triage.riskLevel]}</Text></View>
                    <View className='kv'><Text className='kv-k'>处置层级</Text><Text className='kv-v'>{TIER_LABELS[triage.tier]}</Text></View>
                    <View className='kv'><Text className='kv-k'>建议部门</Text><Text className='kv-v' id='ticket-suggested'>{suggested?.name || (t.suggestedDepartment ? DEPARTMENT_LABELS[t.suggestedDepartment] : DEPARTMENT_LABELS[triage.department])}</Text></View>
                    {triage.flags?.length ? (
                      <View className='flag-list staff-gap' id='ticket-flags'>
                        {triage.flags.map((f) => (
                          <Text key={f.code} className={`flag flag--${f.code}`} data-flag={f.code}>{`${TRIAGE_FLAG_LABELS[f.code]}:"${f.evidence}"`}</Text>
                        ))}
                      </View>
                    ) : null}
                    <Text className='label staff-gap'>研判依据</Text>
                    <View className='reason-list' id='ticket-reasons'>
                      {triage.reasons.map((r, i) => (
                        <Text key={i} className='reason'>{`· ${r}`}</Text>
                      ))}
                    </View>
                    {(t.riskLevel && t.riskLevel !== triage.riskLevel) || (t.category && t.category !== triage.category) ? (
                      <Text className='hint' id='ticket-overridden'>{`已人工调整为:${RISK_LEVEL_LABELS[t.riskLevel as RiskLevel] || ''} ${categoryLabel(t.category)}`}</Text>
                    ) : null}
                    {canOverride ? (
                      <Button id='override-open' className='btn btn-secondary btn-block staff-gap' onClick={() => setOverrideOpen(!overrideOpen)}>
                        调整研判结果
                      </Button>
                    ) : null}
                    {overrideOpen ? (
                      <View id='override-form' className='staff-gap'>
                        {ovError ? <Text className='form-error' id='override-error'>{ovError}</Text> : null}
                        <Text className='label'>风险等级</Text>
                        <View className='tabs'>
                          {RISK_LEVELS.map((r) => (
                            <View key={r} id={`override-risk-${r}`} className={`tab ${ovRisk === r ? 'tab--on' : ''}`} onClick={() => setOvRisk(ovRisk === r ? '' : r)}>
                              <Text>{RISK_LEVEL_LABELS[r]}</Text>
                            </View>
                          ))}
                        </View>
                        <Text className='label'>类别</Text>
                        <View className='tabs'>
                          {CATEGORIES.map((c) => (
                            <View key={c} id={`override-category-${c}`} className={`tab ${ovCategory === c ? 'tab--on' : ''}`} onClick={() => setOvCategory(ovCategory === c ? '' : c)}>
                              <Text>{CATEGORY_LABELS[c]}</Text>
                            </View>
                          ))}
                        </View>
                        <Text className='label'>调整理由(必填)</Text>
                        <Textarea id='override-reason' className='input textarea action-textarea' value={ovReason} maxlength={500} onInput={(e) => setOvReason(e.detail.value)} />
                        <Button id='override-submit' className='btn btn-primary btn-block staff-gap' onClick={sendOverride}>
                          确认调整
                        </Button>
                      </View>
                    ) : null}
                  </View>
                ) : null}
              </View>

              <View>
                <View className='card'>
                  <Text className='card-title'>办理操作</Text>
                  <ActionPanel ticket={t} limit={t.riskLevel && limits ? limits[t.riskLevel] : undefined} onSubmit={submit} />
                  {canExtend ? (
                    <View className='staff-gap'>
                      <Button id='extension-open' className='btn btn-secondary btn-block' onClick={() => setExtOpen(!extOpen)}>
                        申请延期
                      </Button>
                      {extOpen ? (
                        <View id='extension-form' className='staff-gap'>
                          {extError ? <Text className='form-error' id='extension-error'>{extError}</Text> : null}
                          <Text className='label'>延长</Text>
                          <View className='tabs'>
                            {[3, 7, 15].map((d) => (
                              <View key={d} id={`extension-days-${d}`} className={`tab ${extDays === d ? 'tab--on' : ''}`} onClick={() => setExtDays(d)}>
                                <Text>{`${d}天`}</Text>
                              </View>
                            ))}
                          </View>
                          <Text className='hint'>{`申请延至 ${formatDateTime(new Date(new Date(t.resolveDeadline!).getTime() + extDays * 86_400_000).toISOString())}`}</Text>
                          <Text className='label staff-gap'>延期理由(必填)</Text>
                          <Textarea id='extension-reason' className='input textarea action-textarea' value={extReason} maxlength={500} onInput={(e) => setExtReason(e.detail.value)} />
                          <Button id='extension-submit' className='btn btn-primary btn-block staff-gap' onClick={sendExtension}>
                            提交延期申请
                          </Button>
                        </View>
                      ) : null}
                    </View>
                  ) : null}
                </View>

                <View className='card'>
                  <Text className='card-title'>办理记录</Text>
                  <View className='timeline' id='ticket-history'>
                    {t.history.map((h, i) => (
                      <View className='timeline-item' key={`${h.at}-${i}`} data-action={h.action}>
                        <View className='timeline-dot' />
                        <Text className='timeline-title'>
                          {h.actionLabel || h.action}
                          <Text className='staff-history-actor'>{actorName(h.actor)}</Text>
                        </Text>
                        <Text className='timeline-time'>{formatDateTime(h.at)}</Text>
                        {h.note ? <Text className='timeline-note'>{h.note}</Text> : null}
                        {h.data && typeof h.data.guidance === 'string' ? <Text className='timeline-note'>{`指引:${h.data.guidance}`}</Text> : null}
                        {h.action === 'return_visit' && h.data && isOneOf(RETURN_VISIT_METHODS, h.data.method) ? (
                          <Text className='timeline-note history-method'>{`回访方式:${RETURN_VISIT_METHOD_LABELS[h.data.method]}`}</Text>
                        ) : null}
                      </View>
                    ))}
                  </View>
                </View>
              </View>
            </View>
          </View>
        ) : null}
      </PageContainer>
    </View>
  );
}

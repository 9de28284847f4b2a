import { Button, Text, Textarea, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { COLOR_LABELS, PATROL_STATUS_LABELS, RISK_LEVEL_LABELS } from '@zongzhi/shared';
import { useState } from 'react';
import { PageContainer } from '../../../components/page-container';
import { PhotoPicker, type PhotoPickerChange } from '../../../components/photo-picker';
import { StatusTag } from '../../../components/status-tag';
import { usePageClass } from '../../../services/display';
import {
  addPatrolEntry,
  finishPatrol,
  listGridOpenTickets,
  listPatrols,
  patrolItems,
  startPatrol,
  todayInChina,
  type GridTicket,
  type Patrol,
  type PatrolEntry,
} from '../../../services/patrols.api';
import { getSession } from '../../../services/session';
import { logout as endSession } from '../../../services/request';
import { firstLine, formatDateTime } from '../../../utils/format';
import '../worker.css';

const STAFF_LOGIN = '/packages/staff/login/index';
const timeOf = (iso?: string | null) => formatDateTime(iso).slice(11);

export default function WorkerHomePage() {
  const pageClass = usePageClass();
  const session = getSession();
  const [patrols, setPatrols] = useState<Patrol[]>([]);
  const [patrolError, setPatrolError] = useState<string | null>(null);
  const [entries, setEntries] = useState<PatrolEntry[]>([]);
  const [tickets, setTickets] = useState<GridTicket[]>([]);
  const [ticketsError, setTicketsError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [note, setNote] = useState('');
  const [photos, setPhotos] = useState<PhotoPickerChange>({ ids: [], busy: false, gps: null });
  const [round, setRound] = useState(0);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');

  const open = patrols.find((p) => p.status === 'open') || null;

  const load = async () => {
    if (!getSession()) return;
    setLoading(true);
    const [p, t] = await Promise.all([listPatrols(todayInChina()), listGridOpenTickets()]);
    setLoading(false);
    if (p.ok) {
      const list = patrolItems(p.data);
      setPatrols(list);
      const current = list.find((x) => x.status === 'open');
      if (current?.entries) setEntries(current.entries);
      setPatrolError(null);
    } else setPatrolError(p.status === 404 ? '巡查日志功能暂未开通,请稍后再试' : p.message);
    if (t.ok) {
      setTickets(t.data);
      setTicketsError(null);
    } else setTicketsError(t.message);
  };

  useDidShow(() => {
    void load();
  });
  usePullDownRefresh(() => {
    load().then(() => Taro.stopPullDownRefresh());
  });

  const start = async () => {
    if (busy) return;
    setBusy(true);
    setMessage('');
    const r = await startPatrol();
    setBusy(false);
    if (r.ok) {
      setPatrols((list) => [{ ...r.data, status: 'open' }, ...list.filter((x) => x.id !== r.data.id)]);
      setEntries([]);
    } else setMessage(r.status === 404 ? '巡查日志功能暂未开通' : r.message);
  };

  const addEntry = async () => {
    if (!open || busy) return;
    if (!note.trim() && !photos.ids.length) {
      setMessage('请写下巡查情况或添加照片');
      return;
    }
    if (photos.busy) {
      setMessage('照片还在上传,请稍候');
      return;
    }
    setBusy(true);
    setMessage('');
    const r = await addPatrolEntry(open.id, { note, photoIds: photos.ids });
    setBusy(false);
    if (r.ok) {
      setEntries((list) => [...list, { ...r.data, note: r.data?.note ?? note.trim(), at: r.data?.at || r.data?.createdAt || new Date().toISOString() }]);
      setNote('');
      setRound((n) => n + 1);
      Taro.showToast({ title: '已记录', icon: 'success' }).catch(() => undefined);
    } else setMessage(r.message);
  };

  const finish = async () => {
    if (!open || busy) return;
    setBusy(true);
    setMessage('');
    const r = await finishPatrol(open.id);
    setBusy(false);
    if (r.ok) {
      setPatrols((list) => list.map((x) => (x.id === open.id ? { ...x, ...r.data, status: r.data?.status || 'finished' } : x)));
      Taro.showToast({ title: '巡查已结束', icon: 'success' }).catch(() => undefined);
    } else setMessage(r.message);
  };

  const logout = () => {
    void endSession();
    Taro.reLaunch({ url: '/pages/index/index' }).catch(() => undefined);
  };

  if (!session || session.user.role !== 'grid_worker') {
    return (
      <View className={pageClass}>
        <View className='card' id='worker-guest'>
          <Text className='card-title'>请使用网格员账号登录</Text>
          <Button className='btn btn-primary btn-block' id='worker-login' onClick={() => Taro.navigateTo({ url: STAFF_LOGIN })}>
            工作人员登录
          </Button>
        </View>
      </View>
    );
  }

  const finished = patrols.filter((p) => p.status !== 'open');

  return (
    <View className={pageClass} id='worker-home'>
      <View className='card row-between'>
        <View>
          <Text className='worker-name'>{session.user.displayName || '网格员'}</Text>
          <Text className='muted worker-date'>{`今天 ${todayInChina()}`}</Text>
        </View>
        <Text className='worker-logout' id='worker-logout' onClick={logout}>
          退出
        </Text>
      </View>

      <View className='card' id='patrol-card' data-status={open ? 'open' : 'none'}>
        <Text className='card-title'>今日巡查</Text>
        {message ? (
          <Text className='form-error' id='patrol-error'>
            {message}
          </Text>
        ) : null}
        {patrolError ? (
          <Text className='muted' id='patrol-unavailable'>
            {patrolError}
          </Text>
        ) : open ? (
          <View id='patrol-open'>
            <Text className='worker-patrol-status' id='patrol-status'>{`${PATROL_STATUS_LABELS.open} · ${timeOf(open.startedAt)} 开始`}</Text>
            {entries.length ? (
              <View className='worker-entries' id='patrol-entries'>
                {entries.map((e, i) => (
                  <View key={e.id || i} className='worker-entry patrol-entry'>
                    <Text className='worker-entry-time'>{timeOf(e.at || e.createdAt)}</Text>
                    <Text className='worker-entry-note'>{e.note || (e.caseCode ? `上报事件 ${e.caseCode}` : '照片记录')}</Text>
                  </View>
                ))}
              </View>
            ) : (
              <Text className='muted'>还没有巡查记录</Text>
            )}
            <View className='field worker-entry-form'>
              <Text className='label'>记录巡查情况</Text>
              <Textarea
                id='patrol-note'
                className='textarea worker-textarea'
                value={note}
                maxlength={1000}
                placeholder='如:XX小区消防通道畅通;3号楼楼道有杂物已提醒清理'
                onInput={(e) => setNote(e.detail.value)}
              />
            </View>
            <PhotoPicker key={round} onChange={setPhotos} />
            <Button id='patrol-entry-submit' className={`btn btn-secondary btn-block worker-gap ${busy ? 'btn-busy' : ''}`} disabled={busy} onClick={addEntry}>
              保存这条记录
            </Button>
            <Button
              id='patrol-report'
              className='btn btn-primary btn-block worker-gap'
              onClick={() => Taro.navigateTo({ url: `/packages/worker/report/index?patrolId=${encodeURIComponent(open.id)}` })}
            >
              上报发现的事件
            </Button>
            <Button id='patrol-finish' className={`btn btn-danger btn-block worker-gap ${busy ? 'btn-busy' : ''}`} disabled={busy} onClick={finish}>
              结束巡查
            </Button>
          </View>
        ) : (
          <View>
            {finished.length ? (
              <View id='patrol-finished'>
                {finished.map((p) => (
                  <Text key={p.id} className='muted worker-finished patrol-finished-item'>
                    {`${timeOf(p.startedAt)}–${timeOf(p.finishedAt) || '?'} ${PATROL_STATUS_LABELS[p.status] || p.status}`}
                  </Text>
                ))}
              </View>
            ) : (
              <Text className='muted'>今天还没有开始巡查</Text>
            )}
            <Button id='patrol-start' className={`btn btn-primary btn-block worker-gap ${busy ? 'btn-busy' : ''}`} disabled={busy} onClick={start}>
              开始巡查
            </Button>
          </View>
        )}
      </View>

      <Text className='worker-section-title'>网格内待办事项(最紧急在前)</Text>
      <PageContainer loading={loading && !tickets.length} error={ticketsError} onRetry={load} empty={!tickets.length} emptyText='网格内暂无待办事项'>
        <View id='worker-tickets'>
          {tickets.map((t) => (
            <View key={t.id} className={`card worker-ticket ${t.color ? `worker-ticket--${t.color}` : ''}`} data-case-code={t.caseCode}>
              <View className='row-between' onClick={() => Taro.navigateTo({ url: `/packages/case/detail/index?id=${encodeURIComponent(t.id)}` })}>
                <Text className='worker-ticket-code'>{t.caseCode}</Text>
                <StatusTag status={t.status} />
              </View>
              <Text className='worker-ticket-text'>{firstLine(t.text, 40)}</Text>
              <View className='row-between'>
                <Text className='muted'>
                  {[t.riskLevel ? `${RISK_LEVEL_LABELS[t.riskLevel]}风险` : '', t.color ? COLOR_LABELS[t.color] : ''].filter(Boolean).join(' · ') || formatDateTime(t.createdAt)}
                </Text>
                {t.status === 'submitted' ? (
                  <Text
                    className='worker-settle-link'
                    data-case-code={t.caseCode}
                    onClick={() => Taro.navigateTo({ url: `/packages/worker/settle/index?id=${encodeURIComponent(t.id)}&caseCode=${encodeURIComponent(t.caseCode)}` })}
                  >
                    现场化解
                  </Text>
                ) : null}
              </View>
            </View>
          ))}
        </View>
      </PageContainer>
    </View>
  );
}

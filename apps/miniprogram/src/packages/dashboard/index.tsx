import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { COLOR_LABELS, RISK_LEVEL_LABELS, type RiskLevel } from '@zongzhi/shared';
import { useRef, useState } from 'react';
import { AreaMap } from '../../components/area-map';
import { PageContainer } from '../../components/page-container';
import { RiskBadge } from '../../components/risk-badge';
import { getSession } from '../../services/session';
import { chinaDay, percent } from '../../services/staff-format';
import { STAFF_PAGES, logOutStaff } from '../../services/staff-home';
import { statsApi, type BreakdownBy, type BreakdownItem, type MapData, type RedItem, type StatsSummary, type TrendDay, type UnitOption } from '../../services/stats.api';
import { actOn } from '../../services/tickets.api';
import './index.css';

const PERIODS = [
  { key: 'today', label: '今日', from: () => chinaDay(0) },
  { key: '7d', label: '近7天', from: () => chinaDay(-6) },
  { key: '30d', label: '近30天', from: () => chinaDay(-29) },
  { key: 'year', label: '本年', from: () => `${chinaDay(0).slice(0, 4)}-01-01` },
] as const;
type PeriodKey = (typeof PERIODS)[number]['key'];

const DIMENSIONS: { key: BreakdownBy; label: string }[] = [
  { key: 'category', label: '类别' },
  { key: 'riskLevel', label: '风险' },
  { key: 'street', label: '街道' },
  { key: 'community', label: '社区' },
  { key: 'department', label: '部门' },
  { key: 'channel', label: '渠道' },
];

const hours = (m: number) => (m >= 1440 ? `${Math.floor(m / 1440)}天${Math.floor((m % 1440) / 60)}小时` : `${Math.floor(m / 60)}小时${m % 60}分`);

/** 领导工作台: the figures of a period and unit, breakdowns, the daily trend, the red list with 督办, the map. */
export default function DashboardPage() {
  const [period, setPeriod] = useState<PeriodKey>('30d');
  const [unitId, setUnitId] = useState('');
  const [units, setUnits] = useState<UnitOption[]>([]);
  const [by, setBy] = useState<BreakdownBy>('category');
  const [summary, setSummary] = useState<StatsSummary | null>(null);
  const [breakdown, setBreakdown] = useState<BreakdownItem[]>([]);
  const [trend, setTrend] = useState<TrendDay[]>([]);
  const [red, setRed] = useState<RedItem[]>([]);
  const [map, setMap] = useState<MapData | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const seq = useRef(0);
  const session = getSession();

  const query = (p: PeriodKey, u: string) => ({ from: PERIODS.find((x) => x.key === p)!.from(), to: chinaDay(0), unitId: u || undefined });

  const load = async (p: PeriodKey = period, u: string = unitId, b: BreakdownBy = by) => {
    const mine = ++seq.current;
    setError(null);
    const q = query(p, u);
    const [s, bd, tr, rl, mp] = await Promise.all([statsApi.summary(q), statsApi.breakdown(b, q), statsApi.trend(q), statsApi.redList(q.unitId), statsApi.map(q)]);
    if (mine !== seq.current) return;
    setLoading(false);
    if (!s.ok) {
      setError(s.status === 403 ? '您没有查看统计的权限' : s.message);
      return;
    }
    setSummary(s.data);
    if (bd.ok) setBreakdown(bd.data.items);
    if (tr.ok) setTrend(tr.data.days);
    if (rl.ok) setRed(rl.data.items);
    if (mp.ok) setMap(mp.data);
  };

  useDidShow(() => {
    if (!getSession()) {
      Taro.redirectTo({ url: STAFF_PAGES.login });
      return;
    }
    load();
    statsApi.units().then((r) => r.ok && setUnits(r.data.items.filter((x) => x.level === 'district' || x.level === 'street')));
  });
  usePullDownRefresh(() => {
    load().then(() => Taro.stopPullDownRefresh());
  });

  const supervise = async (item: RedItem) => {
    const r = await actOn(item.id, 'supervise', { note: '红色预警,请加快办理' });
    Taro.showToast({ title: r.ok ? '已督办' : r.message, icon: 'none' });
    if (r.ok) load();
  };

  const maxBreak = Math.max(1, ...breakdown.map((i) => Math.max(i.received, i.accepted)));
  const maxDay = Math.max(1, ...trend.map((d) => Math.max(d.received, d.accepted, d.resolved)));
  const s = summary;
  const figures = s
    ? [
        { id: 'accepted', label: '受理量', value: String(s.accepted), sub: `收到反映 ${s.received} 件` },
        { id: 'resolved', label: '办结量', value: String(s.resolved), sub: `化解 ${s.resolvedSuccessfully} 件` },
        { id: 'resolution-rate', label: '化解率', value: percent(s.resolutionRate), sub: `${s.resolvedSuccessfully}/${s.resolved}` },
        { id: 'on-time-rate', label: '按时办结率', value: percent(s.onTimeRate), sub: `${s.resolvedOnTime}/${s.resolved}` },
        { id: 'satisfaction-rate', label: '满意率', value: percent(s.satisfactionRate), sub: `${s.satisfied}/${s.evaluations} 条评价` },
        { id: 'return-visit-rate', label: '回访率', value: percent(s.returnVisitRate), sub: `${s.returnVisited}/${s.closed} 件销号` },
      ]
    : [];

  return (
    <View className='page dash' id='dashboard'>
      <View className='dash-head'>
        <Text className='dash-title'>综治工作台</Text>
        <View className='dash-links'>
          {session?.user.role === 'dispatcher' ? (
            <Text className='dash-link' onClick={() => Taro.navigateTo({ url: STAFF_PAGES.queue })}>受理调度</Text>
          ) : null}
          <Text
            className='dash-link'
            id='staff-logout'
            onClick={logOutStaff}
          >
            退出
          </Text>
        </View>
      </View>

      <View className='dash-card'>
        <View className='dash-chips'>
          {PERIODS.map((p) => (
            <View
              key={p.key}
              id={`period-${p.key}`}
              className={`dash-chip ${period === p.key ? 'dash-chip--on' : ''}`}
              onClick={() => {
                setPeriod(p.key);
                load(p.key);
              }}
            >
              <Text>{p.label}</Text>
            </View>
          ))}
        </View>
        {units.length > 1 ? (
          <View className='dash-chips'>
            {units.map((u) => (
              <View
                key={u.id}
                id={`unit-${u.code}`}
                className={`dash-chip ${(unitId || units[0].id) === u.id ? 'dash-chip--on' : ''}`}
                onClick={() => {
                  const next = u.id === units[0].id ? '' : u.id;
                  setUnitId(next);
                  load(period, next);
                }}
              >
                <Text>{u.name}</Text>
              </View>
            ))}
          </View>
        ) : null}
      </View>

      <PageContainer loading={loading} error={error} onRetry={() => load()}>
        {s ? (
          <View>
            <View className='dash-figures' id='dash-figures'>
              {figures.map((f) => (
                <View key={f.id} className='dash-figure' id={`fig-${f.id}`}>
                  <Text className='dash-figure-label'>{f.label}</Text>
                  <Text className='dash-figure-value' data-value={f.value}>{f.value}</Text>
                  <Text className='dash-figure-sub'>{f.sub}</Text>
                </View>
              ))}
            </View>

            <View className='dash-card' id='dash-colors'>
              <Text className='dash-card-title'>在办案件预警</Text>
              <View className='dash-colors'>
                {(['red', 'yellow', 'blue'] as const).map((c) => (
                  <View key={c} className={`dash-color dash-color--${c}`} id={`color-${c}`}>
                    <Text className='dash-color-n'>{s.byColor[c]}</Text>
                    <Text className='dash-color-l'>{`${COLOR_LABELS[c]}(${c === 'red' ? '红' : c === 'yellow' ? '黄' : '蓝'})`}</Text>
                  </View>
                ))}
              </View>
            </View>

            <View className='dash-grid'>
              <View className='dash-card' id='dash-breakdown'>
                <Text className='dash-card-title'>分类统计</Text>
                <View className='dash-chips'>
                  {DIMENSIONS.map((d) => (
                    <View
                      key={d.key}
                      id={`by-${d.key}`}
                      className={`dash-chip ${by === d.key ? 'dash-chip--on' : ''}`}
                      onClick={() => {
                        setBy(d.key);
                        load(period, unitId, d.key);
                      }}
                    >
                      <Text>{d.label}</Text>
                    </View>
                  ))}
                </View>
                {breakdown.length ? (
                  breakdown.map((i) => (
                    <View key={String(i.key)} className='bar-row' data-key={String(i.key)}>
                      <Text className='bar-label'>{i.label}</Text>
                      <View className='bar-track'>
                        <View className='bar bar--received' style={{ width: `${(i.received / maxBreak) * 100}%` }} />
                        <View className='bar bar--accepted' style={{ width: `${(i.accepted / maxBreak) * 100}%` }} />
                      </View>
                      <Text className='bar-n'>{`${i.received}/${i.accepted}/${i.resolved}`}</Text>
                    </View>
                  ))
                ) : (
                  <Text className='muted'>本期暂无数据</Text>
                )}
                <Text className='dash-legend'>
                  <Text className='dash-key dash-key--received' />反映 <Text className='dash-key dash-key--accepted' />受理 · 数字:反映/受理/办结
                </Text>
              </View>

              <View className='dash-card' id='dash-trend'>
                <Text className='dash-card-title'>每日趋势</Text>
                <View className='trend'>
                  {trend.map((d) => (
                    <View key={d.date} className='trend-day' data-date={d.date}>
                      <View className='trend-bars'>
                        <View className='trend-bar trend-bar--received' style={{ height: `${(d.received / maxDay) * 100}%` }} />
                        <View className='trend-bar trend-bar--accepted' style={{ height: `${(d.accepted / maxDay) * 100}%` }} />
                        <View className='trend-bar trend-bar--resolved' style={{ height: `${(d.resolved / maxDay) * 100}%` }} />
                      </View>
                    </View>
                  ))}
                </View>
                <View className='row-between'>
                  <Text className='dash-axis'>{trend[0]?.date.slice(5) || ''}</Text>
                  <Text className='dash-axis'>{trend[trend.length - 1]?.date.slice(5) || ''}</Text>
                </View>
                <Text className='dash-legend'>
                  <Text className='dash-key dash-key--received' />反映 <Text className='dash-key dash-key--accepted' />受理 <Text className='dash-key dash-key--resolved' />办结
                </Text>
              </View>
            </View>

            <View className='dash-grid'>
              <View className='dash-card' id='dash-red'>
                <Text className='dash-card-title'>{`红色预警(${red.length})`}</Text>
                {red.length ? (
                  red.map((i) => (
                    <View key={i.id} className='red-item' data-case-code={i.caseCode}>
                      <View className='row-between'>
                        <View className='red-top'>
                          <RiskBadge level={i.riskLevel as RiskLevel} />
                          <Text className='red-code' onClick={() => Taro.navigateTo({ url: `${STAFF_PAGES.ticket}?id=${i.id}` })}>{i.caseCode}</Text>
                        </View>
                        {i.allowedActions.includes('supervise') ? (
                          <Button id={`supervise-${i.id}`} className='btn btn-danger red-btn' onClick={() => supervise(i)}>
                            督办
                          </Button>
                        ) : null}
                      </View>
                      <Text className='red-text'>{i.text}</Text>
                      <Text className='red-meta'>{`${i.departmentName || i.unitName || ''} · ${i.stage === 'sign' ? '签收' : '办结'}超期 ${hours(i.overdueMinutes)}${i.supervisedCount ? ` · 已督办${i.supervisedCount}次` : ''}`}</Text>
                    </View>
                  ))
                ) : (
                  <Text className='muted'>没有超期案件</Text>
                )}
              </View>

              <View className='dash-card' id='dash-map'>
                <Text className='dash-card-title'>{`案件分布(${map?.points.length || 0})`}</Text>
                {map ? <AreaMap areas={map.areas} points={map.points} /> : null}
                <Text className='dash-legend'>{`按风险着色:${RISK_LEVEL_LABELS.high}、${RISK_LEVEL_LABELS.medium}、${RISK_LEVEL_LABELS.low}`}</Text>
              </View>
            </View>
          </View>
        ) : null}
      </PageContainer>
    </View>
  );
}

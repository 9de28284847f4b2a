import { Button, Input, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import {
  CATEGORIES,
  CATEGORY_LABELS,
  CHANNEL_LABELS,
  CHANNELS,
  COLOR_LABELS,
  COLORS,
  RISK_LEVEL_LABELS,
  RISK_LEVELS,
  type Category,
  type Channel,
  type DeadlineColor,
  type RiskLevel,
} from '@zongzhi/shared';
import { useRef, useState } from 'react';
import { PageContainer } from '../../../components/page-container';
import { DutyToggle } from '../duty-toggle';
import { getSession } from '../../../services/session';
import { STAFF_PAGES, logOutStaff } from '../../../services/staff-home';
import { decideExtension, listExtensionRequests, listTickets, type ExtensionRequest, type StaffTicket, type TicketQuery } from '../../../services/tickets.api';
import { formatDateTime } from '../../../utils/format';
import { TicketCard } from '../ticket-card';
import '../staff.css';

type Tab = 'new' | 'accepted' | 'returned' | 'red' | 'extensions' | 'all';
const TABS: { key: Tab; label: string }[] = [
  { key: 'new', label: '新案件' },
  { key: 'accepted', label: '待交办' },
  { key: 'returned', label: '被退回' },
  { key: 'red', label: '红色预警' },
  { key: 'extensions', label: '延期申请' },
  { key: 'all', label: '全部' },
];
const BASE: Record<Exclude<Tab, 'extensions'>, TicketQuery> = {
  new: { status: 'submitted' },
  accepted: { status: 'accepted' },
  // Sent back by a department: `accepted` again, last status change a `return` (filtered by the server).
  returned: { status: 'accepted', returned: true },
  red: { color: 'red' },
  all: {},
};

interface Filters {
  riskLevel: RiskLevel | '';
  color: DeadlineColor | '';
  category: Category | '';
  channel: Channel | '';
  q: string;
}
const NO_FILTERS: Filters = { riskLevel: '', color: '', category: '', channel: '', q: '' };

/** 受理调度: the queue, most dangerous first, with filters; 延期 requests to decide. */
export default function QueuePage() {
  const [tab, setTab] = useState<Tab>('new');
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [search, setSearch] = useState('');
  const [more, setMore] = useState(false);
  const [items, setItems] = useState<StaffTicket[]>([]);
  const [total, setTotal] = useState(0);
  const [extensions, setExtensions] = useState<ExtensionRequest[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [now, setNow] = useState(new Date());
  const seq = useRef(0);
  const session = getSession();

  const load = async (t: Tab = tab, f: Filters = filters) => {
    const mine = ++seq.current;
    setLoading(true);
    setError(null);
    setNow(new Date());
    if (t === 'extensions') {
      const r = await listExtensionRequests('pending');
      if (mine !== seq.current) return;
      setLoading(false);
      if (r.ok) setExtensions(r.data.items);
      else setError(r.message);
      return;
    }
    const query: TicketQuery = { sort: 'urgent', ...BASE[t] };
    if (f.riskLevel) query.riskLevel = f.riskLevel;
    if (f.color) query.color = f.color;
    if (f.category) query.category = f.category;
    if (f.channel) query.channel = f.channel;
    if (f.q.trim()) query.q = f.q.trim();
    const r = await listTickets(query);
    if (mine !== seq.current) return;
    setLoading(false);
    if (!r.ok) {
      setError(r.message);
      return;
    }
    setItems(r.data.items);
    setTotal(r.data.total);
  };

  useDidShow(() => {
    if (!getSession()) {
      Taro.redirectTo({ url: STAFF_PAGES.login });
      return;
    }
    load();
  });
  usePullDownRefresh(() => {
    load().then(() => Taro.stopPullDownRefresh());
  });

  const choose = (t: Tab) => {
    setTab(t);
    load(t);
  };
  const setFilter = <K extends keyof Filters>(k: K, v: Filters[K]) => {
    const next = { ...filters, [k]: filters[k] === v ? '' : v };
    setFilters(next);
    load(tab, next);
  };
  const runSearch = () => {
    const next = { ...filters, q: search };
    setFilters(next);
    load(tab, next);
  };

  const decide = async (e: ExtensionRequest, approve: boolean) => {
    const r = await decideExtension(e.ticketId, e.id, approve);
    if (r.ok) {
      Taro.showToast({ title: approve ? '已同意延期' : '已驳回', icon: 'none' });
      load('extensions');
    } else Taro.showToast({ title: r.message, icon: 'none' });
  };

  const chip = <K extends keyof Filters>(k: K, v: Filters[K], label: string) => (
    <View key={`${k}-${v}`} id={`filter-${k}-${v}`} className={`tab ${filters[k] === v ? 'tab--on' : ''}`} onClick={() => setFilter(k, v)}>
      <Text>{label}</Text>
    </View>
  );

  return (
    <View className='page staff-wide' id='queue-page'>
      <View className='staff-head'>
        <Text className='staff-title'>{session?.user.displayName || '受理调度'}</Text>
        <View className='staff-links'>
          <DutyToggle />
          <Text className='staff-link' id='go-walkin' onClick={() => Taro.navigateTo({ url: STAFF_PAGES.walkIn })}>来访登记</Text>
          <Text className='staff-link' id='go-import' onClick={() => Taro.navigateTo({ url: STAFF_PAGES.hotline })}>12345导入</Text>
          <Text className='staff-link' id='go-dashboard' onClick={() => Taro.navigateTo({ url: STAFF_PAGES.dashboard })}>统计</Text>
          <Text
            className='staff-link'
            id='staff-logout'
            onClick={logOutStaff}
          >
            退出
          </Text>
        </View>
      </View>

      <View className='tabs' id='queue-tabs'>
        {TABS.map((t) => (
          <View key={t.key} id={`tab-${t.key}`} className={`tab ${tab === t.key ? 'tab--on' : ''}`} onClick={() => choose(t.key)}>
            <Text>{t.label}</Text>
          </View>
        ))}
      </View>

      {tab !== 'extensions' ? (
        <View className='card'>
          <View className='search-row'>
            <Input id='queue-search' className='input' value={search} placeholder='搜索反映内容或案件编码' confirmType='search' onInput={(e) => setSearch(e.detail.value)} onConfirm={runSearch} />
            <Button id='queue-search-btn' className='btn btn-primary' onClick={runSearch}>
              搜索
            </Button>
          </View>
          <Text className='filter-label'>风险等级</Text>
          <View className='tabs'>{RISK_LEVELS.slice().reverse().map((r) => chip('riskLevel', r, RISK_LEVEL_LABELS[r]))}</View>
          <Text className='filter-label'>预警颜色</Text>
          <View className='tabs'>{COLORS.map((c) => chip('color', c, `${COLOR_LABELS[c]}(${c === 'red' ? '红' : c === 'yellow' ? '黄' : '蓝'})`))}</View>
          <Text className='staff-link' id='filter-more' onClick={() => setMore(!more)}>
            {more ? '收起筛选' : '按类别、渠道筛选'}
          </Text>
          {more ? (
            <View>
              <Text className='filter-label'>类别</Text>
              <View className='tabs'>{CATEGORIES.map((c) => chip('category', c, CATEGORY_LABELS[c]))}</View>
              <Text className='filter-label'>渠道</Text>
              <View className='tabs'>{CHANNELS.map((c) => chip('channel', c, CHANNEL_LABELS[c]))}</View>
            </View>
          ) : null}
        </View>
      ) : null}

      <PageContainer
        loading={loading}
        error={error}
        onRetry={() => load()}
        empty={tab === 'extensions' ? !extensions.length : !items.length}
        emptyText={tab === 'extensions' ? '没有待审批的延期申请' : '没有符合条件的案件'}
      >
        {tab === 'extensions' ? (
          <View id='extension-list' className='staff-list'>
            {extensions.map((e) => (
              <View key={e.id} className='ext-item' data-id={e.id}>
                <Text className='ticket-code' onClick={() => Taro.navigateTo({ url: `${STAFF_PAGES.ticket}?id=${e.ticketId}` })}>{e.caseCode || '案件'}</Text>
                <View className='kv staff-gap'><Text className='kv-k'>延期理由</Text><Text className='kv-v'>{e.reason}</Text></View>
                <View className='kv'><Text className='kv-k'>原办结期限</Text><Text className='kv-v'>{formatDateTime(e.currentDeadline)}</Text></View>
                <View className='kv'><Text className='kv-k'>申请延至</Text><Text className='kv-v'>{formatDateTime(e.requestedDeadline)}</Text></View>
                <View className='btn-row'>
                  <Button id={`ext-reject-${e.id}`} className='btn btn-danger' onClick={() => decide(e, false)}>驳回</Button>
                  <Button id={`ext-approve-${e.id}`} className='btn btn-primary' onClick={() => decide(e, true)}>同意延期</Button>
                </View>
              </View>
            ))}
          </View>
        ) : (
          <View>
            <Text className='muted' id='queue-total'>{`共 ${total} 件,高风险、超期的排在前面`}</Text>
            <View id='queue-list' className='staff-list staff-gap'>
              {items.map((t) => (
                <TicketCard key={t.id} ticket={t} now={now} extra={tab === 'returned' ? '部门退回' : undefined} />
              ))}
            </View>
          </View>
        )}
      </PageContainer>
    </View>
  );
}

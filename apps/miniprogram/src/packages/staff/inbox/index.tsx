import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import type { TicketStatus } from '@zongzhi/shared';
import { useRef, useState } from 'react';
import { PageContainer } from '../../../components/page-container';
import { getSession } from '../../../services/session';
import { STAFF_PAGES, logOutStaff } from '../../../services/staff-home';
import { listTickets, type StaffTicket } from '../../../services/tickets.api';
import { TicketCard } from '../ticket-card';
import '../staff.css';

const TABS: { status: TicketStatus; label: string }[] = [
  { status: 'dispatched', label: '待签收' },
  { status: 'in_progress', label: '办理中' },
  { status: 'resolved', label: '已反馈' },
];

/** 承办待办: what was dispatched to my department, the most urgent first, each with its clock. */
export default function InboxPage() {
  const [status, setStatus] = useState<TicketStatus>('dispatched');
  const [items, setItems] = useState<StaffTicket[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [now, setNow] = useState(new Date());
  const seq = useRef(0);
  const session = getSession();

  const load = async (s: TicketStatus = status) => {
    const mine = ++seq.current;
    setLoading(true);
    setError(null);
    const r = await listTickets({ status: s, sort: 'urgent' });
    if (mine !== seq.current) return;
    setLoading(false);
    setNow(new Date());
    if (r.ok) setItems(r.data.items);
    else setError(r.message);
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

  return (
    <View className='page staff-wide' id='inbox-page'>
      <View className='staff-head'>
        <Text className='staff-title'>{session?.user.displayName || '承办待办'}</Text>
        <Text
          className='staff-link'
          id='staff-logout'
          onClick={logOutStaff}
        >
          退出
        </Text>
      </View>
      <View className='tabs'>
        {TABS.map((t) => (
          <View
            key={t.status}
            id={`tab-${t.status}`}
            className={`tab ${status === t.status ? 'tab--on' : ''}`}
            onClick={() => {
              setStatus(t.status);
              load(t.status);
            }}
          >
            <Text>{t.label}</Text>
          </View>
        ))}
      </View>
      <PageContainer loading={loading} error={error} onRetry={() => load()} empty={!items.length} emptyText='暂无案件'>
        <View id='inbox-list' className='staff-list'>
          {items.map((t) => (
            <TicketCard key={t.id} ticket={t} now={now} />
          ))}
        </View>
      </PageContainer>
    </View>
  );
}

import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { SUPERVISION_KIND_LABELS, type TicketStatus } from '@zongzhi/shared';
import { useRef, useState } from 'react';
import { PageContainer } from '../../../components/page-container';
import { getSession } from '../../../services/session';
import { STAFF_PAGES, logOutStaff } from '../../../services/staff-home';
import { listSupervisionNotices, listTickets, markSupervisionNoticeRead, type StaffTicket, type SupervisionNotice } from '../../../services/tickets.api';
import { firstLine, formatDateTime } from '../../../utils/format';
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
  const [notices, setNotices] = useState<{ items: SupervisionNotice[]; unread: number } | null>(null);
  const seq = useRef(0);
  const session = getSession();

  const load = async (s: TicketStatus = status) => {
    const mine = ++seq.current;
    setLoading(true);
    listSupervisionNotices().then((n) => n.ok && setNotices(n.data));
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
  // Tapping a 督办单 marks it read (the ticket page does too) and opens its ticket.
  const openNotice = (n: SupervisionNotice) => {
    if (!n.readAt) markSupervisionNoticeRead(n.id);
    Taro.navigateTo({ url: `${STAFF_PAGES.ticket}?id=${encodeURIComponent(n.ticketId)}` });
  };

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
      {notices?.items.length ? (
        <View id='inbox-notices' className='notice-list'>
          <Text className='notice-head'>{notices.unread ? `督办单(${notices.unread}条未读)` : '督办单'}</Text>
          {notices.items.slice(0, 5).map((n) => (
            <View key={n.id} className='notice-item' data-id={n.id} onClick={() => openNotice(n)}>
              <Text className={`notice-state ${n.readAt ? '' : 'notice-state--unread'}`}>{n.readAt ? '已读' : '未读'}</Text>
              <Text className='notice-text'>{`${SUPERVISION_KIND_LABELS[n.kind] || '督办'}${n.note ? `:${firstLine(n.note, 30)}` : ''}`}</Text>
              <Text className='notice-time'>{formatDateTime(n.createdAt)}</Text>
            </View>
          ))}
        </View>
      ) : null}
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

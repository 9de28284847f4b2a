import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useState } from 'react';
import { PageContainer } from '../../components/page-container';
import { usePageClass } from '../../services/display';
import { listMessages, markAllRead, markRead, type Message } from '../../services/messages.api';
import { formatDateTime } from '../../utils/format';
import './index.css';

/** The message box: what happened to the resident's cases; tapping one marks it read and opens the case. */
export default function MessagesPage() {
  const pageClass = usePageClass();
  const [items, setItems] = useState<Message[]>([]);
  const [unread, setUnread] = useState(0);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  const load = async () => {
    setLoading(true);
    setError(null);
    const r = await listMessages();
    setLoading(false);
    if (r.ok) {
      setItems(r.data.items || []);
      setUnread(typeof r.data.unread === 'number' ? r.data.unread : (r.data.items || []).filter((m) => !m.read).length);
    } else if (r.status === 404) {
      // A server without the message box yet: simply nothing to show.
      setItems([]);
      setUnread(0);
    } else if (r.status !== 401) setError(r.message);
  };

  useDidShow(() => {
    void load();
  });
  usePullDownRefresh(() => {
    load().then(() => Taro.stopPullDownRefresh());
  });

  const open = (m: Message) => {
    if (!m.read) {
      setItems((list) => list.map((x) => (x.id === m.id ? { ...x, read: true } : x)));
      setUnread((n) => Math.max(0, n - 1));
      void markRead(m.id);
    }
    if (m.ticketId) Taro.navigateTo({ url: `/packages/case/detail/index?id=${encodeURIComponent(m.ticketId)}` });
  };

  const readAll = async () => {
    const r = await markAllRead();
    if (r.ok) {
      setItems((list) => list.map((x) => ({ ...x, read: true })));
      setUnread(0);
    }
  };

  return (
    <View className={pageClass}>
      {unread > 0 ? (
        <View className='row-between messages-head'>
          <Text className='messages-count' id='messages-unread'>{`${unread} 条未读`}</Text>
          <Button className='btn btn-secondary messages-read-all' id='messages-read-all' onClick={() => void readAll()}>
            全部已读
          </Button>
        </View>
      ) : null}
      <PageContainer loading={loading && !items.length} error={error} onRetry={load} empty={!items.length} emptyText='暂时没有消息。案件受理、交办、办结时,会在这里通知您。'>
        <View id='messages-list'>
          {items.map((m) => (
            <View
              key={m.id}
              className={`card message-item ${m.read ? '' : 'message-item--unread'}`}
              data-read={m.read ? 'true' : 'false'}
              data-id={m.id}
              onClick={() => open(m)}
            >
              <View className='row-between'>
                <Text className='message-title'>{m.title}</Text>
                {!m.read ? <Text className='message-dot'>未读</Text> : null}
              </View>
              <Text className='message-body'>{m.body}</Text>
              <Text className='muted message-time'>{formatDateTime(m.createdAt)}</Text>
            </View>
          ))}
        </View>
      </PageContainer>
    </View>
  );
}

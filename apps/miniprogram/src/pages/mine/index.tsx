import { Button, Switch, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { COLOR_LABELS, maskPhone } from '@zongzhi/shared';
import { useState } from 'react';
import { PageContainer } from '../../components/page-container';
import { StatusTag } from '../../components/status-tag';
import { isLargeText, LARGE_TEXT_CLASS, setLargeText } from '../../services/display';
import { listMyReports, type Ticket } from '../../services/reports.api';
import { LOGIN_PAGE, logout as endSession } from '../../services/request';
import { getSession, knownPhone, type Session } from '../../services/session';
import { badgeText, refreshMineBadge } from '../../services/tab-badge';
import { firstLine, formatDate } from '../../utils/format';
import './index.css';

export const MESSAGES_PAGE = '/packages/messages/index';

function LargeTextSwitch({ on, onChange }: { on: boolean; onChange: (on: boolean) => void }) {
  return (
    <View className='card mine-setting' id='mine-large-text-row'>
      <View className='mine-setting-text'>
        <Text className='mine-setting-title'>大字模式</Text>
        <Text className='hint'>放大全部文字和按钮,看得更清楚</Text>
      </View>
      <Switch id='mine-large-text' checked={on} color='#0b5cad' onChange={(e) => onChange(e.detail.value)} />
    </View>
  );
}

export default function MinePage() {
  const [session, setSession] = useState<Session | null>(getSession);
  const [items, setItems] = useState<Ticket[]>([]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [large, setLarge] = useState(isLargeText);
  const [unread, setUnread] = useState(0);

  const load = async () => {
    const current = getSession();
    setSession(current);
    setLarge(isLargeText());
    void refreshMineBadge().then(setUnread);
    if (!current) return;
    setLoading(true);
    setError(null);
    const result = await listMyReports();
    setLoading(false);
    if (result.ok) setItems(result.data.items || []);
    else if (result.status === 401) setSession(null);
    else setError(result.message);
  };

  useDidShow(() => {
    load();
  });

  usePullDownRefresh(() => {
    load().then(() => Taro.stopPullDownRefresh());
  });

  const toggleLarge = (on: boolean) => {
    setLargeText(on);
    setLarge(on);
  };

  const logout = () => {
    void endSession();
    setSession(null);
    setItems([]);
    setUnread(0);
    void refreshMineBadge();
    Taro.showToast({ title: '已退出登录', icon: 'none' });
  };

  const pageClass = `page ${large ? LARGE_TEXT_CLASS : ''}`;

  if (!session) {
    return (
      <View className={pageClass}>
        <View className='card mine-guest' id='mine-guest'>
          <Text className='card-title'>登录后查看您反映的问题</Text>
          <Text className='muted'>登录只需验证手机号</Text>
          <Button
            className='btn btn-primary btn-block mine-login'
            id='mine-login'
            onClick={() => Taro.navigateTo({ url: LOGIN_PAGE })}
          >
            登录
          </Button>
        </View>
        <LargeTextSwitch on={large} onChange={toggleLarge} />
        <Button
          className='btn btn-secondary btn-block'
          onClick={() => Taro.navigateTo({ url: '/packages/case/lookup/index' })}
        >
          凭案件编码查询
        </Button>
        <Text className='hint' id='mine-staff-login' style={{ display: 'block', textAlign: 'center', padding: '16px 0', minHeight: '44px' }} onClick={() => Taro.navigateTo({ url: '/packages/staff/login/index' })}>
          工作人员登录
        </Text>
      </View>
    );
  }

  const phone = knownPhone(session);

  return (
    <View className={pageClass}>
      <View className='card mine-profile'>
        <Text className='mine-name'>{session.user.displayName || '群众用户'}</Text>
        {phone ? <Text className='muted'>{maskPhone(phone)}</Text> : null}
      </View>

      <View className='card mine-entry' id='mine-messages' onClick={() => Taro.navigateTo({ url: MESSAGES_PAGE })}>
        <Text className='mine-entry-title'>消息</Text>
        <View className='row'>
          {unread > 0 ? (
            <Text className='mine-badge' id='mine-messages-badge'>
              {badgeText(unread)}
            </Text>
          ) : null}
          <Text className='mine-entry-arrow'>›</Text>
        </View>
      </View>

      <LargeTextSwitch on={large} onChange={toggleLarge} />

      <Text className='mine-section-title'>我反映的问题</Text>
      <PageContainer
        loading={loading && !items.length}
        error={error}
        onRetry={load}
        empty={!items.length}
        emptyText='您还没有反映过问题'
        emptyAction={
          <Button
            className='btn btn-primary mine-empty-btn'
            onClick={() => Taro.switchTab({ url: '/pages/report/index' })}
          >
            我要反映
          </Button>
        }
      >
        <View id='mine-list'>
          {items.map((ticket) => (
            <View
              key={ticket.id}
              className={`card mine-item ${ticket.color ? `mine-item--${ticket.color}` : ''}`}
              data-case-code={ticket.caseCode}
              data-status={ticket.status}
              onClick={() => Taro.navigateTo({ url: `/packages/case/detail/index?id=${encodeURIComponent(ticket.id)}` })}
            >
              <View className='row-between'>
                <Text className='mine-code'>{ticket.caseCode}</Text>
                <StatusTag status={ticket.status} />
              </View>
              <Text className='mine-text'>{firstLine(ticket.text, 60)}</Text>
              <View className='row-between'>
                <Text className='muted mine-date'>{`提交于 ${formatDate(ticket.createdAt)}`}</Text>
                {ticket.color ? <Text className={`mine-color mine-color--${ticket.color}`}>{COLOR_LABELS[ticket.color]}</Text> : null}
                {ticket.status === 'resolved' ? <Text className='mine-evaluate'>待评价</Text> : null}
              </View>
            </View>
          ))}
        </View>
      </PageContainer>

      <Button className='btn btn-danger btn-block mine-logout' id='mine-logout' onClick={logout}>
        退出登录
      </Button>
    </View>
  );
}

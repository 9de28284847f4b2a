import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { maskPhone } from '@zongzhi/shared';
import { useState } from 'react';
import { PageContainer } from '../../components/page-container';
import { StatusTag } from '../../components/status-tag';
import { listMyReports, type Ticket } from '../../services/reports.api';
import { LOGIN_PAGE } from '../../services/request';
import { clearSession, getSession, knownPhone, type Session } from '../../services/session';
import { firstLine, formatDate } from '../../utils/format';
import './index.css';

export default function MinePage() {
  const [session, setSession] = useState<Session | null>(getSession);
  const [items, setItems] = useState<Ticket[]>([]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = async () => {
    const current = getSession();
    setSession(current);
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

  const logout = () => {
    clearSession();
    setSession(null);
    setItems([]);
    Taro.showToast({ title: '已退出登录', icon: 'none' });
  };

  if (!session) {
    return (
      <View className='page'>
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
        <Button
          className='btn btn-secondary btn-block'
          onClick={() => Taro.navigateTo({ url: '/packages/case/lookup/index' })}
        >
          凭案件编码查询
        </Button>
      </View>
    );
  }

  const phone = knownPhone(session);

  return (
    <View className='page'>
      <View className='card mine-profile'>
        <Text className='mine-name'>{session.user.displayName || '群众用户'}</Text>
        {phone ? <Text className='muted'>{maskPhone(phone)}</Text> : null}
      </View>

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
              className='card mine-item'
              data-case-code={ticket.caseCode}
              onClick={() => Taro.navigateTo({ url: `/packages/case/detail/index?id=${encodeURIComponent(ticket.id)}` })}
            >
              <View className='row-between'>
                <Text className='mine-code'>{ticket.caseCode}</Text>
                <StatusTag status={ticket.status} />
              </View>
              <Text className='mine-text'>{firstLine(ticket.text, 60)}</Text>
              <Text className='muted mine-date'>{`提交于 ${formatDate(ticket.createdAt)}`}</Text>
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

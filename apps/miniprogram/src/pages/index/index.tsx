import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { PrivacyConsent } from '../../components/privacy-consent';
import { StatusTag } from '../../components/status-tag';
import { loginWithWechat } from '../../services/auth.api';
import { usePageClass } from '../../services/display';
import { hasPrivacyConsent, recordPrivacyConsent } from '../../services/privacy';
import { listMyReports, type Ticket } from '../../services/reports.api';
import { LOGIN_PAGE } from '../../services/request';
import { getSession, type Session } from '../../services/session';
import { staffHomeUrl } from '../../services/staff-home';
import { refreshMineBadge } from '../../services/tab-badge';
import { firstLine, formatDate } from '../../utils/format';
import './index.css';

const EMERGENCY_NUMBERS = [
  { number: '110', label: '报警' },
  { number: '119', label: '火警' },
  { number: '120', label: '急救' },
];

const RECENT_COUNT = 3;

function call(phoneNumber: string) {
  Taro.makePhoneCall({ phoneNumber }).catch(() => undefined);
}

/** Staff who open the app land on their own home; true when they were sent there. */
function routeStaff(session: Session | null): boolean {
  if (!session || session.user.role === 'resident') return false;
  const url = staffHomeUrl(session.user.role);
  if (!url) return false;
  Taro.reLaunch({ url }).catch(() => undefined);
  return true;
}

export default function IndexPage() {
  const pageClass = usePageClass('home');
  const [session, setSession] = useState<Session | null>(getSession);
  const [consented, setConsented] = useState(hasPrivacyConsent);
  const [declined, setDeclined] = useState(false);
  const [recent, setRecent] = useState<Ticket[]>([]);

  const loadRecent = async () => {
    const result = await listMyReports();
    if (result.ok) setRecent((result.data.items || []).slice(0, RECENT_COUNT));
  };

  useDidShow(() => {
    const current = getSession();
    setSession(current);
    if (routeStaff(current)) return;
    if (current) {
      void loadRecent();
      void refreshMineBadge();
    } else setRecent([]);
  });

  const agree = async () => {
    recordPrivacyConsent();
    setConsented(true);
    setDeclined(false);
    // weapp: sign in quietly with wx.login right after consent; H5 offers the SMS login below.
    if (process.env.TARO_ENV === 'weapp' && !getSession()) {
      const r = await loginWithWechat();
      if (r.ok) {
        setSession(getSession());
        if (!routeStaff(getSession())) void loadRecent();
      }
    }
  };

  return (
    <View className={pageClass}>
      <View className='home-hero'>
        <Text className='home-title'>有矛盾纠纷,找综治中心</Text>
        <Text className='home-subtitle'>邻里、欠薪、物业、家庭等矛盾纠纷和安全隐患,都可以在这里反映</Text>
      </View>

      <Button
        className='btn btn-primary btn-block home-report'
        id='home-report'
        onClick={() => Taro.switchTab({ url: '/pages/report/index' })}
      >
        我要反映
      </Button>

      {declined ? (
        <View className='card home-declined' id='home-declined'>
          <Text className='muted'>您未同意隐私保护指引,暂时无法登录和提交反映。紧急情况请直接拨打下方电话。</Text>
          <Button className='btn btn-secondary btn-block home-declined-btn' id='home-privacy-again' onClick={() => setDeclined(false)}>
            重新查看隐私保护指引
          </Button>
        </View>
      ) : null}

      {session ? (
        <View className='card home-recent' id='home-recent'>
          <View className='row-between'>
            <Text className='card-title home-recent-title'>我最近的反映</Text>
            <Text className='home-more' id='home-more' onClick={() => Taro.switchTab({ url: '/pages/mine/index' })}>
              全部
            </Text>
          </View>
          {recent.length ? (
            recent.map((t) => (
              <View
                key={t.id}
                className='home-case'
                data-case-code={t.caseCode}
                onClick={() => Taro.navigateTo({ url: `/packages/case/detail/index?id=${encodeURIComponent(t.id)}` })}
              >
                <View className='row-between'>
                  <Text className='home-case-code'>{t.caseCode}</Text>
                  <StatusTag status={t.status} resident />
                </View>
                <Text className='home-case-text'>{firstLine(t.text, 30)}</Text>
                <Text className='muted'>{`提交于 ${formatDate(t.createdAt)}`}</Text>
              </View>
            ))
          ) : (
            <Text className='muted'>您还没有反映过问题</Text>
          )}
        </View>
      ) : consented ? (
        <View className='card home-login-card' id='home-login-card'>
          <Text className='home-login-text'>登录后可提交反映、查看办理进度</Text>
          <Button className='btn btn-secondary home-login' id='home-login' onClick={() => Taro.navigateTo({ url: LOGIN_PAGE })}>
            登录
          </Button>
        </View>
      ) : null}

      <Button
        className='btn btn-secondary btn-block home-lookup'
        id='home-lookup'
        onClick={() => Taro.navigateTo({ url: '/packages/case/lookup/index' })}
      >
        查询案件
      </Button>
      <Text className='hint home-lookup-hint'>凭案件编码和手机号即可查询办理进度,无需登录</Text>

      <View className='card home-emergency' id='home-emergency'>
        <Text className='home-emergency-title'>紧急情况请立即拨打电话</Text>
        <Text className='home-emergency-text'>
          正在发生的违法犯罪、火灾、人身伤害等紧急情况,请直接拨打 110 / 119 / 120,不要通过本平台反映。
        </Text>
        <View className='home-emergency-row'>
          {EMERGENCY_NUMBERS.map((item) => (
            <Button
              key={item.number}
              className='btn home-call'
              id={`call-${item.number}`}
              onClick={() => call(item.number)}
            >
              {`${item.number} ${item.label}`}
            </Button>
          ))}
        </View>
      </View>

      <View className='card'>
        <Text className='card-title'>办理流程</Text>
        <Text className='home-step'>1. 提交反映,获得案件编码</Text>
        <Text className='home-step'>2. 综治中心24小时内受理并交办相关部门</Text>
        <Text className='home-step'>3. 部门办理并反馈结果</Text>
        <Text className='home-step'>4. 您对办理结果进行评价</Text>
      </View>

      {!consented && !declined ? <PrivacyConsent onAgree={() => void agree()} onDecline={() => setDeclined(true)} /> : null}
    </View>
  );
}

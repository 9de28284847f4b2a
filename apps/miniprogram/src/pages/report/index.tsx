import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { takeShell } from '../../services/app-shell';
import { usePageClass } from '../../services/display';
import type { ReportCreated } from '../../services/reports.api';
import { LOGIN_PAGE } from '../../services/request';
import { getSession, knownPhone } from '../../services/session';
import { refreshMineBadge } from '../../services/tab-badge';
import { ReportForm } from './report-form';
import './index.css';

export function successUrl(created: ReportCreated & { createdAt?: string }): string {
  const query = [`caseCode=${encodeURIComponent(created.caseCode)}`, `id=${encodeURIComponent(created.id)}`];
  if (created.triage?.category) query.push(`category=${created.triage.category}`);
  if (created.triage?.riskLevel) query.push(`risk=${created.triage.riskLevel}`);
  if (created.createdAt) query.push(`at=${encodeURIComponent(created.createdAt)}`);
  // A crisis (self_harm): the success page shows the hotlines before anything else.
  if (created.urgent) query.push('crisis=1');
  return `/packages/report/success/index?${query.join('&')}`;
}

export default function ReportPage() {
  const pageClass = usePageClass();
  const [session, setSession] = useState(getSession);
  // H5: whatever was typed into the first-paint field in index.html.
  const [shell] = useState(takeShell);

  useDidShow(() => {
    setSession(getSession());
    void refreshMineBadge();
  });

  const goLogin = () => Taro.navigateTo({ url: LOGIN_PAGE });

  return (
    <View className={pageClass}>
      {!session ? (
        <View className='card report-login-tip' id='report-login-tip'>
          <Text className='report-login-text'>提交前需要先登录(手机号验证即可),写好的内容会自动保存</Text>
          <Button className='btn btn-secondary report-login-btn' onClick={goLogin}>
            去登录
          </Button>
        </View>
      ) : null}
      <View className='card'>
        <ReportForm
          defaultPhone={knownPhone(session)}
          initialText={shell.text}
          autoFocus={shell.focused}
          onLoginRequired={goLogin}
          onSubmitted={(created) => Taro.navigateTo({ url: successUrl(created) })}
        />
      </View>
    </View>
  );
}

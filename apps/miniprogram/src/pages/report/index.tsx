import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { LOGIN_PAGE } from '../../services/request';
import { getSession, knownPhone } from '../../services/session';
import { ReportForm } from './report-form';
import './index.css';

export default function ReportPage() {
  const [session, setSession] = useState(getSession);

  useDidShow(() => setSession(getSession()));

  const goLogin = () => Taro.navigateTo({ url: LOGIN_PAGE });

  return (
    <View className='page'>
      {!session ? (
        <View className='card report-login-tip' id='report-login-tip'>
          <Text className='report-login-text'>提交前需要先登录(手机号验证即可)</Text>
          <Button className='btn btn-secondary report-login-btn' onClick={goLogin}>
            去登录
          </Button>
        </View>
      ) : null}
      <View className='card'>
        <ReportForm
          defaultPhone={knownPhone(session)}
          onLoginRequired={goLogin}
          onSubmitted={(created) => {
            const query = [`caseCode=${encodeURIComponent(created.caseCode)}`, `id=${encodeURIComponent(created.id)}`];
            if (created.triage?.category) query.push(`category=${created.triage.category}`);
            Taro.navigateTo({ url: `/packages/report/success/index?${query.join('&')}` });
          }}
        />
      </View>
    </View>
  );
}

import { Button, Input, Text, View } from '@tarojs/components';
import Taro, { useUnload } from '@tarojs/taro';
import { isValidPhone } from '@zongzhi/shared';
import { useEffect, useRef, useState } from 'react';
import { FieldError } from '../../../components/field-error';
import { PrivacyConsent, PRIVACY_PAGE } from '../../../components/privacy-consent';
import { usePageClass } from '../../../services/display';
import { hasPrivacyConsent, recordPrivacyConsent } from '../../../services/privacy';
import { loginWithSms, loginWithWechat, sendSmsCode } from '../../../services/auth.api';
import type { FieldErrors } from '../../../services/request';
import './index.css';

const RESEND_SECONDS = 60;

function leaveAfterLogin() {
  Taro.showToast({ title: '登录成功', icon: 'success' });
  if (Taro.getCurrentPages().length > 1) Taro.navigateBack();
  else Taro.switchTab({ url: '/pages/mine/index' });
}

export default function LoginPage() {
  const pageClass = usePageClass();
  const [consented, setConsented] = useState(hasPrivacyConsent);
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [devCode, setDevCode] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState('');
  const [countdown, setCountdown] = useState(0);
  const [sending, setSending] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  // Five wrong codes lock the code: a new one is needed, once the resend countdown allows it.
  const [locked, setLocked] = useState(false);
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);

  const stopTimer = () => {
    if (timer.current) clearInterval(timer.current);
    timer.current = null;
  };
  useUnload(stopTimer);
  useEffect(() => stopTimer, []);

  const send = async () => {
    if (sending || countdown > 0) return;
    setFormError('');
    if (!isValidPhone(phone)) {
      setErrors({ phone: '请输入正确的11位手机号' });
      return;
    }
    setErrors({});
    setLocked(false);
    setSending(true);
    const result = await sendSmsCode(phone);
    setSending(false);
    if (!result.ok) {
      setErrors(result.errors);
      if (!result.errors.phone) setFormError(result.message);
      return;
    }
    if (result.data.devCode) {
      // Demo server (console SMS provider): show and prefill the code.
      setDevCode(result.data.devCode);
      setCode(result.data.devCode);
    }
    Taro.showToast({ title: '验证码已发送', icon: 'none' });
    setCountdown(RESEND_SECONDS);
    stopTimer();
    timer.current = setInterval(() => {
      setCountdown((s) => {
        if (s <= 1) stopTimer();
        return s > 0 ? s - 1 : 0;
      });
    }, 1000);
  };

  const submit = async () => {
    if (submitting) return;
    setFormError('');
    const found: FieldErrors = {};
    if (!isValidPhone(phone)) found.phone = '请输入正确的11位手机号';
    if (!/^\d{4,8}$/.test(code)) found.code = '请输入短信验证码';
    setErrors(found);
    if (Object.keys(found).length) return;
    setSubmitting(true);
    const result = await loginWithSms(phone, code);
    setSubmitting(false);
    if (result.ok) {
      leaveAfterLogin();
      return;
    }
    if (result.code === 'AUTH.SMS_TOO_MANY_ATTEMPTS') {
      setLocked(true);
      setCode('');
      setErrors({});
      return;
    }
    setErrors(result.errors);
    if (!result.errors.phone && !result.errors.code) {
      setFormError(result.status === 401 || result.status === 400 ? '验证码错误或已过期,请重新获取' : result.message);
    }
  };
  const lockedMessage = countdown > 0 ? `验证码错误次数过多,该验证码已失效。请${countdown}秒后重新获取` : '验证码错误次数过多,该验证码已失效。请点「获取验证码」重新获取';

  const wechatLogin = async () => {
    setFormError('');
    setSubmitting(true);
    const result = await loginWithWechat();
    setSubmitting(false);
    if (result.ok) leaveAfterLogin();
    else setFormError(result.message);
  };

  return (
    <View className={pageClass}>
      <View className='card'>
        <Text className='card-title'>手机号登录</Text>
        <Text className='hint login-intro'>登录后可以反映问题、查看办理进度</Text>

        {formError ? (
          <Text className='form-error' id='login-error'>
            {formError}
          </Text>
        ) : null}

        <View className='field'>
          <Text className='label'>手机号</Text>
          <Input
            id='login-phone'
            className={`input ${errors.phone ? 'input-error' : ''}`}
            type='number'
            maxlength={11}
            value={phone}
            placeholder='请输入11位手机号'
            onInput={(e) => setPhone(e.detail.value)}
          />
          <FieldError message={errors.phone} />
        </View>

        <View className='field'>
          <Text className='label'>验证码</Text>
          <View className='row'>
            <Input
              id='login-code'
              className={`input login-code ${errors.code ? 'input-error' : ''}`}
              type='number'
              maxlength={8}
              value={code}
              placeholder='短信验证码'
              onInput={(e) => setCode(e.detail.value)}
            />
            <Button
              id='login-send'
              className={`btn btn-secondary login-send ${sending || countdown > 0 ? 'btn-busy' : ''}`}
              disabled={sending || countdown > 0}
              onClick={send}
            >
              {countdown > 0 ? `${countdown}秒后重发` : '获取验证码'}
            </Button>
          </View>
          <FieldError message={locked ? lockedMessage : errors.code} id='login-code-error' />
          {devCode ? (
            <Text className='login-devcode' id='login-devcode'>{`演示验证码:${devCode}`}</Text>
          ) : null}
        </View>

        <Button
          id='login-submit'
          className={`btn btn-primary btn-block ${submitting ? 'btn-busy' : ''}`}
          disabled={submitting}
          onClick={submit}
        >
          登录
        </Button>
      </View>

      {process.env.TARO_ENV === 'weapp' ? (
        <View className='card'>
          <Button id='login-wechat' className='btn btn-secondary btn-block' disabled={submitting} onClick={wechatLogin}>
            微信一键登录
          </Button>
        </View>
      ) : null}

      <Text className='hint login-privacy'>
        您的手机号仅用于登录和案件联系,不会向对方当事人公开。
      </Text>
      <Text className='login-privacy-link' id='login-privacy-link' onClick={() => Taro.navigateTo({ url: PRIVACY_PAGE })}>
        《隐私保护指引》
      </Text>
      <Text className='login-privacy-link' id='login-staff-link' onClick={() => Taro.navigateTo({ url: '/packages/staff/login/index' })}>
        工作人员登录
      </Text>
      {!consented ? (
        <PrivacyConsent
          onAgree={() => {
            recordPrivacyConsent();
            setConsented(true);
          }}
          onDecline={() => {
            if (Taro.getCurrentPages().length > 1) Taro.navigateBack();
            else Taro.switchTab({ url: '/pages/index/index' });
          }}
        />
      ) : null}
    </View>
  );
}

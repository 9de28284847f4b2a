import { Button, Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { staffHomeUrl } from '../../../services/staff-home';
import { staffLogin } from '../../../services/staff.api';
import type { FieldErrors } from '../../../services/request';
import '../staff.css';

export default function StaffLoginPage() {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (busy) return;
    const found: FieldErrors = {};
    if (!username.trim()) found.username = '请输入用户名';
    if (!password) found.password = '请输入密码';
    setErrors(found);
    setFormError('');
    if (Object.keys(found).length) return;
    setBusy(true);
    const result = await staffLogin(username.trim(), password);
    setBusy(false);
    if (!result.ok) {
      setErrors(result.errors);
      setFormError(result.status === 401 ? '用户名或密码错误' : result.message);
      return;
    }
    const home = staffHomeUrl(result.data.user.role);
    Taro.showToast({ title: '登录成功', icon: 'success' });
    if (home) Taro.redirectTo({ url: home });
    else Taro.switchTab({ url: '/pages/mine/index' });
  };

  return (
    <View className='page'>
      <View className='card'>
        <Text className='card-title'>工作人员登录</Text>
        <Text className='hint'>综治中心受理调度员、承办人员、网格员、领导使用</Text>
        {formError ? (
          <Text className='form-error staff-gap' id='staff-login-error'>
            {formError}
          </Text>
        ) : null}
        <View className='field staff-gap'>
          <Text className='label'>用户名</Text>
          <Input id='staff-username' className={`input ${errors.username ? 'input-error' : ''}`} value={username} placeholder='请输入用户名' onInput={(e) => setUsername(e.detail.value)} />
          {errors.username ? <Text className='error-text'>{errors.username}</Text> : null}
        </View>
        <View className='field'>
          <Text className='label'>密码</Text>
          <Input id='staff-password' className={`input ${errors.password ? 'input-error' : ''}`} password value={password} placeholder='请输入密码' onInput={(e) => setPassword(e.detail.value)} />
          {errors.password ? <Text className='error-text'>{errors.password}</Text> : null}
        </View>
        <Button id='staff-login' className={`btn btn-primary btn-block ${busy ? 'btn-busy' : ''}`} disabled={busy} onClick={submit}>
          登录
        </Button>
      </View>
    </View>
  );
}

import Taro from '@tarojs/taro';
import { request, resetLoginRedirect, type ApiResult } from './request';
import { saveSession, type Session, type SessionUser } from './session';

export interface LoginResponse {
  accessToken: string;
  refreshToken?: string;
  expiresIn?: number;
  user: SessionUser;
}

export interface SmsSendResponse {
  sent: boolean;
  /** Only in the demo (console SMS provider). */
  devCode?: string;
}

export function sendSmsCode(phone: string): Promise<ApiResult<SmsSendResponse>> {
  return request<SmsSendResponse>('/auth/sms/send', { method: 'POST', data: { phone }, auth: false });
}

function remember(result: ApiResult<LoginResponse>, phone?: string): ApiResult<LoginResponse> {
  if (result.ok) {
    const session: Session = { accessToken: result.data.accessToken, refreshToken: result.data.refreshToken, user: result.data.user };
    if (phone) session.phone = phone;
    saveSession(session);
    resetLoginRedirect();
  }
  return result;
}

export async function loginWithSms(phone: string, code: string): Promise<ApiResult<LoginResponse>> {
  const result = await request<LoginResponse>('/auth/sms/verify', { method: 'POST', data: { phone, code }, auth: false });
  return remember(result, phone);
}

/** weapp only: exchanges a wx.login code for our token. */
export async function loginWithWechat(): Promise<ApiResult<LoginResponse>> {
  let code = '';
  try {
    code = (await Taro.login()).code;
  } catch {
    return { ok: false, status: 0, code: 'WECHAT.LOGIN_FAILED', message: '微信登录失败,请稍后重试', errors: {} };
  }
  const result = await request<LoginResponse>('/auth/wechat', { method: 'POST', data: { code }, auth: false });
  return remember(result);
}

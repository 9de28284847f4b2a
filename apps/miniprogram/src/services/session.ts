import Taro from '@tarojs/taro';
import type { Role } from '@zongzhi/shared';

export interface SessionUser {
  id: string;
  role: Role;
  displayName: string;
  unitId?: string | null;
  phone?: string | null;
  departmentId?: string | null;
  gridId?: string | null;
}

export interface Session {
  accessToken: string;
  /** Good for one POST /auth/refresh (rotation): each refresh stores the new one. */
  refreshToken?: string;
  user: SessionUser;
  /** The phone used to log in by SMS, used to prefill forms. */
  phone?: string;
}

const SESSION_KEY = 'zz.session';

export function getSession(): Session | null {
  try {
    const value = Taro.getStorageSync(SESSION_KEY) as Session | '' | undefined;
    return value && typeof value === 'object' && value.accessToken ? value : null;
  } catch {
    return null;
  }
}

export function getToken(): string | null {
  return getSession()?.accessToken ?? null;
}

export function saveSession(session: Session): void {
  Taro.setStorageSync(SESSION_KEY, session);
}

export function clearSession(): void {
  Taro.removeStorageSync(SESSION_KEY);
}

/** The best phone to prefill: the logged-in user's, else the SMS login phone. */
export function knownPhone(session: Session | null = getSession()): string {
  return session?.user.phone || session?.phone || '';
}

import Taro from '@tarojs/taro';
import { API_BASE } from './api-base';
import { clearSession, getSession, getToken, saveSession } from './session';

/**
 * The one request layer. Every call resolves (never throws) to an ApiResult,
 * so pages only branch on `ok`. It also
 *  - sends `Authorization: Bearer <token>` when logged in,
 *  - on a 401 from a protected route first refreshes the session silently
 *    (one POST /auth/refresh however many calls fail together) and retries
 *    the call once; only when that fails clears the session and opens the
 *    login page once,
 *  - shows the network-error toast (one place for the whole app),
 *  - retries network failures with the very same headers, so an
 *    Idempotency-Key is reused and a retried POST /reports cannot create a
 *    second case.
 */

export type FieldErrors = Record<string, string>;

export interface ApiSuccess<T> {
  ok: true;
  status: number;
  data: T;
}

export interface ApiFailure {
  ok: false;
  /** HTTP status; 0 when the request never got an answer. */
  status: number;
  code: string;
  message: string;
  errors: FieldErrors;
}

export type ApiResult<T> = ApiSuccess<T> | ApiFailure;

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  method?: HttpMethod;
  query?: Record<string, string | number | boolean | null | undefined>;
  data?: unknown;
  headers?: Record<string, string>;
  /** false for public routes: no token is sent and a 401 is an ordinary error. */
  auth?: boolean;
  /** Extra attempts after a network failure or a 502/503/504. */
  retries?: number;
  retryDelayMs?: number;
  /** Don't show the network toast (the caller shows its own message). */
  quiet?: boolean;
  /** Told before each retry (1, 2, …), so a page can say "网络不佳,正在重试…". */
  onRetry?: (attempt: number) => void;
  /**
   * false for background calls (the live triage hint): a 401 clears nothing
   * and opens no login page, it is just a failed hint.
   */
  redirectOn401?: boolean;
}

export const LOGIN_PAGE = '/packages/auth/login/index';
export const NETWORK_ERROR_CODE = 'NETWORK.ERROR';
export const NETWORK_ERROR_MESSAGE = '网络连接失败,请检查网络后重试';

const DEFAULT_MESSAGES: Record<number, string> = {
  400: '填写的内容有误,请检查',
  401: '请先登录',
  403: '没有权限进行此操作',
  404: '未找到相关内容',
  409: '状态已变化,请刷新后重试',
  413: '文件太大',
  415: '不支持的文件类型',
  429: '操作太频繁,请稍后再试',
};
const SERVER_ERROR_MESSAGE = '服务暂时不可用,请稍后再试';
const RETRYABLE_STATUSES = [502, 503, 504];
const CJK = /[\u4e00-\u9fa5]/;

let loginRedirectPending = false;

/** For tests and for the login page once the user is back. */
export function resetLoginRedirect(): void {
  loginRedirectPending = false;
}

function buildUrl(path: string, query?: RequestOptions['query']): string {
  const url = /^https?:\/\//.test(path) ? path : `${API_BASE}${path}`;
  if (!query) return url;
  const parts: string[] = [];
  Object.keys(query).forEach((key) => {
    const value = query[key];
    if (value === undefined || value === null || value === '') return;
    parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  });
  if (!parts.length) return url;
  return `${url}${url.indexOf('?') >= 0 ? '&' : '?'}${parts.join('&')}`;
}

function asRecord(value: unknown): Record<string, unknown> | null {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

function normaliseErrors(raw: unknown): FieldErrors {
  const source = asRecord(raw);
  const errors: FieldErrors = {};
  if (!source) return errors;
  Object.keys(source).forEach((field) => {
    const reason = source[field];
    if (Array.isArray(reason)) errors[field] = reason.map(String).join(';');
    else if (reason !== undefined && reason !== null) errors[field] = String(reason);
  });
  return errors;
}

/** Maps any non-2xx answer onto the one failure shape. */
export function toFailure(status: number, body: unknown): ApiFailure {
  const b = asRecord(body);
  const rawMessage = b && typeof b.message === 'string' ? b.message : '';
  const fallback = DEFAULT_MESSAGES[status] || (status >= 500 ? SERVER_ERROR_MESSAGE : '请求失败,请稍后再试');
  return {
    ok: false,
    status,
    code: b && typeof b.code === 'string' ? b.code : `HTTP.${status}`,
    // Residents read Chinese: a framework's English default ("Unauthorized")
    // is replaced by our own wording.
    message: rawMessage && CJK.test(rawMessage) ? rawMessage : fallback,
    errors: normaliseErrors(b ? b.errors : undefined),
  };
}

function networkFailure(): ApiFailure {
  return { ok: false, status: 0, code: NETWORK_ERROR_CODE, message: NETWORK_ERROR_MESSAGE, errors: {} };
}

function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function goToLoginOnce(): void {
  if (loginRedirectPending) return;
  loginRedirectPending = true;
  Promise.resolve(Taro.navigateTo({ url: LOGIN_PAGE }))
    .catch(() => undefined)
    .then(() => {
      // Let the burst of parallel 401s pass before allowing another redirect.
      setTimeout(resetLoginRedirect, 1000);
    });
}

type RawResponse = { statusCode: number; data: unknown };

type RefreshOutcome = 'ok' | 'rejected' | 'offline';
let refreshing: Promise<RefreshOutcome> | null = null;

/**
 * Trades the stored refresh token for a new pair (the server rotates it: the
 * old one is used up). Calls that fail together share one refresh.
 */
export function refreshSession(): Promise<RefreshOutcome> {
  if (!refreshing) {
    refreshing = doRefresh().then(
      (outcome) => {
        refreshing = null;
        return outcome;
      },
      () => {
        refreshing = null;
        return 'offline' as RefreshOutcome;
      },
    );
  }
  return refreshing;
}

async function doRefresh(): Promise<RefreshOutcome> {
  const session = getSession();
  if (!session || !session.refreshToken) return 'rejected';
  let res: RawResponse;
  try {
    res = await send(buildUrl('/auth/refresh'), 'POST', { Accept: 'application/json', 'Content-Type': 'application/json' }, { refreshToken: session.refreshToken });
  } catch {
    return 'offline';
  }
  const body = asRecord(res.data);
  if (res.statusCode >= 200 && res.statusCode < 300 && body && typeof body.accessToken === 'string' && typeof body.refreshToken === 'string') {
    const latest = getSession();
    // Logged out (or in as someone else) while the refresh was on its way: keep what is there now.
    if (!latest || latest.refreshToken !== session.refreshToken) return latest ? 'ok' : 'rejected';
    saveSession({ ...latest, accessToken: body.accessToken, refreshToken: body.refreshToken, user: (body.user as typeof latest.user) || latest.user });
    return 'ok';
  }
  return res.statusCode >= 500 ? 'offline' : 'rejected';
}

/**
 * Logs out cleanly: the server revokes this login (its access and refresh
 * tokens), then the stored session is removed — also when offline.
 */
export async function logout(): Promise<void> {
  const session = getSession();
  clearSession();
  if (!session) return;
  try {
    await send(buildUrl('/auth/logout'), 'POST', { Accept: 'application/json', Authorization: `Bearer ${session.accessToken}` }, undefined);
  } catch {
    /* offline: the tokens expire on their own; nothing stays on the device */
  }
}

async function send(url: string, method: HttpMethod, headers: Record<string, string>, data: unknown): Promise<RawResponse> {
  const res = await Taro.request({
    url,
    method,
    // A fresh copy each attempt: Taro's H5 request adds Content-Type to it.
    header: { ...headers },
    data: data as never,
    dataType: 'json',
    timeout: 15000,
  });
  return { statusCode: res.statusCode, data: res.data };
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<ApiResult<T>> {
  return requestOnce<T>(path, options, false);
}

async function requestOnce<T>(path: string, options: RequestOptions, isRetry: boolean): Promise<ApiResult<T>> {
  const method = options.method || 'GET';
  const useAuth = options.auth !== false;
  const headers: Record<string, string> = { Accept: 'application/json', ...(options.headers || {}) };
  if (options.data !== undefined) headers['Content-Type'] = 'application/json';
  let sentToken: string | null = null;
  if (useAuth) {
    sentToken = getToken();
    if (sentToken) headers.Authorization = `Bearer ${sentToken}`;
  }
  const url = buildUrl(path, options.query);
  const retries = Math.max(0, options.retries || 0);
  const delay = options.retryDelayMs === undefined ? 800 : options.retryDelayMs;

  let response: RawResponse | null = null;
  for (let attempt = 0; attempt <= retries; attempt++) {
    if (attempt > 0) {
      options.onRetry?.(attempt);
      if (delay > 0) await wait(delay * attempt);
    }
    try {
      response = await send(url, method, headers, options.data);
    } catch {
      response = null;
      continue;
    }
    if (RETRYABLE_STATUSES.indexOf(response.statusCode) >= 0 && attempt < retries) continue;
    break;
  }

  if (!response) {
    if (!options.quiet) Taro.showToast({ title: NETWORK_ERROR_MESSAGE, icon: 'none', duration: 2500 });
    return networkFailure();
  }

  const { statusCode, data } = response;
  if (statusCode >= 200 && statusCode < 300) {
    return { ok: true, status: statusCode, data: data as T };
  }
  if (statusCode === 401 && useAuth && sentToken) {
    if (!isRetry) {
      // Another call may have refreshed meanwhile; otherwise refresh now (once for all).
      const outcome = getToken() !== sentToken ? 'ok' : await refreshSession();
      if (outcome === 'ok') return requestOnce<T>(path, options, true);
      if (outcome === 'offline') return toFailure(statusCode, data);
    }
    if (options.redirectOn401 !== false && getToken() === sentToken) {
      clearSession();
      goToLoginOnce();
    }
  } else if (statusCode === 401 && useAuth && options.redirectOn401 !== false) {
    clearSession();
    goToLoginOnce();
  }
  return toFailure(statusCode, data);
}

import Taro from '@tarojs/taro';
import { submitReport } from './reports.api';
import { LOGIN_PAGE, logout, NETWORK_ERROR_MESSAGE, request, resetLoginRedirect } from './request';
import { getSession, saveSession } from './session';

const mockRequest = Taro.request as jest.Mock;

function respond(statusCode: number, data: unknown) {
  return Promise.resolve({ statusCode, data, header: {} });
}

function networkDown() {
  return Promise.reject(Object.assign(new Error('Failed to fetch'), { errMsg: 'request:fail' }));
}

function sentHeaders(call = 0): Record<string, string> {
  return mockRequest.mock.calls[call][0].header;
}

function logIn(token = 'token-abc') {
  saveSession({ accessToken: token, user: { id: 'u1', role: 'resident', displayName: '张三' }, phone: '13800138000' });
}

beforeEach(() => {
  resetLoginRedirect();
});

describe('request', () => {
  it('sends the stored token as a Bearer header and returns the data', async () => {
    logIn('token-abc');
    mockRequest.mockImplementation(() => respond(200, { items: [], total: 0 }));

    const result = await request<{ total: number }>('/reports/mine');

    expect(result).toEqual({ ok: true, status: 200, data: { items: [], total: 0 } });
    expect(mockRequest.mock.calls[0][0].url).toBe('/api/v1/reports/mine');
    expect(sentHeaders().Authorization).toBe('Bearer token-abc');
  });

  it('sends no token on public routes or when logged out', async () => {
    mockRequest.mockImplementation(() => respond(200, {}));
    await request('/reports/mine');
    logIn();
    await request('/reports/lookup', { auth: false, query: { caseCode: '261125-4K7QM-8', phone: '13800138000', empty: '' } });

    expect(sentHeaders(0).Authorization).toBeUndefined();
    expect(sentHeaders(1).Authorization).toBeUndefined();
    expect(mockRequest.mock.calls[1][0].url).toBe('/api/v1/reports/lookup?caseCode=261125-4K7QM-8&phone=13800138000');
  });

  it('maps an error body onto {ok:false, status, code, message, errors}', async () => {
    mockRequest.mockImplementation(() =>
      respond(400, { code: 'VALIDATION.FAILED', message: '提交的内容有误', errors: { text: '内容不能为空', contactPhone: ['格式不对'] } }),
    );

    const result = await request('/reports', { method: 'POST', data: {} });

    expect(result).toEqual({
      ok: false,
      status: 400,
      code: 'VALIDATION.FAILED',
      message: '提交的内容有误',
      errors: { text: '内容不能为空', contactPhone: '格式不对' },
    });
  });

  it('replaces an English or missing message with Chinese wording', async () => {
    mockRequest
      .mockImplementationOnce(() => respond(403, { statusCode: 403, message: 'Forbidden resource' }))
      .mockImplementationOnce(() => respond(500, '<html>oops</html>'));

    const forbidden = await request('/tickets/1');
    const broken = await request('/tickets/2');

    expect(forbidden).toMatchObject({ ok: false, status: 403, code: 'HTTP.403', message: '没有权限进行此操作', errors: {} });
    expect(broken).toMatchObject({ ok: false, status: 500, message: '服务暂时不可用,请稍后再试' });
  });

  it('on 401 clears the session and opens the login page once for parallel calls', async () => {
    logIn();
    mockRequest.mockImplementation(() => respond(401, { code: 'AUTH.REQUIRED', message: 'Unauthorized' }));

    const results = await Promise.all([request('/reports/mine'), request('/tickets/1'), request('/auth/me')]);

    expect(results.every((r) => !r.ok && r.status === 401)).toBe(true);
    expect(results[0]).toMatchObject({ message: '请先登录' });
    expect(getSession()).toBeNull();
    expect(Taro.navigateTo).toHaveBeenCalledTimes(1);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: LOGIN_PAGE });
  });

  it('on 401 refreshes silently once for parallel calls, stores the rotated pair and retries each call with the new token', async () => {
    saveSession({ accessToken: 'old-access', refreshToken: 'refresh-1', user: { id: 'u1', role: 'resident', displayName: '张三' } });
    mockRequest.mockImplementation((opts: { url: string; header: Record<string, string>; data?: { refreshToken?: string } }) => {
      if (opts.url.endsWith('/auth/refresh')) {
        return opts.data?.refreshToken === 'refresh-1'
          ? respond(200, { accessToken: 'new-access', refreshToken: 'refresh-2', user: { id: 'u1', role: 'resident', displayName: '张三' } })
          : respond(401, { code: 'AUTH.UNAUTHENTICATED', message: '登录已过期' });
      }
      return opts.header.Authorization === 'Bearer new-access' ? respond(200, { fine: true }) : respond(401, { code: 'AUTH.UNAUTHENTICATED', message: '登录已过期' });
    });

    const results = await Promise.all([
      request('/reports/mine'),
      request('/tickets/1'),
      request('/reports', { method: 'POST', data: { text: 'x' }, headers: { 'Idempotency-Key': 'key-1' } }),
    ]);

    expect(results.every((r) => r.ok)).toBe(true);
    const refreshCalls = mockRequest.mock.calls.filter(([o]) => o.url.endsWith('/auth/refresh'));
    expect(refreshCalls).toHaveLength(1);
    expect(getSession()).toMatchObject({ accessToken: 'new-access', refreshToken: 'refresh-2' });
    expect(Taro.navigateTo).not.toHaveBeenCalled();
    // The retried POST carries the same Idempotency-Key: the server cannot file it twice.
    const posts = mockRequest.mock.calls.filter(([o]) => o.url.endsWith('/reports') && o.method === 'POST');
    expect(posts.map(([o]) => o.header['Idempotency-Key'])).toEqual(['key-1', 'key-1']);
  });

  it('when the refresh is refused, clears the session and opens the login page once', async () => {
    saveSession({ accessToken: 'old-access', refreshToken: 'stolen-and-used', user: { id: 'u1', role: 'resident', displayName: '张三' } });
    mockRequest.mockImplementation(() => respond(401, { code: 'AUTH.UNAUTHENTICATED', message: '登录已过期' }));

    const results = await Promise.all([request('/reports/mine'), request('/auth/me')]);

    expect(results.every((r) => !r.ok && r.status === 401)).toBe(true);
    expect(mockRequest.mock.calls.filter(([o]) => o.url.endsWith('/auth/refresh'))).toHaveLength(1);
    expect(getSession()).toBeNull();
    expect(Taro.navigateTo).toHaveBeenCalledTimes(1);
  });

  it('logout revokes on the server and clears storage, also when offline', async () => {
    saveSession({ accessToken: 'access-1', refreshToken: 'refresh-1', user: { id: 'u1', role: 'resident', displayName: '张三' } });
    mockRequest.mockImplementation(() => respond(200, { loggedOut: true }));
    await logout();
    expect(mockRequest.mock.calls[0][0]).toMatchObject({ url: '/api/v1/auth/logout', method: 'POST' });
    expect(mockRequest.mock.calls[0][0].header.Authorization).toBe('Bearer access-1');
    expect(getSession()).toBeNull();

    saveSession({ accessToken: 'access-2', refreshToken: 'refresh-2', user: { id: 'u1', role: 'resident', displayName: '张三' } });
    mockRequest.mockImplementation(networkDown);
    await logout();
    expect(getSession()).toBeNull();
  });

  it('does not treat a 401 from a public route (wrong SMS code) as a lost session', async () => {
    logIn();
    mockRequest.mockImplementation(() => respond(401, { code: 'AUTH.BAD_CODE', message: '验证码错误' }));

    const result = await request('/auth/sms/verify', { method: 'POST', data: {}, auth: false });

    expect(result).toMatchObject({ ok: false, status: 401, message: '验证码错误' });
    expect(getSession()).not.toBeNull();
    expect(Taro.navigateTo).not.toHaveBeenCalled();
  });

  it('turns a network failure into status 0 and shows one toast', async () => {
    mockRequest.mockImplementation(networkDown);

    const result = await request('/reports/mine', { retries: 2, retryDelayMs: 0 });

    expect(result).toEqual({ ok: false, status: 0, code: 'NETWORK.ERROR', message: NETWORK_ERROR_MESSAGE, errors: {} });
    expect(mockRequest).toHaveBeenCalledTimes(3);
    expect(Taro.showToast).toHaveBeenCalledTimes(1);
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: NETWORK_ERROR_MESSAGE, icon: 'none' }));
  });

  it('stays quiet when the caller shows its own message', async () => {
    mockRequest.mockImplementation(networkDown);
    await request('/reports/lookup', { auth: false, quiet: true });
    expect(Taro.showToast).not.toHaveBeenCalled();
  });

  it('does not retry a 4xx answer', async () => {
    mockRequest.mockImplementation(() => respond(409, { code: 'TICKET.ILLEGAL_TRANSITION', message: '状态已变化' }));
    await request('/tickets/1/actions', { method: 'POST', data: {}, retries: 2, retryDelayMs: 0 });
    expect(mockRequest).toHaveBeenCalledTimes(1);
  });
});

describe('submitReport', () => {
  afterEach(() => jest.useRealTimers());

  it('retries after network failures with the same Idempotency-Key and body', async () => {
    jest.useFakeTimers();
    logIn();
    mockRequest
      .mockImplementationOnce(networkDown)
      .mockImplementationOnce(() => respond(503, null))
      .mockImplementationOnce(() =>
        respond(201, { id: 't1', caseCode: '261125-4K7QM-8', status: 'submitted', triage: { category: 'neighbor' } }),
      );

    const pending = submitReport({ text: '楼上漏水到我家', contactPhone: '13800138000' }, 'key-1');
    await jest.runAllTimersAsync();
    const result = await pending;

    expect(result).toMatchObject({ ok: true, status: 201, data: { caseCode: '261125-4K7QM-8' } });
    expect(mockRequest).toHaveBeenCalledTimes(3);
    const keys = mockRequest.mock.calls.map((c) => c[0].header['Idempotency-Key']);
    expect(keys).toEqual(['key-1', 'key-1', 'key-1']);
    const bodies = mockRequest.mock.calls.map((c) => c[0].data);
    expect(bodies[0]).toEqual({ text: '楼上漏水到我家', channel: 'miniprogram', contactPhone: '13800138000' });
    expect(bodies[2]).toEqual(bodies[0]);
    expect(mockRequest.mock.calls[0][0]).toMatchObject({ url: '/api/v1/reports', method: 'POST' });
    expect(Taro.showToast).not.toHaveBeenCalled();
  });

  it('sends anonymous only when chosen and omits an empty phone', async () => {
    logIn();
    mockRequest.mockImplementation(() => respond(200, { id: 't1', caseCode: 'X', status: 'submitted' }));
    await submitReport({ text: '路灯坏了好几天', anonymous: true }, 'key-2');
    expect(mockRequest.mock.calls[0][0].data).toEqual({ text: '路灯坏了好几天', channel: 'miniprogram', anonymous: true });
  });
});

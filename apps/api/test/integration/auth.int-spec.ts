import { createConnection } from 'mysql2/promise';
import { startFakeWechat } from '../fakes/wechat-server';
import { startTestApp, uniquePhone, type TestApp } from '../helpers/test-app';

describe('auth (MariaDB)', () => {
  let t: TestApp;
  let wechat: Awaited<ReturnType<typeof startFakeWechat>>;

  beforeAll(async () => {
    wechat = await startFakeWechat({ appid: 'wxdemo', secret: 'wxsecret' });
    t = await startTestApp({ WECHAT_API_BASE: wechat.base, WECHAT_APPID: 'wxdemo', WECHAT_SECRET: 'wxsecret' });
  });
  afterAll(async () => {
    await t.close();
    await wechat.close();
  });

  describe('staff password login', () => {
    it('logs in every demo account and tells who it is', async () => {
      for (const [username, role] of [
        ['admin', 'admin'],
        ['leader', 'leader'],
        ['dispatcher', 'dispatcher'],
        ['street-dispatcher', 'dispatcher'],
        ['handler', 'handler'],
        ['hrss-handler', 'handler'],
        ['grid-worker', 'grid_worker'],
      ]) {
        const r = await t.req('POST', '/auth/login', { body: { username, password: 'demo1234' } });
        expect(r.status).toBe(200);
        expect(r.body.user.role).toBe(role);
        const me = await t.req('GET', '/auth/me', { token: r.body.accessToken });
        expect(me.status).toBe(200);
        expect(me.body).toMatchObject({ id: r.body.user.id, role, unitId: expect.any(String) });
      }
    });

    it('stores passwords as argon2id hashes', async () => {
      const c = await createConnection(t.dbUrl);
      const [rows] = await c.query("SELECT password_hash FROM users WHERE username = 'dispatcher'");
      await c.end();
      expect((rows as { password_hash: string }[])[0].password_hash).toMatch(/^\$argon2id\$/);
    });

    it.each([
      [{ username: 'dispatcher', password: 'wrong' }, 401],
      [{ username: 'nobody', password: 'demo1234' }, 401],
    ])('refuses %p', async (body, status) => {
      const r = await t.req('POST', '/auth/login', { body });
      expect(r.status).toBe(status);
      expect(r.body.code).toBe('AUTH.BAD_CREDENTIALS');
    });

    it('names the missing field', async () => {
      const r = await t.req('POST', '/auth/login', { body: { username: 'dispatcher' } });
      expect(r.status).toBe(400);
      expect(r.body.errors).toHaveProperty('password');
    });

    it('401 without or with a forged token', async () => {
      expect((await t.req('GET', '/auth/me')).status).toBe(401);
      const forged = await t.req('GET', '/auth/me', { token: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.bad' });
      expect(forged.status).toBe(401);
      expect(forged.body.code).toBe('AUTH.UNAUTHENTICATED');
    });
  });

  describe('resident SMS login', () => {
    it('sends a code and logs in, creating the resident once', async () => {
      const phone = uniquePhone();
      const a = await t.resident(phone);
      const me = await t.req('GET', '/auth/me', { token: a.token });
      expect(me.body).toMatchObject({ role: 'resident', phone });
      // A second login with the same phone is the same person.
      const c = await createConnection(t.dbUrl);
      await c.query('UPDATE sms_codes SET created_at = DATE_SUB(created_at, INTERVAL 2 MINUTE) WHERE phone = ?', [phone]);
      await c.end();
      const b = await t.resident(phone);
      expect(b.userId).toBe(a.userId);
    });

    it('rejects malformed phones with the field named', async () => {
      for (const phone of ['12345', '2381234567a', '', 13800138000]) {
        const r = await t.req('POST', '/auth/sms/send', { body: { phone } });
        expect(r.status).toBe(400);
        expect(r.body.errors).toHaveProperty('phone');
      }
    });

    it('rejects a wrong code, then locks the code after five wrong tries', async () => {
      const phone = uniquePhone();
      const sent = await t.req('POST', '/auth/sms/send', { body: { phone } });
      const wrong = sent.body.devCode === '000000' ? '111111' : '000000';
      for (let i = 0; i < 4; i++) {
        const r = await t.req('POST', '/auth/sms/verify', { body: { phone, code: wrong } });
        expect(r.status).toBe(400);
        // Each wrong try says how many are left, next to the field.
        expect(r.body.errors.code).toBe(`验证码错误,还可尝试${4 - i}次`);
      }
      const fifth = await t.req('POST', '/auth/sms/verify', { body: { phone, code: wrong } });
      expect(fifth.status).toBe(429);
      // The lock says when a new code can be sent (the resend interval), not just 「重新获取」.
      expect(fifth.body.message).toMatch(/验证码错误次数过多,该验证码已失效,请(\d+秒后|现在)重新获取验证码/);
      expect(fifth.body.errors.code).toMatch(/^错误次数过多/);
      // Even the right code no longer works: a new one must be requested.
      const right = await t.req('POST', '/auth/sms/verify', { body: { phone, code: sent.body.devCode } });
      expect(right.status).toBe(429);
    });

    it('rejects an expired code', async () => {
      const phone = uniquePhone();
      const sent = await t.req('POST', '/auth/sms/send', { body: { phone } });
      const c = await createConnection(t.dbUrl);
      await c.query('UPDATE sms_codes SET expires_at = DATE_SUB(UTC_TIMESTAMP(3), INTERVAL 1 SECOND) WHERE phone = ?', [phone]);
      await c.end();
      const r = await t.req('POST', '/auth/sms/verify', { body: { phone, code: sent.body.devCode } });
      expect(r.status).toBe(400);
      expect(r.body.code).toBe('AUTH.SMS_CODE_EXPIRED');
    });

    it('a code works once', async () => {
      const phone = uniquePhone();
      const sent = await t.req('POST', '/auth/sms/send', { body: { phone } });
      const ok = await t.req('POST', '/auth/sms/verify', { body: { phone, code: sent.body.devCode } });
      expect(ok.status).toBe(200);
      const again = await t.req('POST', '/auth/sms/verify', { body: { phone, code: sent.body.devCode } });
      expect(again.status).toBe(400);
    });

    it('limits sends per phone: one a minute, five an hour', async () => {
      const phone = uniquePhone();
      expect((await t.req('POST', '/auth/sms/send', { body: { phone } })).status).toBe(200);
      const tooSoon = await t.req('POST', '/auth/sms/send', { body: { phone } });
      expect(tooSoon.status).toBe(429);
      expect(tooSoon.body.code).toBe('RATE_LIMITED');
      const c = await createConnection(t.dbUrl);
      for (let i = 0; i < 4; i++) {
        await c.query('UPDATE sms_codes SET created_at = DATE_SUB(created_at, INTERVAL 2 MINUTE) WHERE phone = ?', [phone]);
        expect((await t.req('POST', '/auth/sms/send', { body: { phone } })).status).toBe(200);
      }
      await c.query('UPDATE sms_codes SET created_at = DATE_SUB(created_at, INTERVAL 2 MINUTE) WHERE phone = ?', [phone]);
      await c.end();
      expect((await t.req('POST', '/auth/sms/send', { body: { phone } })).status).toBe(429);
    });
  });

  describe('per-IP SMS limit', () => {
    let strict: TestApp;
    beforeAll(async () => {
      strict = await startTestApp({ SMS_MAX_PER_IP_PER_HOUR: '3' });
    });
    afterAll(() => strict.close());

    it('answers 429 once one address has asked for too many codes', async () => {
      for (let i = 0; i < 3; i++) expect((await strict.req('POST', '/auth/sms/send', { body: { phone: uniquePhone() } })).status).toBe(200);
      expect((await strict.req('POST', '/auth/sms/send', { body: { phone: uniquePhone() } })).status).toBe(429);
    });
  });

  describe('WeChat login through code2Session', () => {
    it('exchanges the code and keeps one resident per openid', async () => {
      const a = await t.req('POST', '/auth/wechat', { body: { code: 'ok-alice-1' } });
      expect(a.status).toBe(200);
      expect(a.body.user.role).toBe('resident');
      const b = await t.req('POST', '/auth/wechat', { body: { code: 'ok-alice-2' } });
      expect(b.body.user.id).toBe(a.body.user.id);
      const call = wechat.calls.find((u) => u.searchParams.get('js_code') === 'ok-alice-1')!;
      expect(call.searchParams.get('appid')).toBe('wxdemo');
      expect(call.searchParams.get('grant_type')).toBe('authorization_code');
    });

    it('401 on a code WeChat rejects, including a reused one', async () => {
      expect((await t.req('POST', '/auth/wechat', { body: { code: 'garbage' } })).status).toBe(401);
      expect((await t.req('POST', '/auth/wechat', { body: { code: 'ok-alice-1' } })).status).toBe(401);
    });

    it('400 without a code', async () => {
      const r = await t.req('POST', '/auth/wechat', { body: {} });
      expect(r.status).toBe(400);
      expect(r.body.errors).toHaveProperty('code');
    });
  });
});

import { generateCaseCode, idCardCheckChar } from '@zongzhi/shared';
import { createConnection } from 'mysql2/promise';
import { createApp } from '../../src/app.factory';
import { Clock } from '../../src/common/clock';
import { AuditRepository } from '../../src/modules/audit/audit.repository';
import { AuditSweeper } from '../../src/modules/audit/audit.sweeper';
import { PLACE, TEXT, World } from '../factories/world';
import { startTestApp, uniquePhone, type TestApp } from '../helpers/test-app';

/**
 * The attack pass of issue 16, each hole as a test: tokens that kept their
 * powers, unlimited guessing, spoofable client IPs, ID numbers spelled with
 * spaces, no security headers, an audit trail nobody kept.
 */
describe('security (MariaDB)', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await startTestApp();
    w = await World.create(t);
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await w.close();
    await t.close();
  });

  const login = (username: string, password = 'demo1234', headers: Record<string, string> = {}) =>
    t.req('POST', '/auth/login', { body: { username, password }, headers });
  const claims = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString()) as { exp: number; iat: number; sub: string };

  describe('tokens follow the account', () => {
    it('access tokens live at most 2 hours and come with a refresh token', async () => {
      const r = await login('leader');
      expect(r.status).toBe(200);
      const c = claims(r.body.accessToken);
      expect(c.exp - c.iat).toBeLessThanOrEqual(7200);
      expect(r.body.expiresIn).toBe(c.exp - c.iat);
      expect(r.body.refreshToken).toEqual(expect.any(String));
    });

    it('a handler changed to a resident in the database cannot sign with his old token (401)', async () => {
      const handler = await w.staff('handler', 'D01S01', { department: 'justice' });
      const resident = await t.resident();
      const streetDispatcher = await t.staff('street-dispatcher');
      const r = await w.report(resident.token, TEXT.low, PLACE.eastGrid1);
      await w.must(streetDispatcher, r.id, 'accept');
      await w.must(streetDispatcher, r.id, 'dispatch', { departmentId: w.dep('D01S01', 'justice') });
      expect((await w.get(handler, r.id)).status).toBe(200);
      const { sub } = claims(handler);
      await w.sql("UPDATE users SET role = 'resident' WHERE id = ?", [sub]);
      const signed = await w.act(handler, r.id, 'sign');
      expect(signed.status).toBe(401);
      expect((await w.row(r.id)).status).toBe('dispatched');
    });

    it('a token whose unit or department changed is refused on the next request', async () => {
      const handler = await w.staff('handler', 'D01S01', { department: 'justice' });
      expect((await t.req('GET', '/tickets', { token: handler })).status).toBe(200);
      await w.sql('UPDATE users SET department_id = ? WHERE id = ?', [w.dep('D01S02', 'justice'), claims(handler).sub]);
      expect((await t.req('GET', '/tickets', { token: handler })).status).toBe(401);
    });

    it('a deleted user’s token files no report; a disabled account is refused at once and cannot log in', async () => {
      const resident = await t.resident();
      await w.sql('DELETE FROM users WHERE id = ?', [resident.userId]);
      const r = await t.req('POST', '/reports', { token: resident.token, body: { text: TEXT.low }, headers: { 'idempotency-key': crypto.randomUUID() } });
      expect(r.status).toBe(401);
      expect((await w.sql('SELECT COUNT(*) n FROM tickets WHERE reporter_id = ?', [resident.userId]))[0].n).toBe(0);

      const token = await w.staff('dispatcher', 'D01');
      const { sub } = claims(token);
      await w.sql('UPDATE users SET disabled_at = NOW(3) WHERE id = ?', [sub]);
      expect((await t.req('GET', '/auth/me', { token })).status).toBe(401);
      const [{ username }] = await w.sql<{ username: string }>('SELECT username FROM users WHERE id = ?', [sub]);
      expect((await login(username)).status).toBe(401);
    });

    it('refresh rotates; reusing a rotated refresh token revokes the whole family', async () => {
      const first = (await login('leader')).body;
      const second = await t.req('POST', '/auth/refresh', { body: { refreshToken: first.refreshToken } });
      expect(second.status).toBe(200);
      expect(second.body.refreshToken).not.toBe(first.refreshToken);
      expect((await t.req('GET', '/auth/me', { token: second.body.accessToken })).status).toBe(200);
      // The first refresh token again: a copy is in someone else's hands.
      const replay = await t.req('POST', '/auth/refresh', { body: { refreshToken: first.refreshToken } });
      expect(replay.status).toBe(401);
      expect((await t.req('POST', '/auth/refresh', { body: { refreshToken: second.body.refreshToken } })).status).toBe(401);
      expect((await t.req('GET', '/auth/me', { token: second.body.accessToken })).status).toBe(401);
      expect((await t.req('GET', '/auth/me', { token: first.accessToken })).status).toBe(401);
    });

    it('two refreshes racing with one token: one wins, the family is revoked', async () => {
      const first = (await login('leader')).body;
      const rs = await Promise.all([0, 1].map(() => t.req('POST', '/auth/refresh', { body: { refreshToken: first.refreshToken } })));
      expect(rs.map((r) => r.status).sort()).toEqual([200, 401]);
    });

    it('logout revokes the access token and the refresh token', async () => {
      const s = (await login('leader')).body;
      const out = await t.req('POST', '/auth/logout', { token: s.accessToken });
      expect(out.status).toBe(200);
      expect((await t.req('GET', '/auth/me', { token: s.accessToken })).status).toBe(401);
      expect((await t.req('POST', '/auth/refresh', { body: { refreshToken: s.refreshToken } })).status).toBe(401);
      // Another login of the same account is untouched.
      expect((await t.req('GET', '/auth/me', { token: await t.staff('leader') })).status).toBe(200);
    });
  });

  describe('guessing is limited', () => {
    it('40 wrong passwords for one account: after 3, each try waits (429 + Retry-After); at 10 the account locks, recorded for the admin', async () => {
      const username = (await w.sql<{ username: string }>('SELECT username FROM users WHERE id = ?', [claims(await w.staff('dispatcher', 'D01')).sub ?? ''])).at(0)?.username;
      expect(username).toBeDefined();
      // The limiter's clock stands still unless the test moves it: on a busy machine a 1 s wait must not pass by itself.
      const clock = t.app.get(Clock);
      let now = Date.now();
      const spy = jest.spyOn(clock, 'now').mockImplementation(() => new Date(now));
      const statuses: number[] = [];
      for (let i = 0; i < 40; i++) {
        const r = await login(username!, 'wrong-' + i);
        statuses.push(r.status);
        if (r.status === 429) expect(Number(r.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      }
      expect(statuses.filter((s) => s === 401)).toHaveLength(3);
      expect(statuses.filter((s) => s === 429)).toHaveLength(37);

      // Wait out each growing delay (the clock moves, not the test): the 10th failure locks.
      try {
        const waits: number[] = [];
        for (let i = 4; i <= 10; i++) {
          const r0 = await login(username!, 'still-wrong');
          expect(r0.status).toBe(429);
          waits.push(Number(r0.headers.get('retry-after')));
          now += Number(r0.headers.get('retry-after')) * 1000;
          expect((await login(username!, 'still-wrong')).status).toBe(401);
        }
        expect(waits.slice(0, 6)).toEqual([1, 2, 4, 8, 16, 32]);
        const locked = await login(username!); // the right password, but locked
        expect(locked.status).toBe(429);
        expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(800);

        // Limits live in the database: a restarted server still refuses.
        const again = await createApp(t.config);
        try {
          await again.listen({ port: 0, host: '127.0.0.1' });
          const res = await fetch((await again.getUrl()).replace('[::1]', '127.0.0.1') + '/api/v1/auth/login', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ username, password: 'demo1234' }),
          });
          expect(res.status).toBe(429);
        } finally {
          await again.close();
        }
        now += 15 * 60_000 + 1000;
        expect((await login(username!)).status).toBe(200);
      } finally {
        spy.mockRestore();
      }
      const audit = await t.req('GET', `/admin/audit-log?action=auth.lock`, { token: await t.staff('admin') });
      expect(audit.status).toBe(200);
      expect(audit.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'auth.lock', target: { type: 'account', id: username }, ip: '127.0.0.1' })]));
    });
  });

  describe('client IP and lookups', () => {
    let p: TestApp;
    let pw: World;
    beforeAll(async () => {
      p = await startTestApp({ TRUST_PROXY: '127.0.0.1', SMS_MAX_PER_IP_PER_HOUR: '5' });
      pw = await World.create(p);
    });
    afterAll(async () => {
      await pw.close();
      await p.close();
    });

    it('the per-IP SMS limit ignores a spoofed X-Forwarded-For from an untrusted peer', async () => {
      const s = await startTestApp({ SMS_MAX_PER_IP_PER_HOUR: '5' });
      try {
        const statuses: number[] = [];
        for (let i = 0; i < 12; i++) {
          statuses.push((await s.req('POST', '/auth/sms/send', { body: { phone: uniquePhone() }, headers: { 'x-forwarded-for': `203.0.113.${i}` } })).status);
        }
        expect(statuses.filter((x) => x === 200)).toHaveLength(5);
        expect(statuses.filter((x) => x === 429)).toHaveLength(7);
      } finally {
        await s.close();
      }
    });

    it('behind a trusted proxy (TRUST_PROXY) the forwarded address is the client', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 8; i++) {
        statuses.push((await p.req('POST', '/auth/sms/send', { body: { phone: uniquePhone() }, headers: { 'x-forwarded-for': `198.51.100.${i}` } })).status);
      }
      expect(statuses.every((x) => x === 200)).toBe(true);
      for (let i = 0; i < 6; i++) statuses.push((await p.req('POST', '/auth/sms/send', { body: { phone: uniquePhone() }, headers: { 'x-forwarded-for': '198.51.100.77' } })).status);
      expect(statuses.slice(8)).toEqual([200, 200, 200, 200, 200, 429]);
    });

    it('failures spread over many accounts from one IP slow that IP down', async () => {
      const now = Date.now();
      jest.spyOn(p.app.get(Clock), 'now').mockImplementation(() => new Date(now));
      const statuses: number[] = [];
      for (let i = 0; i < 25; i++) statuses.push((await p.req('POST', '/auth/login', { body: { username: `nobody-${i}-${Date.now()}`, password: 'x' }, headers: { 'x-forwarded-for': '192.0.2.254' } })).status);
      expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
      expect(statuses.slice(20)).toEqual([429, 429, 429, 429, 429]);
      jest.restoreAllMocks();
    });

    it('a masked phone on a notice cannot be completed by trying: 5 wrong phones lock the case code (also for the right phone)', async () => {
      const resident = await p.resident();
      const r = await pw.report(resident.token, TEXT.low, PLACE.eastGrid1);
      const masked = resident.phone.slice(0, 3) + '****' + resident.phone.slice(-4);
      expect(r.caseCode).toEqual(expect.any(String));
      const statuses: number[] = [];
      // Candidates for 139****1234, from many addresses (as a botnet would), the real one last.
      for (let i = 0; i < 300 && statuses.length < 300; i++) {
        const guess = masked.replace('****', String(i).padStart(4, '0'));
        if (guess === resident.phone) continue;
        const res = await p.req('GET', `/reports/lookup?caseCode=${encodeURIComponent(r.caseCode)}&phone=${guess}`, { headers: { 'x-forwarded-for': `192.0.2.${i % 250}` } });
        statuses.push(res.status);
        if (statuses.length >= 30) break;
      }
      expect(statuses.slice(0, 5)).toEqual([404, 404, 404, 404, 404]);
      expect(statuses.slice(5).every((s) => s === 429)).toBe(true);
      const real = await p.req('GET', `/reports/lookup?caseCode=${encodeURIComponent(r.caseCode)}&phone=${resident.phone}`, { headers: { 'x-forwarded-for': '192.0.2.251' } });
      expect(real.status).toBe(429);
      expect(Number(real.headers.get('retry-after'))).toBeGreaterThan(3000);
      // The lock is in the audit log.
      const audit = await p.req('GET', '/admin/audit-log?action=lookup.lock', { token: await p.staff('admin') });
      expect(audit.body.items.map((e: { target: { id: string } }) => e.target.id)).toContain(r.caseCode);
    });

    it('a burst of parallel guesses cannot pass the checks before any failure is counted', async () => {
      const resident = await p.resident();
      const r = await pw.report(resident.token, TEXT.low, PLACE.eastGrid1);
      const masked = resident.phone.slice(0, 3) + '****' + resident.phone.slice(-4);
      // 40 candidates at once from 40 addresses: each try is counted before the phone is compared.
      const guesses = Array.from({ length: 41 }, (_, i) => masked.replace('****', String(i).padStart(4, '0'))).filter((g) => g !== resident.phone).slice(0, 40);
      const statuses = await Promise.all(
        guesses.map((g, i) => p.req('GET', `/reports/lookup?caseCode=${encodeURIComponent(r.caseCode)}&phone=${g}`, { headers: { 'x-forwarded-for': `198.51.100.${i + 1}` } }).then((x) => x.status)),
      );
      expect(statuses.filter((s) => s === 404).length).toBeLessThanOrEqual(5);
      expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(35);
      expect(statuses.every((s) => s === 404 || s === 429)).toBe(true);

      // The same for passwords: a burst of 30 wrong guesses for one account, at most LOGIN_LOCK_AFTER (10) are tried.
      const logins = await Promise.all(
        Array.from({ length: 30 }, (_, i) => p.req('POST', '/auth/login', { body: { username: 'hrss-handler', password: `wrong-${i}` }, headers: { 'x-forwarded-for': `198.51.100.${100 + i}` } }).then((x) => x.status)),
      );
      expect(logins.filter((s) => s === 401).length).toBeLessThanOrEqual(10);
      expect(logins.every((s) => s === 401 || s === 429)).toBe(true);
    });

    it('a right phone gives its try back: the resident is not locked out by their own lookups', async () => {
      const resident = await p.resident();
      const r = await pw.report(resident.token, TEXT.low, PLACE.eastGrid1);
      for (let i = 0; i < 8; i++) {
        const res = await p.req('GET', `/reports/lookup?caseCode=${encodeURIComponent(r.caseCode)}&phone=${resident.phone}`, { headers: { 'x-forwarded-for': '198.51.100.200' } });
        expect(res.status).toBe(200);
      }
    });

    it('one IP gets 20 failed lookups an hour across case codes', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 24; i++) {
        statuses.push((await p.req('GET', `/reports/lookup?caseCode=${generateCaseCode()}&phone=1390000${String(1000 + i)}`, { headers: { 'x-forwarded-for': '192.0.2.252' } })).status);
      }
      expect(statuses.slice(0, 20).every((s) => s === 404)).toBe(true);
      expect(statuses.slice(20).every((s) => s === 429)).toBe(true);
      // Another address is not affected by this one.
      const other = await p.req('GET', `/reports/lookup?caseCode=${generateCaseCode()}&phone=13900001000`, { headers: { 'x-forwarded-for': '192.0.2.253' } });
      expect(other.status).toBe(404);
    });
  });

  describe('personal numbers in any spelling', () => {
    it('a walk-in whose text holds the ID number with spaces shows it masked to every staff role and on the printed notice', async () => {
      const first17 = '11010519491231002';
      const id = first17 + idCardCheckChar(first17);
      const spaced = `${id.slice(0, 6)} ${id.slice(6, 14)} ${id.slice(14)}`;
      const wide = [...id].map((c) => (/\d/.test(c) ? String.fromCharCode(0xff10 + Number(c)) : c)).join('');
      const r = await t.req('POST', '/walk-ins', {
        token: await t.staff('street-dispatcher'),
        body: {
          visitorName: '王秀英',
          phone: uniquePhone(),
          idNumber: id,
          text: `来访人身份证 ${spaced},另一位当事人身份证${wide},电话 139-1234-5678,反映邻居装修噪音`,
          parties: [`当事人 李某 ${spaced}`],
          location: PLACE.eastGrid1,
        },
      });
      expect(r.status).toBe(201);
      const ticketId = r.body.ticket.id as string;
      const bodies: string[] = [JSON.stringify(r.body)];
      for (const who of ['street-dispatcher', 'dispatcher', 'leader', 'admin']) {
        const res = await t.req('GET', `/tickets/${ticketId}`, { token: await t.staff(who) });
        if (res.status === 200) bodies.push(JSON.stringify(res.body));
      }
      const doc = await t.req('GET', `/tickets/${ticketId}/documents/acceptance`, { token: await t.staff('street-dispatcher') });
      expect(doc.status).toBe(200);
      bodies.push(String(doc.body));
      expect(bodies.length).toBeGreaterThanOrEqual(4);
      const [stored] = await w.sql<{ text: string }>('SELECT text FROM tickets WHERE id = ?', [ticketId]);
      for (const b of [...bodies, stored.text]) {
        expect(b).not.toContain(spaced);
        expect(b).not.toContain(id.slice(6, 14));
        expect(b).not.toContain(wide.slice(6, 14));
      }
      expect(stored.text).toContain('110*** ******** ' + id.slice(14));
      // Reading the visitor's decrypted record is in the audit log.
      expect((await t.req('GET', `/walk-ins/${r.body.id}`, { token: await t.staff('street-dispatcher') })).status).toBe(200);
      const log = await t.req('GET', `/admin/audit-log?action=pii.read&targetId=${r.body.id}`, { token: await t.staff('admin') });
      expect(log.body.items).toEqual([expect.objectContaining({ actor: expect.objectContaining({ label: 'street-dispatcher' }), target: { type: 'walk_in', id: r.body.id } })]);
    });
  });

  describe('headers and documentation', () => {
    it('the API and the H5 root send CSP with frame-ancestors none, nosniff and a referrer policy; no HSTS over plain HTTP', async () => {
      for (const path of ['/api/v1/health', '/api/v1/tickets']) {
        const r = await t.req('GET', path);
        const csp = r.headers.get('content-security-policy') ?? '';
        expect(csp).toContain("frame-ancestors 'none'");
        expect(csp).toContain("default-src 'self'");
        expect(r.headers.get('x-content-type-options')).toBe('nosniff');
        expect(r.headers.get('x-frame-options')).toBe('DENY');
        expect(r.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
        expect(r.headers.get('strict-transport-security')).toBeNull();
      }
    });

    it('HSTS when the request came over TLS through a trusted proxy, not when an untrusted client claims it', async () => {
      expect((await t.req('GET', '/api/v1/health', { headers: { 'x-forwarded-proto': 'https' } })).headers.get('strict-transport-security')).toBeNull();
      const p = await startTestApp({ TRUST_PROXY: '127.0.0.1' });
      try {
        const r = await p.req('GET', '/api/v1/health', { headers: { 'x-forwarded-proto': 'https' } });
        expect(r.headers.get('strict-transport-security')).toMatch(/max-age=\d{7,}/);
      } finally {
        await p.close();
      }
    });

    it('/docs is public in production only with DOCS_PUBLIC=true', async () => {
      const prod = { NODE_ENV: 'production', SEED_DEMO: 'false', SMS_PROVIDER: 'http', SMS_HTTP_URL: 'http://127.0.0.1:9/sms', FIELD_ENCRYPTION_KEY: 'k'.repeat(40), NOTIFY_INTERVAL_SECONDS: '0' };
      const closed = await startTestApp(prod);
      try {
        expect((await closed.req('GET', '/docs')).status).toBe(404);
        expect((await closed.req('GET', '/docs-json')).status).toBe(404);
      } finally {
        await closed.close();
      }
      const open = await startTestApp({ ...prod, DOCS_PUBLIC: 'true' });
      try {
        expect((await open.req('GET', '/docs-json')).status).toBe(200);
      } finally {
        await open.close();
      }
    });
  });

  describe('audit log', () => {
    it('an export whose audit entry cannot be written is refused; a login is not', async () => {
      const resident = await t.resident();
      const tk = await w.report(resident.token, TEXT.low, PLACE.eastGrid1);
      const sd = await t.staff('street-dispatcher');
      const repo = t.app.get(AuditRepository);
      const spy = jest.spyOn(repo, 'append').mockRejectedValue(new Error('disk full'));
      try {
        const doc = await t.req('GET', `/tickets/${tk.id}/documents/acceptance`, { token: sd });
        expect(doc.status).toBe(502);
        expect(JSON.stringify(doc.body)).not.toContain(tk.caseCode);
        const login = await t.req('POST', '/auth/login', { body: { username: 'leader', password: 'demo1234' } });
        expect(login.status).toBe(200);
      } finally {
        spy.mockRestore();
      }
      expect((await t.req('GET', `/tickets/${tk.id}/documents/acceptance`, { token: sd })).status).toBe(200);
    });

    it('records logins, failed logins, logouts, exports and admin changes with who, when, where; only the admin reads it', async () => {
      const resident = await t.resident();
      const s = (await login('leader')).body;
      await login('leader', 'nope');
      await t.req('POST', '/auth/logout', { token: s.accessToken });
      const admin = await t.staff('admin');
      const csv = await t.req('GET', '/triage/overrides.csv', { token: admin });
      expect(csv.status).toBe(200);

      const all = await t.req('GET', '/admin/audit-log?pageSize=200', { token: admin });
      expect(all.status).toBe(200);
      const items = all.body.items as { action: string; actor: { id: string; label: string }; ip: string; at: string; target: { type: string } | null }[];
      const actions = new Set(items.map((e) => e.action));
      for (const a of ['auth.login', 'auth.login_failed', 'auth.logout', 'export']) expect(actions).toContain(a);
      for (const e of items) {
        expect(e.ip).toBe('127.0.0.1');
        expect(Date.parse(e.at)).not.toBeNaN();
      }
      expect(items.find((e) => e.action === 'export')).toMatchObject({ actor: { label: 'admin' }, target: { type: 'triage_overrides' } });
      // The resident's phone is in the log only masked.
      const residentLogin = items.find((e) => e.action === 'auth.login' && e.actor.id === resident.userId)!;
      expect(residentLogin.actor.label).toBe(resident.phone.slice(0, 3) + '****' + resident.phone.slice(-4));
      expect(JSON.stringify(all.body)).not.toContain(resident.phone);

      const filtered = await t.req('GET', '/admin/audit-log?action=auth.logout&page=1&pageSize=1', { token: admin });
      expect(filtered.body).toMatchObject({ page: 1, pageSize: 1 });
      expect(filtered.body.items).toHaveLength(1);
      expect(filtered.body.total).toBeGreaterThanOrEqual(1);
      for (const who of ['leader', 'dispatcher']) expect((await t.req('GET', '/admin/audit-log', { token: await t.staff(who) })).status).toBe(403);
      expect((await t.req('GET', '/admin/audit-log?page=1e300', { token: admin })).status).toBe(400);
    });

    it('admin changes are recorded', async () => {
      const admin = await t.staff('admin');
      const cur = await t.req('GET', '/admin/time-limits', { token: admin });
      expect(cur.status).toBe(200);
      const put = await t.req('PUT', '/admin/time-limits', { token: admin, body: { rules: [{ riskLevel: 'low', signMinutes: 24 * 60, resolveMinutes: 15 * 24 * 60 }] } });
      expect(put.status).toBe(200);
      const log = await t.req('GET', '/admin/audit-log?action=admin.change', { token: admin });
      expect(log.body.items[0]).toMatchObject({ action: 'admin.change', actor: { label: 'admin' }, target: { type: 'time_limits' } });
    });

    it('the retention sweep deletes only entries older than AUDIT_RETENTION_DAYS (180 at least), and spent rate-limit counters', async () => {
      const db = await createConnection(t.dbUrl);
      try {
        await db.query("INSERT INTO audit_log (id, at, action, ip) VALUES ('old-1', NOW(3) - INTERVAL 181 DAY, 'auth.login', '10.0.0.1'), ('kept-1', NOW(3) - INTERVAL 179 DAY, 'auth.login', '10.0.0.1')");
        await db.query("INSERT INTO rate_limits (bucket, failures, window_start, blocked_until) VALUES ('test:spent', 3, NOW(3) - INTERVAL 2 DAY, NULL), ('test:locked', 3, NOW(3) - INTERVAL 2 DAY, NOW(3) + INTERVAL 1 HOUR)");
        expect(t.config.AUDIT_RETENTION_DAYS).toBeGreaterThanOrEqual(180);
        const deleted = await t.app.get(AuditSweeper).sweep();
        expect(deleted).toBe(1);
        const [rows] = await db.query("SELECT id FROM audit_log WHERE id IN ('old-1', 'kept-1')");
        expect((rows as { id: string }[]).map((r) => r.id)).toEqual(['kept-1']);
        // Spent rate-limit counters go with the sweep; a running lock stays.
        const [limits] = await db.query("SELECT bucket FROM rate_limits WHERE bucket LIKE 'test:%'");
        expect((limits as { bucket: string }[]).map((r) => r.bucket)).toEqual(['test:locked']);
      } finally {
        await db.end();
      }
    });

    it('the sweep forgets login sessions and refresh tokens expired over a day ago, and keeps live ones', async () => {
      const live = (await t.req('POST', '/auth/login', { body: { username: 'leader', password: 'demo1234' } })).body;
      const db = await createConnection(t.dbUrl);
      try {
        const [users] = await db.query("SELECT id FROM users WHERE username = 'leader'");
        const uid = (users as { id: string }[])[0].id;
        await db.query("INSERT INTO auth_sessions (id, user_id, created_at, expires_at) VALUES ('old-session', ?, NOW(3) - INTERVAL 40 DAY, NOW(3) - INTERVAL 2 DAY)", [uid]);
        await db.query("INSERT INTO refresh_tokens (token_hash, session_id, created_at, expires_at) VALUES ('old-token-hash', 'old-session', NOW(3) - INTERVAL 40 DAY, NOW(3) - INTERVAL 2 DAY)");
        await t.app.get(AuditSweeper).sweep();
        const [s1] = await db.query("SELECT id FROM auth_sessions WHERE id = 'old-session'");
        const [r1] = await db.query("SELECT token_hash FROM refresh_tokens WHERE token_hash = 'old-token-hash'");
        expect([(s1 as unknown[]).length, (r1 as unknown[]).length]).toEqual([0, 0]);
        // The live login still works, refresh included.
        expect((await t.req('GET', '/auth/me', { token: live.accessToken })).status).toBe(200);
        expect((await t.req('POST', '/auth/refresh', { body: { refreshToken: live.refreshToken } })).status).toBe(200);
      } finally {
        await db.end();
      }
    });
  });
});

import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { startFakeWechat } from '../fakes/wechat-server';
import { startTestApp, type TestApp } from '../helpers/test-app';

/** Whatever a client sends, the answer is never a server error. */
describe('bad input never yields 500 (MariaDB)', () => {
  let t: TestApp;
  let resident: string;
  let dispatcher: string;
  let wechat: Awaited<ReturnType<typeof startFakeWechat>>;
  beforeAll(async () => {
    // Any string is a well-formed code; WeChat (here its local stand-in) then says no.
    wechat = await startFakeWechat({ appid: 'wx', secret: 's' });
    t = await startTestApp({ WECHAT_API_BASE: wechat.base, WECHAT_APPID: 'wx', WECHAT_SECRET: 's' });
    resident = (await t.resident()).token;
    dispatcher = await t.staff('dispatcher');
  });
  afterAll(async () => {
    await t.close();
    await wechat.close();
  });

  const anyJson = fc.oneof(
    fc.jsonValue(),
    fc.record({ text: fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.array(fc.string())), location: fc.anything(), contactPhone: fc.anything(), channel: fc.string(), anonymous: fc.anything(), photoIds: fc.anything() }, { requiredKeys: [] }),
    fc.record({ username: fc.anything(), password: fc.anything(), phone: fc.anything(), code: fc.anything() }, { requiredKeys: [] }),
  );
  const routes: [string, string, () => string | undefined][] = [
    ['POST', '/reports', () => resident],
    ['POST', '/triage', () => resident],
    ['POST', '/auth/login', () => undefined],
    ['POST', '/auth/sms/verify', () => undefined],
    ['POST', '/auth/wechat', () => undefined],
  ];

  it.each(routes)('%s %s with arbitrary JSON bodies', async (method, path, token) => {
    await fc.assert(
      fc.asyncProperty(anyJson, async (body) => {
        const r = await t.req(method, path, { token: token(), body, headers: { 'idempotency-key': randomUUID() } });
        expect(r.status).toBeLessThan(500);
        if (r.status >= 400) expect(r.body).toHaveProperty('code');
      }),
      { numRuns: 60 },
    );
  });

  it('arbitrary query strings on list and lookup routes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.constantFrom('status', 'riskLevel', 'category', 'color', 'page', 'pageSize', 'caseCode', 'phone', 'q', 'from', 'to', 'sort'), fc.string()), async (q) => {
        const qs = new URLSearchParams(q).toString();
        for (const path of [`/tickets?${qs}`, `/reports/lookup?${qs}`, `/reports/mine?${qs}`]) {
          const r = await t.req('GET', path, { token: dispatcher });
          expect(r.status).toBeLessThan(500);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('bodies that are not JSON at all', async () => {
    for (const raw of ['', 'null', '"text"', '{"text":"a"', '\u0000\u0001', 'text=hello']) {
      for (const type of ['application/json', 'text/plain', 'application/x-www-form-urlencoded']) {
        const r = await t.req('POST', '/reports', { token: resident, raw, headers: { 'content-type': type, 'idempotency-key': randomUUID() } });
        expect(r.status).toBeLessThan(500);
      }
    }
  });
});

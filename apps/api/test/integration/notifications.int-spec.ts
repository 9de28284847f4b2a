import { randomUUID } from 'node:crypto';
import { Clock } from '../../src/common/clock';
import { SupervisionService } from '../../src/modules/deadlines/supervision.service';
import { MessagesRepository } from '../../src/modules/messages/messages.repository';
import { OutboxWorker } from '../../src/modules/messages/outbox.worker';
import { startFakeSmsGateway } from '../fakes/sms-gateway';
import { startFakeWechat } from '../fakes/wechat-server';
import { startTestApp, uniquePhone, type TestApp } from '../helpers/test-app';
import { PLACE, TEXT, World } from '../factories/world';

const TEMPLATE = 'TPL_case_progress_01';
const MIN = 60_000;

describe('notifications: in-app messages, WeChat subscription messages, SMS fallback (MariaDB)', () => {
  let t: TestApp;
  let w: World;
  let wechat: Awaited<ReturnType<typeof startFakeWechat>>;
  let sms: Awaited<ReturnType<typeof startFakeSmsGateway>>;
  let clock: Clock;
  let now: number;
  const travel = (ms: number) => {
    now += ms;
    jest.spyOn(clock, 'now').mockImplementation(() => new Date(now));
  };

  // Who is who: user ids by name, and tokens.
  const ids: Record<string, string> = {};
  const tokens: Record<string, string> = {};
  let seen = new Set<string>();
  let resident: { token: string; phone: string; userId: string };

  /** Messages written since the last call, as sorted "name:kind" strings. */
  async function newMessages(ticketId: string): Promise<string[]> {
    const rows = await w.sql<{ id: string; user_id: string; kind: string }>('SELECT id, user_id, kind FROM messages WHERE ticket_id = ?', [ticketId]);
    const fresh = rows.filter((r) => !seen.has(r.id));
    fresh.forEach((r) => seen.add(r.id));
    const name = (id: string) => Object.keys(ids).find((k) => ids[k] === id) ?? `unknown(${id})`;
    return fresh.map((r) => `${name(r.user_id)}:${r.kind}`).sort();
  }

  async function smsResident(): Promise<{ token: string; phone: string; userId: string }> {
    const phone = uniquePhone();
    expect((await t.req('POST', '/auth/sms/send', { body: { phone } })).status).toBe(200);
    const code = /\d{6}/.exec(sms.received.filter((m) => m.phone === phone).at(-1)!.text)![0];
    const r = await t.req('POST', '/auth/sms/verify', { body: { phone, code } });
    return { token: r.body.accessToken, phone, userId: r.body.user.id };
  }

  beforeAll(async () => {
    wechat = await startFakeWechat({ appid: 'wxdemo', secret: 'wxsecret' });
    sms = await startFakeSmsGateway();
    t = await startTestApp({
      WECHAT_API_BASE: wechat.base,
      WECHAT_APPID: 'wxdemo',
      WECHAT_SECRET: 'wxsecret',
      WECHAT_SUBSCRIBE_TEMPLATE_ID: TEMPLATE,
      SMS_PROVIDER: 'http',
      SMS_HTTP_URL: sms.url,
      SMS_MIN_INTERVAL_SECONDS: '0',
    });
    w = await World.create(t);
    clock = t.app.get(Clock);
    const me = async (token: string) => (await t.req('GET', '/auth/me', { token })).body.id as string;
    for (const [name, login] of Object.entries({ streetDispatcher: 'street-dispatcher', districtDispatcher: 'dispatcher', handler: 'handler', hrssHandler: 'hrss-handler', gridWorker: 'grid-worker', leader: 'leader' })) {
      tokens[name] = await t.staff(login);
      ids[name] = await me(tokens[name]);
    }
    tokens.streetDispatcher2 = await w.staff('dispatcher', 'D01S01');
    ids.streetDispatcher2 = await me(tokens.streetDispatcher2);
    tokens.handler2 = await w.staff('handler', 'D01S01', { department: 'justice' });
    ids.handler2 = await me(tokens.handler2);
    tokens.westHandler = await w.staff('handler', 'D01S02', { department: 'justice' });
    ids.westHandler = await me(tokens.westHandler);
    resident = await smsResident();
    tokens.resident = resident.token;
    ids.resident = resident.userId;
    const other = await smsResident();
    tokens.otherResident = other.token;
    ids.otherResident = other.userId;
  });
  beforeEach(() => {
    now = Date.now();
    travel(0);
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(async () => {
    await w.close();
    await t.close();
    await wechat.close();
    await sms.close();
  });

  it('each ticket event reaches exactly the right users and nobody else', async () => {
    const justice = w.dep('D01S01', 'justice');
    const tk = await w.report(tokens.resident, TEXT.low, PLACE.eastGrid1);
    seen = new Set();
    expect(await newMessages(tk.id)).toEqual([]); // filing tells nobody yet

    await w.must(tokens.streetDispatcher, tk.id, 'accept');
    expect(await newMessages(tk.id)).toEqual(['resident:case_accepted']);

    await w.must(tokens.streetDispatcher, tk.id, 'dispatch', { departmentId: justice });
    expect(await newMessages(tk.id)).toEqual(['handler2:ticket_assigned', 'handler:ticket_assigned', 'resident:case_dispatched'].sort());

    await w.must(tokens.handler, tk.id, 'return', { note: '不属本所职责' });
    // The ticket sits at a community centre without dispatchers: its street centre's dispatchers hear of it.
    expect(await newMessages(tk.id)).toEqual(['streetDispatcher2:ticket_returned', 'streetDispatcher:ticket_returned']);

    await w.must(tokens.streetDispatcher, tk.id, 'dispatch', { departmentId: justice });
    await newMessages(tk.id);
    await w.must(tokens.handler, tk.id, 'sign');
    expect(await newMessages(tk.id)).toEqual([]);

    await w.must(tokens.streetDispatcher, tk.id, 'supervise', { note: '请本周内办结' });
    expect(await newMessages(tk.id)).toEqual(['handler2:ticket_supervised', 'handler:ticket_supervised']);

    await w.must(tokens.handler, tk.id, 'feedback', { outcome: 'mediated', note: '已调解' });
    expect(await newMessages(tk.id)).toEqual(['resident:case_resolved']);

    await w.must(tokens.resident, tk.id, 'evaluate', { satisfaction: 'unsatisfied' });
    expect(await newMessages(tk.id)).toEqual(['streetDispatcher2:resident_unsatisfied', 'streetDispatcher:resident_unsatisfied']);

    // The resident got an SMS for each of their messages (no WeChat openid, a phone), through the same SmsProvider as login.
    await t.app.get(OutboxWorker).drain();
    const texts = sms.received.filter((m) => m.text.includes(tk.caseCode)).map((m) => m.text);
    // accepted, dispatched (twice: before and after the return), resolved
    expect(texts).toHaveLength(4);
    expect(texts.filter((x) => x.includes('已受理'))).toHaveLength(1);
    expect(texts.filter((x) => x.includes('已办结'))).toHaveLength(1);
    expect(sms.received.filter((m) => m.text.includes(tk.caseCode)).every((m) => m.phone === resident.phone)).toBe(true);
  });

  it('escalation reaches the next centre up; the sweep 督办 reaches the department and tells the centre the ticket turned red', async () => {
    const up = await w.report(tokens.otherResident, TEXT.medium, PLACE.eastGrid1); // street centre
    await w.must(tokens.streetDispatcher, up.id, 'accept');
    await newMessages(up.id);
    await w.must(tokens.streetDispatcher, up.id, 'escalate', { note: '涉及多部门' });
    expect(await newMessages(up.id)).toEqual(['districtDispatcher:ticket_escalated']);

    const late = await w.report(tokens.otherResident, TEXT.low, PLACE.eastGrid1);
    await w.must(tokens.streetDispatcher, late.id, 'accept');
    await w.must(tokens.streetDispatcher, late.id, 'dispatch', { departmentId: w.dep('D01S01', 'justice') });
    await newMessages(late.id);
    travel(24 * 60 * MIN + 1000);
    expect(await t.app.get(SupervisionService).sweep()).toBeGreaterThanOrEqual(1);
    expect(await newMessages(late.id)).toEqual(
      ['handler2:ticket_supervised', 'handler:ticket_supervised', 'streetDispatcher2:ticket_overdue', 'streetDispatcher:ticket_overdue'].sort(),
    );
  });

  it('a failing notification never fails or undoes the action that caused it', async () => {
    const tk = await w.report(tokens.resident, TEXT.low, PLACE.eastGrid1);
    jest.spyOn(t.app.get(MessagesRepository), 'insertMany').mockRejectedValue(new Error('disk full'));
    const r = await w.act(tokens.streetDispatcher, tk.id, 'accept');
    expect(r.status).toBe(200);
    expect((await w.row(tk.id)).status).toBe('accepted');
    expect(await w.sql('SELECT id FROM messages WHERE ticket_id = ?', [tk.id])).toEqual([]);
  });

  it('GET /messages, unread count, read one, read all; another user\'s message is a 404', async () => {
    const tk = await w.report(tokens.resident, TEXT.low, PLACE.eastGrid1);
    await w.must(tokens.streetDispatcher, tk.id, 'accept');
    const list = await t.req('GET', '/messages', { token: tokens.resident });
    expect(list.status).toBe(200);
    const item = list.body.items.find((m: { ticketId: string }) => m.ticketId === tk.id);
    expect(item).toEqual({ id: expect.any(String), kind: 'case_accepted', title: '案件已受理', body: expect.stringContaining(tk.caseCode), ticketId: tk.id, read: false, createdAt: expect.any(String) });
    const unread = (await t.req('GET', '/messages/unread-count', { token: tokens.resident })).body.unread;
    expect(unread).toBe(list.body.unread);
    expect(unread).toBeGreaterThan(0);

    expect((await t.req('POST', `/messages/${item.id}/read`, { token: tokens.otherResident })).status).toBe(404);
    expect((await t.req('POST', `/messages/${item.id}/read`, { token: tokens.handler })).status).toBe(404);
    const read = await t.req('POST', `/messages/${item.id}/read`, { token: tokens.resident });
    expect(read.status).toBe(200);
    expect(read.body.read).toBe(true);
    expect((await t.req('GET', '/messages/unread-count', { token: tokens.resident })).body.unread).toBe(unread - 1);
    expect((await t.req('POST', '/messages/not-a-uuid/read', { token: tokens.resident })).status).toBe(404);

    expect((await t.req('POST', '/messages/read-all', { token: tokens.resident })).status).toBe(200);
    expect((await t.req('GET', '/messages/unread-count', { token: tokens.resident })).body.unread).toBe(0);
    // Another user's box was untouched by read-all.
    expect((await t.req('GET', '/messages/unread-count', { token: tokens.handler })).body.unread).toBeGreaterThan(0);
  });

  it('a WeChat subscription message fails twice (errcode -1, HTTP 500) and goes out on the third try after the backoff; one grant, one send', async () => {
    const login = await t.req('POST', '/auth/wechat', { body: { code: `ok-wx${randomUUID().slice(0, 6)}-1` } });
    const wx = { token: login.body.accessToken as string, userId: login.body.user.id as string };
    const openid = (await w.sql<{ wechat_openid: string }>('SELECT wechat_openid FROM users WHERE id = ?', [wx.userId]))[0].wechat_openid;
    const sub = await t.req('POST', '/messages/subscriptions', { token: wx.token, body: { templateIds: [TEMPLATE] } });
    expect(sub.status).toBe(200);
    expect(sub.body.subscriptions).toEqual([{ templateId: TEMPLATE, remaining: 1 }]);
    expect((await t.req('POST', '/messages/subscriptions', { token: tokens.handler, body: { templateIds: [TEMPLATE] } })).status).toBe(403);
    expect((await t.req('POST', '/messages/subscriptions', { token: wx.token, body: { templateIds: ['bad id!'] } })).body.errors).toHaveProperty(['templateIds']);

    const tk = await w.report(wx.token, TEXT.low, PLACE.eastGrid1);
    wechat.failNext.push('errcode', 'http500');
    const sentBefore = wechat.sent.length;
    await w.must(tokens.streetDispatcher, tk.id, 'accept'); // returns at once: the send is the worker's business
    const outbox = () => w.sql<{ status: string; attempts: number; channel: string }>('SELECT status, attempts, channel FROM notification_outbox WHERE user_id = ?', [wx.userId]);
    expect(await outbox()).toEqual([{ status: 'pending', attempts: 0, channel: 'wechat' }]);

    const worker = t.app.get(OutboxWorker);
    await worker.drain(); // errcode -1
    expect(await outbox()).toEqual([{ status: 'pending', attempts: 1, channel: 'wechat' }]);
    await worker.drain(); // not due yet: nothing is tried
    expect(await outbox()).toEqual([{ status: 'pending', attempts: 1, channel: 'wechat' }]);
    travel(MIN + 1000);
    await worker.drain(); // HTTP 500
    expect(await outbox()).toEqual([{ status: 'pending', attempts: 2, channel: 'wechat' }]);
    travel(5 * MIN + 1000);
    await worker.drain();
    expect(await outbox()).toEqual([{ status: 'sent', attempts: 3, channel: 'wechat' }]);
    expect(wechat.sent.slice(sentBefore)).toEqual([
      {
        touser: openid,
        template_id: TEMPLATE,
        page: `packages/case/lookup/index?caseCode=${encodeURIComponent(tk.caseCode)}`,
        data: { thing1: { value: '案件已受理' }, character_string2: { value: tk.caseCode }, phrase3: { value: '已受理' }, time4: { value: expect.stringMatching(/^\d{4}年\d{2}月\d{2}日 \d{2}:\d{2}$/) } },
      },
    ]);
    const tokenCalls = wechat.tokenCalls();

    // The one-time grant is spent: the next event is an in-app message only (no phone, so no SMS either).
    await w.must(tokens.streetDispatcher, tk.id, 'dispatch', { departmentId: w.dep('D01S01', 'justice') });
    expect((await t.req('GET', '/messages', { token: wx.token })).body.items.map((m: { kind: string }) => m.kind)).toEqual(['case_dispatched', 'case_accepted']);
    expect(await outbox()).toHaveLength(1);
    await worker.drain();
    expect(wechat.tokenCalls()).toBe(tokenCalls); // the access_token stayed cached
  });
});

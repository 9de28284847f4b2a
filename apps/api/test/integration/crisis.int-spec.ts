import { randomUUID } from 'node:crypto';
import { Clock } from '../../src/common/clock';
import { CrisisWatch } from '../../src/modules/messages/crisis-watch.service';
import { OutboxWorker } from '../../src/modules/messages/outbox.worker';
import { startFakeSmsGateway } from '../fakes/sms-gateway';
import { startTestApp, uniquePhone, type TestApp } from '../helpers/test-app';
import { PLACE, TEXT, World } from '../factories/world';

const MIN = 60_000;
/** Hinted, not stated: a farewell and "not coming back" (DOMAIN.md self_harm). */
const CRISIS = '欠的债这辈子是还不上了,老婆孩子也走了,活着真没意思。东西都送人了,跟我妈也道过别了,今晚去江边,不回来了';
const VENTING = '楼上装修天天从早上七点砸到晚上,吵得我烦死了,累死了,跟物业说了好几次也没人管';

/**
 * The crisis answer (issue 21, DOMAIN.md Flags): a report that raises
 * self_harm shows its reporter the hotlines first, goes to the district
 * centre as urgent with a one-hour acceptance clock, and reaches every
 * district dispatcher in the app and the one on duty by SMS; an hour without
 * acceptance is chased once.
 */
describe('crisis answer: self_harm reports (MariaDB)', () => {
  let t: TestApp;
  let w: World;
  let sms: Awaited<ReturnType<typeof startFakeSmsGateway>>;
  let clock: Clock;
  let resident: string;
  let dispatcher: string;
  const ids: Record<string, string> = {};
  const phones = { onDuty: uniquePhone(), offDuty: uniquePhone(), leader: uniquePhone() };

  const me = async (token: string) => (await t.req('GET', '/auth/me', { token })).body.id as string;
  const messages = (ticketId: string) => w.sql<{ user_id: string; kind: string; body: string }>('SELECT user_id, kind, body FROM messages WHERE ticket_id = ?', [ticketId]);
  const smsFor = (caseCode: string) => sms.received.filter((m) => m.text.includes(caseCode));

  beforeAll(async () => {
    sms = await startFakeSmsGateway();
    t = await startTestApp({ SMS_PROVIDER: 'http', SMS_HTTP_URL: sms.url, SMS_MIN_INTERVAL_SECONDS: '0' });
    w = await World.create(t);
    clock = t.app.get(Clock);
    // A real gateway reveals no code: read it from what the fake gateway received.
    const phone = uniquePhone();
    expect((await t.req('POST', '/auth/sms/send', { body: { phone } })).status).toBe(200);
    const code = /\d{6}/.exec(sms.received.filter((m) => m.phone === phone).at(-1)!.text)![0];
    resident = (await t.req('POST', '/auth/sms/verify', { body: { phone, code } })).body.accessToken;
    dispatcher = await t.staff('dispatcher');
    ids.dispatcher = await me(dispatcher);
    const second = await w.staff('dispatcher', 'D01');
    ids.second = await me(second);
    ids.street = await me(await t.staff('street-dispatcher'));
    ids.leader = await me(await t.staff('leader'));
    // The demo desk is on duty with a phone; a colleague has a phone but is off duty.
    await w.sql('UPDATE users SET phone = ? WHERE id = ?', [phones.onDuty, ids.dispatcher]);
    await w.sql('UPDATE users SET phone = ?, on_duty_since = NULL WHERE id = ?', [phones.offDuty, ids.second]);
    await w.sql('UPDATE users SET phone = ? WHERE id = ?', [phones.leader, ids.leader]);
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(async () => {
    await w.close();
    await t.close();
    await sms.close();
  });

  it('a hinted suicide from a resident: hotlines first, district centre, one-hour clock, dispatchers told, the one on duty by SMS', async () => {
    const before = Date.now();
    const r = await t.req('POST', '/reports', { token: resident, body: { text: CRISIS, location: PLACE.eastGrid1 }, headers: { 'idempotency-key': randomUUID() } });
    expect(r.status).toBe(201);
    const tk = r.body;
    expect(tk.triage.riskLevel).toBe('high');
    const flag = tk.triage.flags.find((f: { code: string }) => f.code === 'self_harm');
    expect(flag).toBeTruthy();
    // Quotes the words that raised it (several quotes are joined with 、).
    for (const quote of flag.evidence.split('、')) expect(CRISIS).toContain(quote);
    expect(tk.urgent).toBe(true);
    expect(tk.crisis.hotlines.map((h: { number: string }) => h.number)).toEqual(['12356', '110', '120']);
    expect(tk.crisis.body).toContain('拨打');
    // District centre, whatever the location's tier would say.
    expect(tk.unitId).toBe(w.unit('D01'));
    const acceptBy = new Date(tk.acceptDeadline).getTime() - new Date(tk.createdAt).getTime();
    expect(acceptBy).toBe(60 * MIN);
    expect(new Date(tk.createdAt).getTime()).toBeGreaterThanOrEqual(before - 1000);

    // In the same transaction as the ticket: both district dispatchers, nobody at the street.
    const rows = await messages(tk.id);
    expect(rows.map((m) => m.user_id).sort()).toEqual([ids.dispatcher, ids.second].sort());
    expect(rows.every((m) => m.kind === 'crisis_report')).toBe(true);
    // The SMS goes to the one on duty only, and carries the case code, never the resident's words.
    await t.app.get(OutboxWorker).drain();
    const texts = smsFor(tk.caseCode);
    expect(texts.map((m) => m.phone)).toEqual([phones.onDuty]);
    expect(texts[0].text).toContain('1小时内受理');
    expect(texts[0].text).not.toContain('江边');

    // Staff see the flags and the urgency; the resident's own view keeps the hotlines.
    const staffView = await w.get(dispatcher, tk.id);
    expect(staffView.body).toMatchObject({ urgent: true });
    expect((staffView.body as any).crisis).toBeUndefined();
    expect((staffView.body as any).triage.flags.map((f: { code: string }) => f.code)).toContain('self_harm');
    const own = await w.get(resident, tk.id);
    expect((own.body as any).crisis.hotlines[0].number).toBe('12356');
  });

  it('venting idioms are not a crisis: normal routing, the 24-hour clock, nobody alerted', async () => {
    const tk = await w.report(resident, VENTING, PLACE.eastGrid1);
    const body = tk as any;
    expect(body.urgent).toBe(false);
    expect(body.crisis).toBeUndefined();
    expect((body.triage.flags ?? []).map((f: { code: string }) => f.code)).not.toContain('self_harm');
    expect(new Date(body.acceptDeadline).getTime() - new Date(body.createdAt).getTime()).toBe(24 * 60 * MIN);
    expect(await messages(tk.id)).toEqual([]);
  });

  it('queues a waiting crisis before every other ticket in the urgent sort, and filters by urgent', async () => {
    const crisis = await w.report(resident, CRISIS, PLACE.eastGrid2);
    await w.report(resident, TEXT.high, PLACE.eastGrid2); // newer, high, but no crisis
    const q = await t.req('GET', '/tickets?sort=urgent&status=submitted&pageSize=50', { token: dispatcher });
    expect(q.status).toBe(200);
    expect(q.body.items[0].urgent).toBe(true);
    const only = await t.req('GET', '/tickets?urgent=true&pageSize=50', { token: dispatcher });
    expect(only.body.items.map((x: { id: string }) => x.id)).toContain(crisis.id);
    expect(only.body.items.every((x: { urgent: boolean }) => x.urgent)).toBe(true);
    expect((await t.req('GET', '/tickets?urgent=maybe', { token: dispatcher })).body.errors).toHaveProperty('urgent');
  });

  it('a grid worker’s and a hotline report do the same for staff', async () => {
    const worker = await t.staff('grid-worker');
    const g = await t.req('POST', '/reports', {
      token: worker,
      body: { text: '走访独居老人张某,其称老伴走后活着没意思,已把存折和钥匙交给邻居保管,让邻居以后别惦记他', channel: 'grid_patrol' },
      headers: { 'idempotency-key': randomUUID() },
    });
    expect(g.status).toBe(201);
    expect(g.body).toMatchObject({ urgent: true, unitId: w.unit('D01') });
    expect(g.body.crisis.title).toBe('可能涉及自伤/自杀风险'); // the staff wording, not the resident's
    expect((await messages(g.body.id)).length).toBe(2);

    const orderNo = `CR${Date.now()}`;
    const h = await t.req('POST', '/imports/hotline', {
      token: dispatcher,
      body: { orders: [{ orderNo, text: '来电人称其儿子在校长期被同学欺负,近日不吃饭,在本子上写"我走了你们就清净了",家长十分担心', callerPhone: uniquePhone() }] },
    });
    expect(h.status).toBe(200);
    const id = h.body.results[0].ticketId;
    const row = await w.row(id);
    expect(row.urgent).toBe(1);
    expect(row.unit_id).toBe(w.unit('D01'));
  });

  it('an hour without acceptance is chased once; an accepted crisis is not', async () => {
    const waiting = await w.report(resident, CRISIS, PLACE.westGrid1);
    const accepted = await w.report(resident, CRISIS, PLACE.westGrid1);
    await w.must(dispatcher, accepted.id, 'accept');
    const watch = t.app.get(CrisisWatch);
    const now = Date.now();
    jest.spyOn(clock, 'now').mockImplementation(() => new Date(now + 59 * MIN));
    expect(await watch.sweep()).toBe(0);
    jest.spyOn(clock, 'now').mockImplementation(() => new Date(now + 61 * MIN));
    const chasedIds = new Set<string>();
    for (let i = 0; i < 5 && (await watch.sweep()) > 0; i++);
    for (const r of await w.sql<{ id: string }>('SELECT id FROM tickets WHERE accept_chased_at IS NOT NULL')) chasedIds.add(r.id);
    expect(chasedIds.has(waiting.id)).toBe(true);
    expect(chasedIds.has(accepted.id)).toBe(false);
    expect(await watch.sweep()).toBe(0); // once
    const chase = (await messages(waiting.id)).filter((m) => m.kind === 'crisis_unaccepted');
    expect(chase.map((m) => m.user_id).sort()).toEqual([ids.dispatcher, ids.second, ids.leader].sort());
    await t.app.get(OutboxWorker).drain();
    const chaseSms = smsFor(waiting.caseCode).filter((m) => m.text.includes('未受理'));
    expect(chaseSms.map((m) => m.phone).sort()).toEqual([phones.onDuty, phones.leader].sort());
  });

  it('值班: a dispatcher signs off and on; with nobody on duty every dispatcher with a phone gets the SMS', async () => {
    expect((await t.req('PUT', '/duty', { token: resident, body: { onDuty: true } })).status).toBe(403);
    const bad = await t.req('PUT', '/duty', { token: dispatcher, body: { onDuty: 'yes' } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toHaveProperty('onDuty');

    const off = await t.req('PUT', '/duty', { token: dispatcher, body: { onDuty: false } });
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ onDuty: false, since: null });
    const tk = await w.report(resident, CRISIS, PLACE.eastGrid1);
    await t.app.get(OutboxWorker).drain();
    expect(smsFor(tk.caseCode).map((m) => m.phone).sort()).toEqual([phones.onDuty, phones.offDuty].sort());

    const on = await t.req('PUT', '/duty', { token: dispatcher, body: { onDuty: true } });
    expect(on.body.onDuty).toBe(true);
    expect((await t.req('GET', '/duty', { token: dispatcher })).body.onDutyNames).toEqual(['区综治中心受理员']);
  });
});

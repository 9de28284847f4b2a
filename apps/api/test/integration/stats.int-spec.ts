import { randomUUID } from 'node:crypto';
import { Clock } from '../../src/common/clock';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { PLACE, TEXT, World, type Ticket } from '../factories/world';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
/** 2026-03-10 10:00 China time. */
const T = Date.parse('2026-03-10T02:00:00Z');
/** The period asked for: China days 03-10 … 03-20 inclusive = [03-09T16:00Z, 03-20T16:00Z). */
const PERIOD = 'from=2026-03-10&to=2026-03-20';

/**
 * Hand-counted fixtures, built through the real API and state machine with
 * the clock moved between steps. Viewer: the 东城街道 dispatcher. Every ticket
 * is in 东城 unless named W (西城, outside the viewer's unit).
 *
 *   A  accepted 03-09 23:59:59 (before the period) · feedback referred_to_court at T (in time) · evaluated 满意
 *   B  accepted T · feedback handled at T+8d (limit 7 d: late) · 回访 → closed
 *   C  accepted T+1d · feedback unresolved T+2d · evaluated 不满意 (重办: 7 more days from T+2d+1h) · feedback mediated T+9d (on time) · evaluated 基本满意
 *   J  grid worker settles on the spot at T+1d (mediated) · 回访 → closed
 *   D  accepted T+2d · dispatched, never signed → red at "now" (T+10d)
 *   E  accepted T+3d · dispatched 1 h before now → blue
 *   E2 accepted T+3d · dispatched 3 h before now (sign limit 4 h, yellow from 2 h 40) → yellow
 *   H  accepted 03-20 23:59 (last minute of the period) · I accepted 03-21 00:00 (first minute after)
 *   F  declined · G never accepted
 *   W  西城: accepted T, resolved mediated T+1d, evaluated 满意
 *
 * Expected for the 东城 dispatcher:
 *   受理量 = B C J D E E2 H = 7
 *   办结 = A B C J = 4; 化解 (mediated|handled) = B C J = 3 → 0.75; in time = A J = 2 → 0.5
 *   评价 = A(满意) C(不满意) C(基本满意) = 3, satisfied 2 → 0.6667
 *   销号 = A B C J = 4, by 回访 = B J = 2 → 0.5
 *   open by colour now = blue 1 (E), yellow 1 (E2), red 1 (D)
 */
describe('stats: the centre figures, hand-counted (MariaDB)', () => {
  let t: TestApp;
  let w: World;
  let clock: Clock;
  let resident: { token: string };
  let sd: string; // 东城 street dispatcher
  let handler: string;
  let gridWorker: string;
  let westDispatcher: string;
  let westHandler: string;
  let leader: string;
  const ids: Record<string, string> = {};

  const at = (ms: number) => jest.spyOn(clock, 'now').mockImplementation(() => new Date(ms));
  const justice = () => w.dep('D01S01', 'justice');

  async function report(text: string = TEXT.medium, place: { lat: number; lng: number } = PLACE.eastGrid1): Promise<Ticket> {
    return w.report(resident.token, text, place);
  }

  beforeAll(async () => {
    t = await startTestApp();
    w = await World.create(t);
    clock = t.app.get(Clock);
    resident = await t.resident();
    sd = await t.staff('street-dispatcher');
    handler = await t.staff('handler');
    gridWorker = await t.staff('grid-worker');
    leader = await t.staff('leader');
    westDispatcher = await w.staff('dispatcher', 'D01S02');
    westHandler = await w.staff('handler', 'D01S02', { department: 'justice' });

    // A
    const a = await report();
    ids.A = a.id;
    at(Date.parse('2026-03-09T15:59:59Z'));
    await w.must(sd, a.id, 'accept');
    await w.must(sd, a.id, 'dispatch', { departmentId: justice() });
    await w.must(handler, a.id, 'sign');
    at(T);
    await w.must(handler, a.id, 'feedback', { outcome: 'referred_to_court', note: '已引导诉讼' });
    at(T + HOUR);
    await w.must(resident.token, a.id, 'evaluate', { satisfaction: 'satisfied' });

    // B
    const b = await report();
    ids.B = b.id;
    at(T);
    await w.must(sd, b.id, 'accept');
    await w.must(sd, b.id, 'dispatch', { departmentId: justice() });
    await w.must(handler, b.id, 'sign');
    at(T + 8 * DAY);
    await w.must(handler, b.id, 'feedback', { outcome: 'handled' });
    at(T + 8 * DAY + HOUR);
    await w.must(sd, b.id, 'return_visit', { method: 'phone', note: '群众表示认可' });

    // C
    const c = await report();
    ids.C = c.id;
    at(T + DAY);
    await w.must(sd, c.id, 'accept');
    await w.must(sd, c.id, 'dispatch', { departmentId: justice() });
    await w.must(handler, c.id, 'sign');
    at(T + 2 * DAY);
    await w.must(handler, c.id, 'feedback', { outcome: 'unresolved', note: '双方分歧大' });
    at(T + 2 * DAY + HOUR);
    await w.must(resident.token, c.id, 'evaluate', { satisfaction: 'unsatisfied' });
    at(T + 9 * DAY);
    await w.must(handler, c.id, 'feedback', { outcome: 'mediated' });
    at(T + 9 * DAY + HOUR);
    await w.must(resident.token, c.id, 'evaluate', { satisfaction: 'basically_satisfied' });

    // J: the grid worker's own report, settled on the spot
    const j = await t.req('POST', '/reports', { token: gridWorker, body: { text: TEXT.low, channel: 'grid_patrol', location: PLACE.eastGrid1 }, headers: { 'idempotency-key': randomUUID() } });
    expect(j.status).toBe(201);
    ids.J = j.body.id;
    at(T + DAY);
    await w.must(gridWorker, ids.J, 'settle_on_site', { outcome: 'mediated', note: '现场调解' });
    at(T + DAY + HOUR);
    await w.must(sd, ids.J, 'return_visit', { method: 'visit', note: '上门回访' });

    // D, E, E2
    const d = await report();
    ids.D = d.id;
    at(T + 2 * DAY);
    await w.must(sd, d.id, 'accept');
    await w.must(sd, d.id, 'dispatch', { departmentId: justice() });
    for (const [name, before] of [['E', HOUR], ['E2', 3 * HOUR]] as const) {
      const x = await report();
      ids[name] = x.id;
      at(T + 3 * DAY);
      await w.must(sd, x.id, 'accept');
      at(T + 10 * DAY - before);
      await w.must(sd, x.id, 'dispatch', { departmentId: justice() });
    }

    // H, I: the period's end
    for (const [name, when] of [['H', '2026-03-20T15:59:00Z'], ['I', '2026-03-20T16:00:00Z']] as const) {
      const x = await report();
      ids[name] = x.id;
      at(Date.parse(when));
      await w.must(sd, x.id, 'accept');
    }

    // F declined, G waiting
    const f = await report();
    at(T);
    await w.must(sd, f.id, 'decline', { note: '不属于受理范围', guidance: '请向法院起诉' });
    ids.G = (await report()).id;

    // W in 西城
    const wt = await report(TEXT.medium, PLACE.westGrid1);
    ids.W = wt.id;
    at(T);
    await w.must(westDispatcher, wt.id, 'accept');
    await w.must(westDispatcher, wt.id, 'dispatch', { departmentId: w.dep('D01S02', 'justice') });
    await w.must(westHandler, wt.id, 'sign');
    at(T + DAY);
    await w.must(westHandler, wt.id, 'feedback', { outcome: 'mediated' });
    await w.must(resident.token, wt.id, 'evaluate', { satisfaction: 'satisfied' });

    at(T + 10 * DAY);
  }, 120_000);

  afterAll(async () => {
    jest.restoreAllMocks();
    await w.close();
    await t.close();
  });

  const summary = async (token: string, q = PERIOD) => {
    const r = await t.req('GET', `/stats/summary?${q}`, { token });
    expect(r.status).toBe(200);
    return r.body;
  };

  it('computes every figure exactly for the street centre, leaving 西城 out', async () => {
    at(T + 10 * DAY);
    const s = await summary(sd);
    expect(s).toMatchObject({
      from: '2026-03-09T16:00:00.000Z',
      to: '2026-03-20T16:00:00.000Z',
      accepted: 7,
      resolved: 4,
      resolvedSuccessfully: 3,
      resolvedOnTime: 3,
      resolutionRate: 0.75,
      onTimeRate: 0.75,
      evaluations: 3,
      satisfied: 2,
      satisfactionRate: 0.6667,
      closed: 4,
      returnVisited: 2,
      returnVisitRate: 0.5,
      byColor: { blue: 1, yellow: 1, red: 1 },
      byRiskLevel: { medium: 6, low: 1 },
    });
    expect(Object.values(s.byCategory as Record<string, number>).reduce((x, y) => x + y, 0)).toBe(7);
  });

  it('counts 西城 for the district leader, and the leader narrowed to 东城 sees the street figures', async () => {
    at(T + 10 * DAY);
    const all = await summary(leader);
    expect(all).toMatchObject({ accepted: 8, resolved: 5, resolvedSuccessfully: 4, resolvedOnTime: 4, evaluations: 4, satisfied: 3, closed: 5, returnVisited: 2 });
    const east = await summary(leader, `${PERIOD}&unitId=${w.unit('D01S01')}`);
    expect(east).toMatchObject({ accepted: 7, resolved: 4, resolvedSuccessfully: 3, resolvedOnTime: 3, evaluations: 3, satisfied: 2, closed: 4, returnVisited: 2, byColor: { blue: 1, yellow: 1, red: 1 } });
  });

  it('honours the period bounds: a date-only `to` includes its last minute, not the next day', async () => {
    at(T + 10 * DAY);
    expect((await summary(sd, 'from=2026-03-20&to=2026-03-20')).accepted).toBe(1); // H
    expect((await summary(sd, 'from=2026-03-21&to=2026-03-21')).accepted).toBe(1); // I
    expect((await summary(sd, 'from=2026-03-09&to=2026-03-09')).accepted).toBe(1); // A
    // An ISO `to` is exclusive: A's acceptance at 15:59:59Z is out when `to` is that instant.
    expect((await summary(sd, 'from=2026-03-09T00:00:00Z&to=2026-03-09T15:59:59Z')).accepted).toBe(0);
    // With no evaluations in the period a rate is null, not 0.
    const empty = await summary(sd, 'from=2025-01-01&to=2025-01-31');
    expect(empty).toMatchObject({ accepted: 0, resolved: 0, resolutionRate: null, satisfactionRate: null, returnVisitRate: null });
  });

  it('breaks down by street, category, risk and department and gives a daily trend', async () => {
    at(T + 10 * DAY);
    const byStreet = (await t.req('GET', `/stats/breakdown?by=street&${PERIOD}`, { token: leader })).body;
    const row = (name: string) => byStreet.items.find((i: { label: string }) => i.label === name);
    expect(row('东城街道')).toMatchObject({ accepted: 7, resolved: 4 });
    expect(row('西城街道')).toMatchObject({ accepted: 1, resolved: 1 });
    const byRisk = (await t.req('GET', `/stats/breakdown?by=riskLevel&${PERIOD}`, { token: sd })).body;
    expect(Object.fromEntries(byRisk.items.map((i: { key: string; accepted: number }) => [i.key, i.accepted]))).toEqual({ medium: 6, low: 1 });
    const byDep = (await t.req('GET', `/stats/breakdown?by=department&${PERIOD}`, { token: sd })).body;
    expect(byDep.items.find((i: { label: string }) => i.label === '东城街道司法所')).toMatchObject({ resolved: 3 });

    const trend = (await t.req('GET', `/stats/trend?${PERIOD}`, { token: sd })).body;
    expect(trend.days).toHaveLength(11);
    expect(trend.days.map((d: { accepted: number }) => d.accepted)).toEqual([1, 2, 1, 2, 0, 0, 0, 0, 0, 0, 1]);
    expect(trend.days[0].date).toBe('2026-03-10');
    expect(trend.days.map((d: { resolved: number }) => d.resolved)).toEqual([1, 1, 1, 0, 0, 0, 0, 0, 1, 1, 0]); // A; J; C (unresolved); …; B; C again
  });

  it('lists the red tickets with who holds them, for how long, and offers 督办', async () => {
    at(T + 10 * DAY);
    const red = (await t.req('GET', '/stats/red-list', { token: sd })).body;
    expect(red.items).toHaveLength(1);
    expect(red.items[0]).toMatchObject({
      id: ids.D,
      stage: 'sign',
      departmentName: '东城街道司法所',
      unitName: '东城街道综治中心',
      overdueMinutes: 8 * 24 * 60 - 4 * 60,
      allowedActions: ['supervise'],
    });
    const sup = await w.act(leader, ids.D, 'supervise');
    expect(sup.status).toBe(200);
    expect((await t.req('GET', '/stats/red-list', { token: leader })).body.items[0]).toMatchObject({ id: ids.D, supervisedCount: 1 });
  });

  it('draws the map: located reports of the period and the area boundaries', async () => {
    // Reports carry the real creation time (intake does not read the test clock).
    const day = (ms: number) => new Date(ms + 8 * HOUR).toISOString().slice(0, 10);
    const q = `from=${day(Date.now() - DAY)}&to=${day(Date.now() + DAY)}`;
    const m = (await t.req('GET', `/stats/map?${q}`, { token: sd })).body;
    // 东城: A B C J D E E2 H I F G — W is in 西城.
    expect(m.points).toHaveLength(11);
    expect(m.points.map((p: { id: string }) => p.id)).not.toContain(ids.W);
    expect(m.points[0]).toEqual(expect.objectContaining({ lat: PLACE.eastGrid1.lat, lng: PLACE.eastGrid1.lng, riskLevel: expect.any(String), caseCode: expect.any(String) }));
    const names = m.areas.map((a: { name: string }) => a.name);
    expect(names).toEqual(expect.arrayContaining(['东城街道', '东城幸福社区第1网格']));
    expect(names.some((n: string) => n.startsWith('西城'))).toBe(false);
    expect((await t.req('GET', `/stats/summary?${q}`, { token: sd })).body.received).toBe(11);
  });

  it('is for leaders, dispatchers and admins only, within their own unit', async () => {
    expect((await t.req('GET', '/stats/summary', { token: handler })).status).toBe(403);
    expect((await t.req('GET', '/stats/summary', { token: resident.token })).status).toBe(403);
    expect((await t.req('GET', '/stats/summary')).status).toBe(401);
    const other = await t.req('GET', `/stats/summary?unitId=${w.unit('D01S02')}`, { token: sd });
    expect(other.status).toBe(403);
    expect((await t.req('GET', '/stats/summary?from=2026-03-10&to=2026-03-01', { token: sd })).status).toBe(400);
    expect((await t.req('GET', '/stats/breakdown?by=weather', { token: sd })).status).toBe(400);
    expect((await t.req('GET', '/stats/summary', { token: await t.staff('admin') })).status).toBe(200);
  });
});

import { Clock } from '../../src/common/clock';
import { SupervisionService } from '../../src/modules/deadlines/supervision.service';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { PLACE, TEXT, World, type Ticket } from '../factories/world';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

describe('deadlines, colours, supervision sweep, extensions (MariaDB)', () => {
  let t: TestApp;
  let w: World;
  let clock: Clock;
  let sweep: () => Promise<number>;
  let resident: { token: string };
  let dispatcher: string;
  let handler: string;
  let admin: string;
  let now: number;

  const travel = (ms: number) => {
    now += ms;
    jest.spyOn(clock, 'now').mockImplementation(() => new Date(now));
  };

  beforeAll(async () => {
    t = await startTestApp();
    w = await World.create(t);
    clock = t.app.get(Clock);
    const supervision = t.app.get(SupervisionService);
    sweep = () => supervision.sweep();
    resident = await t.resident();
    dispatcher = await t.staff('street-dispatcher');
    handler = await t.staff('handler');
    admin = await t.staff('admin');
  });
  beforeEach(() => {
    now = Date.now();
    travel(0);
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(async () => {
    await w.close();
    await t.close();
  });

  async function dispatched(text: string = TEXT.low): Promise<Ticket> {
    const r = await w.report(resident.token, text, PLACE.eastGrid1);
    await w.must(dispatcher, r.id, 'accept');
    return w.must(dispatcher, r.id, 'dispatch', { departmentId: w.dep('D01S01', 'justice') });
  }
  const colourOf = async (id: string) => (await w.get(dispatcher, id)).body.color;
  const notices = (id: string) => w.sql<{ kind: string; department_id: string; unit_id: string }>('SELECT kind, department_id, unit_id FROM supervision_notices WHERE ticket_id = ? ORDER BY created_at', [id]);

  it('colours a dispatched ticket blue, yellow at two thirds, red when overdue — the same in detail and in the colour filter', async () => {
    const tk = await dispatched();
    const inList = async (color: string) => (await t.req('GET', `/tickets?color=${color}&pageSize=50`, { token: dispatcher })).body.items.some((x: { id: string }) => x.id === tk.id);
    expect(await colourOf(tk.id)).toBe('blue');
    expect(await inList('blue')).toBe(true);
    travel(16 * HOUR); // sign-for within 24 h: two thirds is 16 h
    expect(await colourOf(tk.id)).toBe('yellow');
    expect([await inList('blue'), await inList('yellow'), await inList('red')]).toEqual([false, true, false]);
    travel(8 * HOUR);
    expect(await colourOf(tk.id)).toBe('red');
    expect([await inList('blue'), await inList('yellow'), await inList('red')]).toEqual([false, false, true]);
    // Signed: the resolve clock (15 days from dispatch) takes over.
    await w.must(handler, tk.id, 'sign');
    expect(await colourOf(tk.id)).toBe('blue');
  });

  it('the sweep issues one notice per crossing: sign, later resolve; re-running adds none', async () => {
    const tk = await dispatched();
    expect(await sweep()).toBe(0);
    travel(24 * HOUR + 1000);
    await sweep();
    await sweep();
    expect(await notices(tk.id)).toEqual([{ kind: 'sign', department_id: w.dep('D01S01', 'justice'), unit_id: w.unit('D01S01C01') }]);
    const trail = (await w.get(dispatcher, tk.id)).body.history.filter((h) => h.action === 'supervise');
    expect(trail).toEqual([expect.objectContaining({ fromStatus: 'dispatched', toStatus: 'dispatched', data: expect.objectContaining({ auto: true, kind: 'sign' }) })]);
    await w.must(handler, tk.id, 'sign');
    await sweep();
    expect(await notices(tk.id)).toHaveLength(1);
    travel(15 * DAY);
    await sweep();
    await sweep();
    expect((await notices(tk.id)).map((n) => n.kind)).toEqual(['sign', 'resolve']);
    const autos = (await w.get(dispatcher, tk.id)).body.history.filter((h) => h.action === 'supervise').map((h) => h.data?.kind);
    expect(autos).toEqual(['sign', 'resolve']);
  });

  it('the unique key holds even when two sweeps race, and the crossing is not repeated by a direct insert', async () => {
    const tk = await dispatched();
    travel(25 * HOUR);
    const [a, b] = await Promise.all([sweep(), sweep()]);
    expect(a + b).toBeGreaterThanOrEqual(1);
    expect(await notices(tk.id)).toHaveLength(1);
    const [n] = await w.sql<{ deadline_at: Date }>('SELECT deadline_at FROM supervision_notices WHERE ticket_id = ?', [tk.id]);
    await expect(
      w.sql("INSERT INTO supervision_notices (id, ticket_id, kind, deadline_at, unit_id, history_id, created_at) VALUES (UUID(), ?, 'sign', ?, 'x', 'x', NOW(3))", [tk.id, n.deadline_at]),
    ).rejects.toThrow(/Duplicate/);
  });

  it('time limits are admin data: per risk level and per category, validated, audited, applied at dispatch', async () => {
    const bad = await t.req('PUT', '/admin/time-limits', { token: admin, body: { rules: [{ riskLevel: 'extreme', signMinutes: 0, resolveMinutes: 10 }] } });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.errors)).toEqual(expect.arrayContaining(['rules.0.riskLevel', 'rules.0.signMinutes']));
    const shorter = await t.req('PUT', '/admin/time-limits', { token: admin, body: { rules: [{ riskLevel: 'low', signMinutes: 60, resolveMinutes: 30 }] } });
    expect(shorter.body.errors).toHaveProperty(['rules.0.resolveMinutes']);
    expect((await t.req('PUT', '/admin/time-limits', { token: dispatcher, body: { rules: [] } })).status).toBe(403);
    const ok = await t.req('PUT', '/admin/time-limits', {
      token: admin,
      body: {
        rules: [
          { riskLevel: 'low', signMinutes: 120, resolveMinutes: 2 * 24 * 60 },
          { riskLevel: 'low', category: 'neighbor', signMinutes: 30, resolveMinutes: 24 * 60 },
        ],
      },
    });
    expect(ok.status).toBe(200);
    expect(ok.body.byRiskLevel.low).toEqual({ signMinutes: 120, resolveMinutes: 2880 });
    const tk = await dispatched(TEXT.low); // a neighbour dispute: the category rule wins
    expect(Date.parse(tk.signDeadline as string) - Date.parse(tk.dispatchedAt as string)).toBe(30 * 60_000);
    expect(Date.parse(tk.resolveDeadline as string) - Date.parse(tk.dispatchedAt as string)).toBe(DAY);
    const changes = await t.req('GET', '/admin/time-limits/changes', { token: admin });
    expect(changes.body[0]).toMatchObject({ old: [], new: expect.arrayContaining([expect.objectContaining({ category: 'neighbor', signMinutes: 30 })]) });
    await t.req('PUT', '/admin/time-limits', { token: admin, body: { rules: [] } });
    expect((await t.req('GET', '/admin/time-limits', { token: admin })).body.byRiskLevel.low).toEqual({ signMinutes: 24 * 60, resolveMinutes: 15 * 24 * 60 });
  });

  describe('督办单已读', () => {
    const unread = async (token: string, filter = '') => (await t.req('GET', `/supervision-notices${filter}`, { token })).body;
    async function supervised() {
      const tk = await dispatched();
      await w.must(await t.staff('leader'), tk.id, 'supervise', { note: '请尽快签收' });
      const [n] = await w.sql<{ id: string }>('SELECT id FROM supervision_notices WHERE ticket_id = ?', [tk.id]);
      return n.id;
    }
    const read = (token: string, id: string) => t.req('POST', `/supervision-notices/${id}/read`, { token });

    it('the addressed handler marks it read once: the first time is kept, the dispatcher sees it, the unread filter and count follow', async () => {
      const before = await unread(handler);
      const id = await supervised();
      const fresh = await unread(handler);
      expect(fresh.unread).toBe(before.unread + 1);
      expect(fresh.items.find((n: { id: string }) => n.id === id)).toMatchObject({ readAt: null, readBy: null });
      const onlyUnread = await unread(handler, '?unread=true');
      expect(onlyUnread.items.map((n: { id: string }) => n.id)).toContain(id);
      expect(onlyUnread.items.every((n: { readAt: string | null }) => n.readAt === null)).toBe(true);
      expect((await unread(dispatcher)).items.find((n: { id: string }) => n.id === id)).toMatchObject({ readAt: null });

      const first = await read(handler, id);
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ id, readAt: new Date(now).toISOString(), readBy: expect.any(String) });
      travel(HOUR);
      const again = await read(handler, id);
      expect(again.status).toBe(200);
      expect(again.body).toMatchObject({ readAt: first.body.readAt, readBy: first.body.readBy });

      const after = await unread(handler);
      expect(after.unread).toBe(before.unread);
      expect((await unread(handler, '?unread=true')).items.map((n: { id: string }) => n.id)).not.toContain(id);
      expect((await unread(handler, '?unread=false')).items.map((n: { id: string }) => n.id)).toContain(id);
      // The dispatching centre can now tell the department has seen it, and when.
      expect((await unread(dispatcher)).items.find((n: { id: string }) => n.id === id)).toMatchObject({ readAt: first.body.readAt });
    });

    it('nobody else marks it: another department and a resident get 404, the centre that sees it 403; bad ids and filters are 400', async () => {
      const id = await supervised();
      expect((await read(await t.staff('hrss-handler'), id)).status).toBe(404);
      expect((await read(resident.token, id)).status).toBe(404);
      expect((await read(handler, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
      expect((await read(dispatcher, id)).status).toBe(403);
      expect((await unread(dispatcher)).items.find((n: { id: string }) => n.id === id)).toMatchObject({ readAt: null });
      const bad = await read(handler, 'not-a-uuid');
      expect(bad.status).toBe(400);
      expect(bad.body.errors).toHaveProperty('id');
      const badFilter = await t.req('GET', '/supervision-notices?unread=yes', { token: handler });
      expect(badFilter.status).toBe(400);
      expect(badFilter.body.errors).toHaveProperty('unread');
    });
  });

  describe('延期申请', () => {
    it('the handler asks with a reason and a later deadline; the dispatcher approves; the deadline moves and the trail says so', async () => {
      const tk = await dispatched();
      await w.must(handler, tk.id, 'sign');
      const url = `/tickets/${tk.id}/extension-requests`;
      const early = await t.req('POST', url, { token: handler, body: { reason: '等待鉴定', requestedDeadline: new Date(now + DAY).toISOString() } });
      expect(early.status).toBe(400);
      expect(early.body.errors).toHaveProperty('requestedDeadline');
      expect((await t.req('POST', url, { token: handler, body: { requestedDeadline: new Date(now + 30 * DAY).toISOString() } })).body.errors).toHaveProperty('reason');
      const later = new Date(now + 30 * DAY).toISOString();
      const req = await t.req('POST', url, { token: handler, body: { reason: '等待司法鉴定结果', requestedDeadline: later } });
      expect(req.status).toBe(201);
      expect((await t.req('POST', url, { token: handler, body: { reason: '再申请', requestedDeadline: later } })).status).toBe(409);
      const pending = await t.req('GET', '/extension-requests?status=pending', { token: dispatcher });
      expect(pending.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ id: req.body.id, caseCode: tk.caseCode, status: 'pending' })]));
      const decided = await t.req('POST', `${url}/${req.body.id}/decision`, { token: dispatcher, body: { approve: true, note: '同意' } });
      expect(decided.status).toBe(201);
      expect(decided.body.status).toBe('approved');
      const after = (await w.get(dispatcher, tk.id)).body;
      expect(after.resolveDeadline).toBe(later);
      expect(after.history.at(-1)).toMatchObject({ action: 'comment', data: { extension: expect.objectContaining({ status: 'approved' }) } });
      expect((await t.req('POST', `${url}/${req.body.id}/decision`, { token: dispatcher, body: { approve: false } })).status).toBe(409);
      const list = await t.req('GET', '/extension-requests?status=pending', { token: dispatcher });
      expect(list.body.items.map((x: { id: string }) => x.id)).not.toContain(req.body.id);
    });

    it('a rejection leaves the deadline alone; the decision needs approve', async () => {
      const tk = await dispatched();
      const url = `/tickets/${tk.id}/extension-requests`;
      const req = await t.req('POST', url, { token: handler, body: { reason: '当事人外出', requestedDeadline: new Date(now + 20 * DAY).toISOString() } });
      expect((await t.req('POST', `${url}/${req.body.id}/decision`, { token: dispatcher, body: {} })).body.errors).toHaveProperty('approve');
      const r = await t.req('POST', `${url}/${req.body.id}/decision`, { token: dispatcher, body: { approve: false, note: '时限充足' } });
      expect(r.body.status).toBe('rejected');
      expect((await w.get(dispatcher, tk.id)).body.resolveDeadline).toBe(tk.resolveDeadline);
    });
  });
});

import { startTestApp, type TestApp } from '../helpers/test-app';
import { PLACE, World } from '../factories/world';

/**
 * DOMAIN.md: each history note is public or internal; dispatch instructions
 * and internal comments are internal by default and never reach the resident
 * by any route. Each internal note below carries a marker; the test walks
 * every route a resident (or whoever holds the case code and phone) can use
 * and looks for any marker in the raw answer.
 */
describe('history note visibility (MariaDB)', () => {
  let t: TestApp;
  let w: World;
  let dispatcher: string;
  let handler: string;
  let resident: { token: string; phone: string };
  let id: string;
  let caseCode: string;
  const INTERNAL = ['内部交办意见XJ01', '内部补充XJ02', '退回理由XJ03', '督办意见XJ04', '改判理由XJ05'];
  const PUBLIC = ['公开说明PB01', '已清理楼道杂物PB02'];

  beforeAll(async () => {
    t = await startTestApp();
    w = await World.create(t);
    dispatcher = await t.staff('street-dispatcher');
    handler = await t.staff('handler');
    resident = await t.resident();
    const r = await w.report(resident.token, '楼道里堆满杂物,堵住了消防通道,请尽快处理', PLACE.eastGrid1);
    id = r.id;
    caseCode = r.caseCode;
    const justice = w.dep('D01S01', 'justice');
    await w.must(dispatcher, id, 'accept');
    await w.must(dispatcher, id, 'dispatch', { departmentId: justice, note: INTERNAL[0] });
    await w.must(handler, id, 'return', { note: INTERNAL[2] });
    await w.must(dispatcher, id, 'dispatch', { departmentId: justice, note: INTERNAL[0] });
    await w.must(dispatcher, id, 'comment', { note: INTERNAL[1] });
    const o = await t.req('POST', `/tickets/${id}/triage-override`, { token: dispatcher, body: { riskLevel: 'low', reason: INTERNAL[4] } });
    expect([o.status, o.body]).toEqual([expect.any(Number), expect.anything()]);
    if (o.status >= 300) throw new Error(JSON.stringify(o.body));
    await w.must(dispatcher, id, 'comment', { note: PUBLIC[0], visibility: 'public' });
    await w.must(handler, id, 'sign');
    await w.must(dispatcher, id, 'supervise', { note: INTERNAL[3] });
    await w.must(handler, id, 'feedback', { outcome: 'handled', note: PUBLIC[1] });
  });
  afterAll(async () => {
    await w.close();
    await t.close();
  });

  const leaks = (body: unknown) => INTERNAL.filter((m) => JSON.stringify(body).includes(m));

  it('staff see every note with its visibility; dispatch and staff comments are internal by default', async () => {
    const r = await w.get(dispatcher, id);
    const notes = (r.body.history as { action: string; note: string | null; visibility: string }[]).filter((h) => h.note);
    expect(notes.find((h) => h.note === INTERNAL[0])?.visibility).toBe('internal');
    expect(notes.find((h) => h.note === INTERNAL[1])?.visibility).toBe('internal');
    expect(notes.find((h) => h.note === PUBLIC[0])?.visibility).toBe('public');
    expect(notes.find((h) => h.note === PUBLIC[1])?.visibility).toBe('public');
    expect(leaks(r.body)).toEqual(INTERNAL);
  });

  it('ticket detail: the resident reads public notes and the tracker, never an internal note', async () => {
    const r = await w.get(resident.token, id);
    expect(r.status).toBe(200);
    expect(leaks(r.body)).toEqual([]);
    const text = JSON.stringify(r.body);
    for (const p of PUBLIC) expect(text).toContain(p);
    const events = r.body.progress.events as { text: string; note: string | null }[];
    expect(events[0].text).toBe('东城街道司法所已答复:已处理');
    expect(events[0].note).toBe(PUBLIC[1]);
    expect(events.map((e) => e.text)).toContain('东城街道综治中心已受理');
    expect(events.some((e) => /^已转交东城街道司法所办理,预计\d+月\d+日前答复$/.test(e.text))).toBe(true);
    expect(r.body.progress.steps.map((s: { label: string; state: string }) => `${s.label}:${s.state}`)).toEqual([
      '提交:done',
      '受理:done',
      '交办:done',
      '办理:done',
      '答复:done',
      '评价:current',
    ]);
  });

  it('a note sent with an unknown visibility is refused with the field named, nothing written', async () => {
    const before = await w.historyCount(id);
    const r = await w.act(dispatcher, id, 'comment', { note: 'x', visibility: 'everyone' });
    expect(r.status).toBe(400);
    expect(r.body.errors.visibility).toBeTruthy();
    expect(await w.historyCount(id)).toBe(before);
  });

  it('my reports, the lookup by code (the share page), messages and documents carry no internal note', async () => {
    const mine = await t.req('GET', '/reports/mine', { token: resident.token });
    expect(mine.status).toBe(200);
    expect(leaks(mine.body)).toEqual([]);

    const lookup = await t.req('GET', `/reports/lookup?caseCode=${encodeURIComponent(caseCode)}&phone=${resident.phone}`);
    expect(lookup.status).toBe(200);
    expect(leaks(lookup.body)).toEqual([]);
    expect(lookup.body.progress.steps).toHaveLength(6);
    expect(lookup.body.progress.events.length).toBeGreaterThan(3);

    const messages = await t.req('GET', '/messages', { token: resident.token });
    expect(messages.status).toBe(200);
    expect(messages.body.items.length).toBeGreaterThan(0);
    expect(leaks(messages.body)).toEqual([]);

    for (const kind of ['acceptance', 'assignment', 'feedback', 'supervision']) {
      const doc = await t.req('GET', `/tickets/${id}/documents/${kind}`, { token: resident.token });
      expect(doc.status).toBe(404);
      expect(leaks(doc.body)).toEqual([]);
    }
    // The same assignment slip printed by staff does carry the instruction: the check above can fail.
    const staffDoc = await t.req('GET', `/tickets/${id}/documents/assignment`, { token: dispatcher });
    expect(staffDoc.body).toContain(INTERNAL[0]);
  });

  it('a report with too little to act on (emoji, punctuation, two words) is refused kindly; a 5,000-character text is refused, not cut', async () => {
    const post = (text: string) => t.req('POST', '/reports', { token: resident.token, body: { text }, headers: { 'idempotency-key': crypto.randomUUID() } });
    for (const text of ['😡😡😡😡😡😡😡😡', '!!!!????。。。', '吵死😡😡😡']) {
      const r = await post(text);
      expect(r.status).toBe(400);
      expect(r.body.errors.text).toContain('请再多写几句');
    }
    const long = await post('楼'.repeat(5000));
    expect(long.status).toBe(400);
    expect(long.body.errors.text).toContain('不能超过');
    expect((await post('楼道堆物😡')).status).toBe(201);
  });

  it('describes a point in words and on the grid map, and says when it is outside every grid', async () => {
    const inside = await t.req('GET', `/reports/place?lat=${PLACE.eastGrid1.lat}&lng=${PLACE.eastGrid1.lng}`);
    expect(inside.status).toBe(200);
    expect(inside.body.inside).toBe(true);
    expect(inside.body.description).toMatch(/^东城街道.+社区附近$/);
    expect(inside.body.areas.length).toBeGreaterThan(0);
    const outside = await t.req('GET', '/reports/place?lat=30.27177&lng=120.15979');
    expect(outside.status).toBe(200);
    expect(outside.body).toMatchObject({ inside: false, description: null, areas: [] });
    // Just outside the served area: the nearest grids are drawn around it.
    const near = await t.req('GET', '/reports/place?lat=39.84&lng=116.32');
    expect(near.body.inside).toBe(false);
    expect(near.body.areas.length).toBeGreaterThan(0);
    const bad = await t.req('GET', '/reports/place?lat=abc&lng=120');
    expect(bad.status).toBe(400);
    expect(bad.body.errors.lat).toBeTruthy();
    // A report from outside still goes through, flagged for checking.
    const r = await w.report(resident.token, '小区门口的路灯坏了一个星期,晚上很黑', { lat: 30.27177, lng: 120.15979 });
    expect((await w.row(r.id)).location_unverified).toBeTruthy();
  });
});

import { randomUUID } from 'node:crypto';
import { chinaDay } from '@zongzhi/shared';
import { Clock } from '../../src/common/clock';
import { PatrolsSweeper } from '../../src/modules/patrols/patrols.sweeper';
import { jpegWithExif } from '../helpers/images';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { uploadFile } from '../helpers/uploads';
import { PLACE, TEXT, World } from '../factories/world';

describe('grid workers\' patrol logs (网格日志) (MariaDB)', () => {
  let t: TestApp;
  let w: World;
  let worker: string;
  let streetDispatcher: string;

  const report = (token: string, body: Record<string, unknown>) => t.req('POST', '/reports', { token, body, headers: { 'idempotency-key': randomUUID() } });

  beforeAll(async () => {
    t = await startTestApp();
    w = await World.create(t);
    worker = await t.staff('grid-worker');
    streetDispatcher = await t.staff('street-dispatcher');
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(async () => {
    await w.close();
    await t.close();
  });

  it('a patrol with notes, a photo, points, two events and one on-site settlement; the supervisor\'s day view shows it all', async () => {
    const start = await t.req('POST', '/patrols', { token: worker, body: { note: '早班巡查' } });
    expect(start.status).toBe(201);
    expect(start.body).toMatchObject({ id: expect.any(String), status: 'open', startedAt: expect.any(String) });
    const patrolId = start.body.id as string;
    expect((await t.req('POST', '/patrols', { token: worker, body: {} })).status).toBe(409); // one open patrol at a time

    const photo = await uploadFile(t, worker, await jpegWithExif({ width: 400, height: 300 }));
    const e1 = await t.req('POST', `/patrols/${patrolId}/entries`, { token: worker, body: { note: '幸福路一切正常', location: PLACE.eastGrid1, photoIds: [photo.body.id] } });
    expect(e1.status).toBe(201);
    expect(e1.body.photos).toEqual([expect.objectContaining({ id: photo.body.id, url: expect.any(String) })]);
    expect((await t.req('POST', `/patrols/${patrolId}/entries`, { token: worker, body: { location: { lat: 39.871, lng: 116.321 } } })).status).toBe(201);
    const empty = await t.req('POST', `/patrols/${patrolId}/entries`, { token: worker, body: {} });
    expect(empty.status).toBe(400);
    expect(empty.body.errors).toHaveProperty('note');

    const ev1 = await report(worker, { text: TEXT.low, channel: 'grid_patrol', patrolId, location: { lat: 39.872, lng: 116.322 } });
    expect(ev1.status).toBe(201);
    const ev2 = await report(worker, { text: '小区路灯坏了好几盏,晚上很黑', channel: 'grid_patrol', patrolId, location: { lat: 39.873, lng: 116.323 } });
    expect(ev2.status).toBe(201);
    expect(ev2.body.channel).toBe('grid_patrol');
    await w.must(worker, ev1.body.id, 'settle_on_site', { outcome: 'mediated', note: '当场劝说清理' });

    // Someone else's patrol, an unknown one, or a resident's report: refused on the field, revealing nothing.
    const otherWorker = await w.staff('grid_worker', 'D01S01C01', { grid: 'D01S01C01G02' });
    for (const [token, body] of [
      [otherWorker, { text: TEXT.low, channel: 'grid_patrol', patrolId }],
      [worker, { text: TEXT.low, channel: 'grid_patrol', patrolId: randomUUID() }],
      [(await t.resident()).token, { text: TEXT.low, patrolId }],
    ] as const) {
      const r = await report(token, body);
      expect(r.status).toBe(400);
      expect(r.body.errors).toHaveProperty('patrolId');
    }
    expect((await t.req('POST', `/patrols/${patrolId}/entries`, { token: otherWorker, body: { note: 'x' } })).status).toBe(404);
    expect((await t.req('POST', `/patrols/${patrolId}/finish`, { token: otherWorker, body: {} })).status).toBe(404);

    const finished = await t.req('POST', `/patrols/${patrolId}/finish`, { token: worker, body: { note: '巡查结束' } });
    expect(finished.status).toBe(200);
    expect(finished.body).toMatchObject({ status: 'finished', finishNote: '巡查结束', found: 2, settled: 1 });
    expect((await t.req('POST', `/patrols/${patrolId}/entries`, { token: worker, body: { note: '晚了' } })).status).toBe(409);
    expect((await t.req('POST', `/patrols/${patrolId}/finish`, { token: worker, body: {} })).status).toBe(409);
    const late = await report(worker, { text: TEXT.low, channel: 'grid_patrol', patrolId });
    expect(late.status).toBe(400);

    const today = chinaDay(new Date());
    const mine = await t.req('GET', `/patrols?date=${today}`, { token: worker });
    expect(mine.body.items.map((p: { id: string }) => p.id)).toEqual([patrolId]);

    const day = await t.req('GET', `/patrols?date=${today}`, { token: streetDispatcher });
    expect(day.status).toBe(200);
    const p = day.body.items.find((x: { id: string }) => x.id === patrolId);
    expect(p).toMatchObject({
      status: 'finished',
      worker: { displayName: '东城幸福社区网格员' },
      gridName: '东城幸福社区第1网格',
      found: 2,
      settled: 1,
      durationMinutes: expect.any(Number),
      endedAt: expect.any(String),
    });
    expect(p.entries).toHaveLength(2);
    expect(p.points).toHaveLength(4); // two located entries, two located events
    expect(p.tickets.map((x: { id: string; settledOnSite: boolean }) => [x.id, x.settledOnSite])).toEqual([
      [ev1.body.id, true],
      [ev2.body.id, false],
    ]);
    expect(day.body.workers).toEqual([expect.objectContaining({ patrols: 1, found: 2, settled: 1 })]);
    expect((await t.req('GET', `/patrols/${patrolId}`, { token: await t.staff('leader') })).status).toBe(200);

    // Outside the unit, another grid worker, another day: nothing; handlers and residents may not ask.
    const west = await w.staff('dispatcher', 'D01S02');
    expect((await t.req('GET', `/patrols?date=${today}`, { token: west })).body.items).toEqual([]);
    expect((await t.req('GET', `/patrols/${patrolId}`, { token: west })).status).toBe(404);
    expect((await t.req('GET', `/patrols?date=${today}`, { token: otherWorker })).body.items).toEqual([]);
    expect((await t.req('GET', `/patrols/${patrolId}`, { token: otherWorker })).status).toBe(404);
    expect((await t.req('GET', '/patrols?date=2020-01-01', { token: streetDispatcher })).body.items).toEqual([]);
    expect((await t.req('GET', '/patrols', { token: await t.staff('handler') })).status).toBe(403);
    expect((await t.req('GET', '/patrols?date=2026-13-01', { token: streetDispatcher })).body.errors).toHaveProperty('date');
    expect((await t.req('POST', '/patrols', { token: streetDispatcher, body: {} })).status).toBe(403);
  });

  it('a patrol left open past midnight (China time) is closed by the sweep as 未正常结束, ended at its last record', async () => {
    const clock = t.app.get(Clock);
    const sweeper = t.app.get(PatrolsSweeper);
    let now = Date.parse('2026-03-01T14:00:00Z'); // 22:00 in China
    jest.spyOn(clock, 'now').mockImplementation(() => new Date(now));
    const nightWorker = await w.staff('grid_worker', 'D01S01C02', { grid: 'D01S01C02G01' });
    const p = (await t.req('POST', '/patrols', { token: nightWorker, body: { note: '夜巡' } })).body;
    expect(p.status).toBe('open');
    now += 3600_000; // 23:00
    expect((await t.req('POST', `/patrols/${p.id}/entries`, { token: nightWorker, body: { note: '一切正常' } })).status).toBe(201);
    const lastRecord = now;
    now = Date.parse('2026-03-01T15:59:00Z'); // 23:59
    await sweeper.sweep();
    expect((await t.req('GET', `/patrols/${p.id}`, { token: nightWorker })).body.status).toBe('open');
    now = Date.parse('2026-03-01T16:01:00Z'); // 00:01 on 2 March
    expect(await sweeper.sweep()).toBeGreaterThanOrEqual(1);
    const closed = (await t.req('GET', `/patrols/${p.id}`, { token: nightWorker })).body;
    expect(closed).toMatchObject({ status: 'abandoned', statusLabel: '未正常结束', day: '2026-03-01', endedAt: new Date(lastRecord).toISOString(), durationMinutes: 60 });
    expect((await t.req('GET', '/patrols?date=2026-03-01', { token: nightWorker })).body.items.map((x: { id: string }) => x.id)).toEqual([p.id]);
    expect((await t.req('POST', `/patrols/${p.id}/finish`, { token: nightWorker, body: {} })).status).toBe(409);
    // The worker can start a new patrol the next day.
    expect((await t.req('POST', '/patrols', { token: nightWorker, body: {} })).status).toBe(201);
  });
});

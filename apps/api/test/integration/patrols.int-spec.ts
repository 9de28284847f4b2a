import { randomUUID } from 'node:crypto';
import { createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { chinaDay } from '@zongzhi/shared';
import { Clock } from '../../src/common/clock';
import { mysqlFlavor } from '../../src/database/data-source';
import { MIGRATIONS } from '../../src/database/migrations';
import { MovePatrolPhotosToEntries1795614625792 } from '../../src/database/migrations/1795614625792-MovePatrolPhotosToEntries';
import { PatrolsSweeper } from '../../src/modules/patrols/patrols.sweeper';
import { UploadsService } from '../../src/modules/uploads/uploads.service';
import { jpegWithExif } from '../helpers/images';
import { mysqlBase, startTestApp, type TestApp } from '../helpers/test-app';
import { fetchPhoto, uploadFile } from '../helpers/uploads';
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

  it("stores an entry's photos against the entry, not a ticket: shown to its worker and supervisors only, kept by the orphan sweep", async () => {
    const photoWorker = await w.staff('grid_worker', 'D01S01C01', { grid: 'D01S01C01G01' });
    const otherWorker = await w.staff('grid_worker', 'D01S01C01', { grid: 'D01S01C01G02' });
    const west = await w.staff('dispatcher', 'D01S02');
    const uploadRow = async (id: string) =>
      (await w.sql<{ ticket_id: string | null; history_id: string | null; patrol_entry_id: string | null; attached_at: Date | null }>('SELECT ticket_id, history_id, patrol_entry_id, attached_at FROM uploads WHERE id = ?', [id]))[0];
    const upload = async (token: string) => (await uploadFile(t, token, await jpegWithExif({ width: 120, height: 90 }))).body as { id: string; url: string };

    const patrolId = (await t.req('POST', '/patrols', { token: photoWorker, body: {} })).body.id as string;
    const [p1, p2] = [await upload(photoWorker), await upload(photoWorker)];
    const entry = await t.req('POST', `/patrols/${patrolId}/entries`, { token: photoWorker, body: { note: '楼道堆物已拍照', photoIds: [p2.id, p1.id] } });
    expect(entry.status).toBe(201);
    expect(entry.body.photos.map((p: { id: string }) => p.id)).toEqual([p2.id, p1.id]);
    for (const id of [p1.id, p2.id]) {
      expect(await uploadRow(id)).toEqual({ ticket_id: null, history_id: null, patrol_entry_id: entry.body.id, attached_at: expect.any(Date) });
    }

    // A ticket filed on the same patrol keeps its photo on the ticket, and it is not shown as an entry photo.
    const ticketPhoto = await upload(photoWorker);
    const ev = await report(photoWorker, { text: TEXT.low, channel: 'grid_patrol', patrolId, photoIds: [ticketPhoto.id] });
    expect(ev.status).toBe(201);
    expect(await uploadRow(ticketPhoto.id)).toMatchObject({ ticket_id: ev.body.id, history_id: null, patrol_entry_id: null });
    expect((await t.req('GET', `/tickets/${ev.body.id}`, { token: photoWorker })).body.photos.map((p: { id: string }) => p.id)).toEqual([ticketPhoto.id]);

    // The worker and the supervisors who may see the patrol get working links to the entry's photos.
    for (const token of [photoWorker, streetDispatcher, await t.staff('leader')]) {
      const got = await t.req('GET', `/patrols/${patrolId}`, { token });
      expect(got.status).toBe(200);
      expect(got.body.entries).toHaveLength(1);
      const photos = got.body.entries[0].photos as { id: string; url: string; thumbnailUrl: string }[];
      expect(photos.map((p) => p.id)).toEqual([p2.id, p1.id]);
      expect((await fetchPhoto(t, photos[0].url)).status).toBe(200);
      expect((await fetchPhoto(t, photos[1].thumbnailUrl)).status).toBe(200);
    }
    const day = await t.req('GET', `/patrols?date=${chinaDay(new Date())}`, { token: streetDispatcher });
    expect(day.body.items.find((x: { id: string }) => x.id === patrolId).entries[0].photos).toHaveLength(2);

    // Anyone else: no patrol, so no link (404 on the patrol, absent from their day view, 403 for a resident).
    for (const token of [otherWorker, west]) {
      expect((await t.req('GET', `/patrols/${patrolId}`, { token })).status).toBe(404);
      const theirs = await t.req('GET', `/patrols?date=${chinaDay(new Date())}`, { token });
      expect(theirs.body.items.map((x: { id: string }) => x.id)).not.toContain(patrolId);
    }
    const resident = await t.resident();
    expect((await t.req('GET', `/patrols/${patrolId}`, { token: resident.token })).status).toBe(403);

    // Only the uploader attaches, and only once, whatever the target: same 400 as an unknown id.
    const otherPatrol = (await t.req('POST', '/patrols', { token: otherWorker, body: {} })).body.id as string;
    const fresh = await upload(photoWorker);
    const stolen = await t.req('POST', `/patrols/${otherPatrol}/entries`, { token: otherWorker, body: { note: 'x', photoIds: [fresh.id] } });
    const ghost = await t.req('POST', `/patrols/${otherPatrol}/entries`, { token: otherWorker, body: { note: 'x', photoIds: [randomUUID()] } });
    expect(stolen.status).toBe(400);
    expect(stolen.body).toEqual(ghost.body);
    expect(await uploadRow(fresh.id)).toMatchObject({ ticket_id: null, patrol_entry_id: null, attached_at: null });
    const reused = await report(photoWorker, { text: TEXT.low, channel: 'grid_patrol', patrolId, photoIds: [p1.id] });
    expect(reused.status).toBe(400);
    expect(reused.body.errors).toHaveProperty('photoIds');
    expect((await t.req('POST', `/patrols/${patrolId}/entries`, { token: photoWorker, body: { note: '再用一次', photoIds: [p1.id] } })).status).toBe(400);
    expect(await uploadRow(p1.id)).toMatchObject({ ticket_id: null, patrol_entry_id: entry.body.id });

    // The orphan sweep: the entry's photos stay, however old; an unattached one of the same age goes.
    const orphan = await upload(photoWorker);
    await w.sql('UPDATE uploads SET created_at = ? WHERE id IN (?, ?, ?)', [new Date(Date.now() - 48 * 3600_000), p1.id, p2.id, orphan.id]);
    expect(await t.app.get(UploadsService).sweepOrphans()).toBeGreaterThanOrEqual(1);
    const left = await w.sql<{ id: string }>('SELECT id FROM uploads WHERE id IN (?, ?, ?)', [p1.id, p2.id, orphan.id]);
    expect(left.map((r) => r.id).sort()).toEqual([p1.id, p2.id].sort());
    const after = await t.req('GET', `/patrols/${patrolId}`, { token: streetDispatcher });
    expect((await fetchPhoto(t, after.body.entries[0].photos[0].url)).status).toBe(200);
    expect((await fetchPhoto(t, orphan.url)).status).toBe(404);
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

/**
 * The migration that gave patrol photos their own column: rows written the
 * old way (patrol id in ticket_id, entry id in history_id) move to
 * patrol_entry_id, ticket photos stay as they are, and down moves them back.
 */
describe('migration MovePatrolPhotosToEntries (MariaDB)', () => {
  const name = `zz_mig_${randomUUID().slice(0, 8)}`;
  const url = `${mysqlBase()}/${name}`;
  const dataSource = async (migrations: Function[]) => {
    const ds = new DataSource({ type: await mysqlFlavor(url), url, migrations, charset: 'utf8mb4_unicode_ci', timezone: 'Z' });
    return ds.initialize();
  };

  beforeAll(async () => {
    const admin = await createConnection(mysqlBase());
    await admin.query(`CREATE DATABASE ${name} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await admin.end();
  });
  afterAll(async () => {
    const admin = await createConnection(mysqlBase());
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.end();
  });

  it('moves patrol photos out of ticket_id and back on revert', async () => {
    const at = MIGRATIONS.indexOf(MovePatrolPhotosToEntries1795614625792);
    expect(at).toBeGreaterThan(0);
    const before = await dataSource(MIGRATIONS.slice(0, at));
    const [patrol, entry, otherEntry, ticket, history] = Array.from({ length: 5 }, () => randomUUID());
    const [patrolPhoto, reportPhoto, historyPhoto, strayPhoto] = Array.from({ length: 4 }, () => randomUUID());
    try {
      await before.runMigrations({ transaction: 'each' });
      await before.query(
        "INSERT INTO patrols (id, worker_id, grid_id, status, day, started_at) VALUES (?, ?, ?, 'finished', '2026-03-01', NOW(3))",
        [patrol, randomUUID(), randomUUID()],
      );
      await before.query('INSERT INTO patrol_entries (id, patrol_id, note, at) VALUES (?, ?, ?, NOW(3)), (?, ?, ?, NOW(3))', [entry, patrol, '有照片', otherEntry, randomUUID(), '另一次巡查']);
      const row = (id: string, ticketId: string | null, historyId: string | null) => [id, randomUUID(), ticketId, historyId];
      await before.query(
        'INSERT INTO uploads (id, owner_id, ticket_id, history_id, width, height, bytes, created_at, attached_at) VALUES ' +
          Array(4).fill('(?, ?, ?, ?, 1, 1, 1, NOW(3), NOW(3))').join(', '),
        [
          ...row(patrolPhoto, patrol, entry), // the old way of storing a patrol photo
          ...row(reportPhoto, ticket, null),
          ...row(historyPhoto, ticket, history),
          ...row(strayPhoto, patrol, otherEntry), // an entry of another patrol: not a pair the app ever wrote
        ],
      );
    } finally {
      await before.destroy();
    }

    // up to and including this migration: later ones (and their undo) are not what this test is about
    const ds = await dataSource(MIGRATIONS.slice(0, at + 1));
    const rows = async () =>
      Object.fromEntries(
        ((await ds.query('SELECT id, ticket_id, history_id, patrol_entry_id FROM uploads')) as Record<string, string | null>[]).map(({ id, ...r }) => [id, r]),
      );
    try {
      expect(await ds.runMigrations({ transaction: 'each' })).toEqual([expect.objectContaining({ name: 'MovePatrolPhotosToEntries1795614625792' })]);
      expect(await rows()).toEqual({
        [patrolPhoto]: { ticket_id: null, history_id: null, patrol_entry_id: entry },
        [reportPhoto]: { ticket_id: ticket, history_id: null, patrol_entry_id: null },
        [historyPhoto]: { ticket_id: ticket, history_id: history, patrol_entry_id: null },
        [strayPhoto]: { ticket_id: patrol, history_id: otherEntry, patrol_entry_id: null },
      });

      await ds.undoLastMigration({ transaction: 'each' });
      const columns = (await ds.query("SELECT column_name AS c FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = 'uploads'")) as { c: string }[];
      expect(columns.map((c) => c.c)).not.toContain('patrol_entry_id');
      const back = (await ds.query('SELECT id, ticket_id, history_id FROM uploads WHERE id = ?', [patrolPhoto])) as Record<string, string | null>[];
      expect(back).toEqual([{ id: patrolPhoto, ticket_id: patrol, history_id: entry }]);
    } finally {
      await ds.destroy();
    }
  });
});

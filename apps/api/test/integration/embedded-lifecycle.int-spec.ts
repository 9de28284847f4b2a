import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory';
import { loadConfig } from '../../src/config/app-config';
import { UploadsService } from '../../src/modules/uploads/uploads.service';
import { jpegWithExif } from '../helpers/images';
import { fetchPhoto, uploadFile } from '../helpers/uploads';

/** The embedded demo (SQLite) runs the same lifecycle queries: colour filter, urgent sort, search, admin edits, sweep. */
it('runs the ticket lifecycle on the embedded SQLite database', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'zz-'));
  const app = await createApp(loadConfig({ NODE_ENV: 'test', DB_TYPE: 'sqlite', DATA_DIR: dir, JWT_SECRET: randomBytes(24).toString('hex'), SEED_DEMO: 'true' }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const origin = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const req = async (method: string, path: string, token?: string, body?: unknown, extra: Record<string, string> = {}) => {
    const r = await fetch(origin + '/api/v1' + path, { method, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}), ...extra }, body: body ? JSON.stringify(body) : undefined });
    const text = await r.text();
    return { status: r.status, body: text.startsWith('{') || text.startsWith('[') ? JSON.parse(text) : text };
  };
  const login = async (u: string) => (await req('POST', '/auth/login', undefined, { username: u, password: 'demo1234' })).body.accessToken;
  const d = await login('street-dispatcher');
  const h = await login('handler');
  const admin = await login('admin');
  const sent = await req('POST', '/auth/sms/send', undefined, { phone: '13912345678' });
  const res = (await req('POST', '/auth/sms/verify', undefined, { phone: '13912345678', code: sent.body.devCode })).body.accessToken;
  const tk = (await req('POST', '/reports', res, { text: '邻居在楼道里堆放杂物,影响通行', location: { lat: 39.87, lng: 116.32 } }, { 'idempotency-key': randomUUID() })).body;
  expect((await req('POST', `/tickets/${tk.id}/actions`, d, { action: 'accept' })).status).toBe(200);
  const view = (await req('GET', `/tickets/${tk.id}`, d)).body;
  const dis = await req('POST', `/tickets/${tk.id}/actions`, d, { action: 'dispatch', departmentId: view.suggestedDepartmentId });
  expect(dis.status).toBe(200);
  expect(dis.body.color).toBe('blue');
  expect((await req('POST', `/tickets/${tk.id}/actions`, h, { action: 'sign' })).status).toBe(200);
  for (const q of ['color=blue', 'sort=urgent', 'q=%E9%82%BB', `departmentId=${view.suggestedDepartmentId}`]) {
    const l = await req('GET', `/tickets?${q}`, d);
    expect({ q, s: l.status, n: l.body.total }).toEqual({ q, s: 200, n: 1 });
  }
  // 被退回: the last-status-change subquery on SQLite.
  const back = (await req('POST', '/reports', res, { text: '小区路灯坏了好几盏', location: { lat: 39.87, lng: 116.32 } }, { 'idempotency-key': randomUUID() })).body;
  expect((await req('POST', `/tickets/${back.id}/actions`, d, { action: 'accept' })).status).toBe(200);
  expect((await req('POST', `/tickets/${back.id}/actions`, d, { action: 'dispatch', departmentId: view.suggestedDepartmentId })).status).toBe(200);
  expect((await req('POST', `/tickets/${back.id}/actions`, h, { action: 'return', note: '不属于本所职责' })).status).toBe(200);
  const returned = (await req('GET', '/tickets?returned=true&status=accepted&sort=urgent', d)).body;
  expect({ total: returned.total, ids: returned.items.map((x: { id: string }) => x.id) }).toEqual({ total: 1, ids: [back.id] });
  const others = (await req('GET', '/tickets?returned=false', d)).body;
  expect({ total: others.total, ids: others.items.map((x: { id: string }) => x.id) }).toEqual({ total: 1, ids: [tk.id] });
  expect((await req('GET', '/tickets?returned=maybe', d)).status).toBe(400);
  expect((await req('PUT', '/admin/time-limits', admin, { rules: [{ riskLevel: 'low', signMinutes: 10, resolveMinutes: 20 }] })).status).toBe(200);
  expect((await req('PUT', '/admin/routing-rules', admin, { tierByRisk: { low: 'street' } })).status).toBe(200);
  expect((await req('POST', `/tickets/${tk.id}/triage-override`, d, { riskLevel: 'medium', reason: '测试' })).status).toBe(200);
  const csv = await req('GET', '/triage/overrides.csv', d);
  expect(csv.status).toBe(200);
  const { SupervisionService } = await import('../../src/modules/deadlines/supervision.service');
  expect(await app.get(SupervisionService).sweep()).toBe(0);
  expect((await req('GET', `/tickets/${tk.id}`, d)).body.history.map((x: { action: string }) => x.action)).toEqual(['submit', 'accept', 'dispatch', 'sign', 'comment']);
  await app.close();
}, 60_000);

/** Patrol entry photos on SQLite: the synchronized schema has `patrol_entry_id`, attach and the orphan sweep use it. */
it('keeps patrol entry photos on the embedded SQLite database', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'zz-'));
  const app = await createApp(loadConfig({ NODE_ENV: 'test', DB_TYPE: 'sqlite', DATA_DIR: dir, JWT_SECRET: randomBytes(24).toString('hex'), SEED_DEMO: 'true', UPLOAD_SWEEP_INTERVAL_SECONDS: '0' }));
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const origin = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    const t = { origin };
    const req = async (method: string, path: string, token: string, body?: unknown) => {
      const r = await fetch(origin + '/api/v1' + path, { method, headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
      return { status: r.status, body: await r.json() };
    };
    const login = async (username: string) =>
      (await (await fetch(origin + '/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'demo1234' }) })).json()).accessToken as string;
    const worker = await login('grid-worker');
    const patrol = (await req('POST', '/patrols', worker, {})).body;
    const photo = (await uploadFile(t, worker, await jpegWithExif())).body;
    const entry = await req('POST', `/patrols/${patrol.id}/entries`, worker, { note: '有照片', photoIds: [photo.id] });
    expect(entry.status).toBe(201);
    expect(await app.get(DataSource).query('SELECT ticket_id, patrol_entry_id FROM uploads WHERE id = ?', [photo.id])).toEqual([{ ticket_id: null, patrol_entry_id: entry.body.id }]);
    const orphan = (await uploadFile(t, worker, await jpegWithExif())).body;
    expect(await app.get(UploadsService).sweepOrphans(new Date(Date.now() + 48 * 3600_000))).toBe(1); // the orphan, not the entry's photo
    expect((await fetchPhoto(t, orphan.url)).status).toBe(404);
    const got = await req('GET', `/patrols/${patrol.id}`, await login('street-dispatcher'));
    expect(got.body.entries[0].photos.map((p: { id: string }) => p.id)).toEqual([photo.id]);
    expect((await fetchPhoto(t, got.body.entries[0].photos[0].url)).status).toBe(200);
  } finally {
    await app.close();
  }
}, 60_000);

/** Sessions, limits and the audit log on the embedded database: the same queries as on MariaDB, and the limits survive a restart. */
it('keeps login limits, refresh rotation, logout and the audit log on the embedded SQLite database', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'zz-'));
  const config = loadConfig({ NODE_ENV: 'test', DB_TYPE: 'sqlite', DATA_DIR: dir, JWT_SECRET: randomBytes(24).toString('hex'), SEED_DEMO: 'true', UPLOAD_SWEEP_INTERVAL_SECONDS: '0', LOGIN_LOCK_AFTER: '3' });
  const boot = async () => {
    const app = await createApp(config);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const origin = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    const req = async (method: string, path: string, body?: unknown, token?: string) => {
      const r = await fetch(origin + '/api/v1' + path, { method, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
      return { status: r.status, body: await r.json().catch(() => null), retryAfter: r.headers.get('retry-after') };
    };
    return { app, req };
  };
  const first = await boot();
  try {
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await first.req('POST', '/auth/login', { username: 'leader', password: 'wrong' })).status);
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    const s = (await first.req('POST', '/auth/login', { username: 'admin', password: 'demo1234' })).body;
    const rotated = await first.req('POST', '/auth/refresh', { refreshToken: s.refreshToken });
    expect(rotated.status).toBe(200);
    expect((await first.req('POST', '/auth/refresh', { refreshToken: s.refreshToken })).status).toBe(401);
    expect((await first.req('GET', '/auth/me', undefined, rotated.body.accessToken)).status).toBe(401);
    const s2 = (await first.req('POST', '/auth/login', { username: 'admin', password: 'demo1234' })).body;
    const log = await first.req('GET', '/admin/audit-log?action=auth.login_failed', undefined, s2.accessToken);
    expect(log.body.total).toBe(3);
    expect((await first.req('POST', '/auth/logout', undefined, s2.accessToken)).status).toBe(200);
    expect((await first.req('GET', '/auth/me', undefined, s2.accessToken)).status).toBe(401);
  } finally {
    await first.app.close();
  }
  // A restart on the same file: the lock (3 failures here) is still there.
  const second = await boot();
  try {
    const r = await second.req('POST', '/auth/login', { username: 'leader', password: 'demo1234' });
    expect(r.status).toBe(429);
    expect(Number(r.retryAfter)).toBeGreaterThan(600);
  } finally {
    await second.app.close();
  }
}, 60_000);

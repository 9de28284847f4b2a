import { createConnection } from 'mysql2/promise';
import { pendingSchemaChanges } from '../../src/database/schema-diff';
import { mysqlBase, startTestApp, type TestApp } from '../helpers/test-app';

describe('platform (MariaDB)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('reports health with the database up', async () => {
    const r = await t.req('GET', '/health');
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ status: 'ok', db: 'up' });
  });

  it('publishes the OpenAPI document with the contract routes', async () => {
    const r = await t.req('GET', '/docs-json');
    expect(r.status).toBe(200);
    for (const path of ['/api/v1/reports', '/api/v1/reports/lookup', '/api/v1/tickets/{id}', '/api/v1/auth/sms/send', '/api/v1/triage']) {
      expect(Object.keys(r.body.paths)).toContain(path);
    }
    expect((await t.req('GET', '/docs')).status).toBe(200);
  });

  it('answers unknown routes and malformed JSON in the contract error shape', async () => {
    const nf = await t.req('GET', '/nope');
    expect(nf.status).toBe(404);
    expect(nf.body.code).toBe('NOT_FOUND');
    const bad = await t.req('POST', '/auth/login', { raw: '{"username":', headers: { 'content-type': 'application/json' } });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'VALIDATION', errors: { body: expect.any(String) } });
  });

  it('seeds the demo organisation: one district, two streets, communities, grids with boundaries, departments', async () => {
    const c = await createConnection(t.dbUrl);
    const [levels] = await c.query('SELECT level, COUNT(*) n, SUM(boundary IS NOT NULL) b FROM org_units GROUP BY level');
    const [deps] = await c.query('SELECT COUNT(DISTINCT code) codes, COUNT(DISTINCT unit_id) units FROM departments');
    await c.end();
    const byLevel = Object.fromEntries((levels as { level: string; n: number; b: string }[]).map((r) => [r.level, [Number(r.n), Number(r.b)]]));
    expect(byLevel).toEqual({ district: [1, 1], street: [2, 2], community: [4, 4], grid: [8, 8] });
    expect(Number((deps as { codes: number }[])[0].codes)).toBe(17);
    expect(Number((deps as { units: number }[])[0].units)).toBe(3);
  });

  it('has migrations that match the entities exactly (drift check)', async () => {
    const name = `zz_drift_${Date.now()}`;
    const admin = await createConnection(mysqlBase());
    await admin.query(`CREATE DATABASE ${name} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    try {
      const { up } = await pendingSchemaChanges(`${mysqlBase()}/${name}`);
      expect(up).toEqual([]);
    } finally {
      await admin.query(`DROP DATABASE ${name}`);
      await admin.end();
    }
  });
});

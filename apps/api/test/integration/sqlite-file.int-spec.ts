import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { randomBytes, randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory';
import { ConfigError, loadConfig } from '../../src/config/app-config';
import { pendingSqliteSchemaChanges } from '../../src/database/schema-diff';
import { SQLITE_MIGRATIONS } from '../../src/database/migrations-sqlite';
import { installSqliteGate } from '../../src/database/sqlite/gate';
import { adoptLegacyFile } from '../../src/database/sqlite/prepare';

const ROOT = join(__dirname, '../../../..');
/** Files written by sql.js builds of main (see test/fixtures/README.md): the baseline schema, and the last before SQLite. */
const FIXTURES = ['legacy-sqljs-3421530', 'legacy-sqljs-b6e74b4'].map((name) => join(__dirname, '../fixtures', name));

const start = (dir: string, env: Record<string, string> = {}) =>
  createApp(loadConfig({ NODE_ENV: 'test', DATA_DIR: dir, JWT_SECRET: randomBytes(24).toString('hex'), SEED_DEMO: 'true', UPLOAD_SWEEP_INTERVAL_SECONDS: '0', NOTIFY_INTERVAL_SECONDS: '0', ...env }));

async function client(app: NestFastifyApplication) {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const origin = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const req = async (method: string, path: string, token?: string, body?: unknown, extra: Record<string, string> = {}) => {
    const r = await fetch(origin + '/api/v1' + path, { method, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}), ...extra }, body: body ? JSON.stringify(body) : undefined });
    const text = await r.text();
    return { status: r.status, body: text.startsWith('{') || text.startsWith('[') ? JSON.parse(text) : text };
  };
  const login = async (u: string) => (await req('POST', '/auth/login', undefined, { username: u, password: 'demo1234' })).body.accessToken as string;
  return { origin, req, login };
}

const tmp = () => mkdtempSync(join(tmpdir(), 'zz-sqlite-'));

describe('embedded SQLite database file', () => {
  it.each(FIXTURES)('opens a file the previous version (sql.js) wrote, keeps every ticket, photo and history, and does not seed again: %s', async (FIXTURE) => {
    const legacyTickets: { id: string; caseCode: string; text: string }[] = JSON.parse(readFileSync(join(FIXTURE, 'tickets.json'), 'utf8'));
    const dir = tmp();
    cpSync(join(FIXTURE, 'zongzhi.sqlite'), join(dir, 'zongzhi.sqlite'));
    const before = new Database(join(dir, 'zongzhi.sqlite'), { readonly: true });
    const usersBefore = (before.prepare('SELECT COUNT(*) n FROM users').get() as { n: number }).n;
    const unitsBefore = (before.prepare('SELECT COUNT(*) n FROM org_units').get() as { n: number }).n;
    before.close();
    const app = await start(dir);
    try {
      const { req, login } = await client(app);
      const d = await login('dispatcher');
      for (const t of legacyTickets) {
        const r = await req('GET', `/tickets/${t.id}`, d);
        expect({ status: r.status, caseCode: r.body.caseCode, text: r.body.text }).toEqual({ status: 200, caseCode: t.caseCode, text: t.text });
      }
      expect((await req('GET', `/tickets/${legacyTickets[0].id}`, d)).body.photos).toHaveLength(1);
      expect((await req('GET', `/tickets/${legacyTickets[1].id}`, d)).body.history.map((h: { action: string }) => h.action)).toEqual(['submit', 'accept']);
      const db = app.get(DataSource);
      expect(await db.query('SELECT COUNT(*) n FROM users')).toEqual([{ n: usersBefore }]);
      expect(await db.query('SELECT COUNT(*) n FROM org_units')).toEqual([{ n: unitsBefore }]);
      expect(await db.query("SELECT value FROM app_meta WHERE key = 'initialised'")).toEqual([{ value: 'before-marker' }]);
      expect((await db.query('SELECT name FROM migrations ORDER BY id')).map((m: { name: string }) => m.name)).toEqual(SQLITE_MIGRATIONS.map((m) => m.name));
      expect(await db.query('PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }]);
      expect(await db.query('PRAGMA synchronous')).toEqual([{ synchronous: 2 }]); // FULL
      expect(await db.query('PRAGMA foreign_keys')).toEqual([{ foreign_keys: 1 }]);
      expect(await db.query('PRAGMA busy_timeout')).toEqual([{ timeout: 5000 }]);
      // New work lands beside the old.
      const sent = await req('POST', '/auth/sms/send', undefined, { phone: '13912340001' });
      const res = (await req('POST', '/auth/sms/verify', undefined, { phone: '13912340001', code: sent.body.devCode })).body.accessToken;
      expect((await req('POST', '/reports', res, { text: '升级后的新上报,路面塌陷', location: { lat: 39.87, lng: 116.32 } }, { 'idempotency-key': randomUUID() })).status).toBe(201);
    } finally {
      await app.close();
    }
    // The original, as it was, was copied aside before adoption.
    const [copy] = readdirSync(join(dir, 'backups'));
    expect(copy).toMatch(/^zongzhi-before-upgrade-\d{8}-\d{6}\.sqlite$/);
    const c = new Database(join(dir, 'backups', copy), { readonly: true });
    expect(c.prepare("SELECT name FROM sqlite_master WHERE name IN ('migrations', 'app_meta')").all()).toEqual([]);
    expect(c.prepare('SELECT case_code FROM tickets ORDER BY case_code').all()).toEqual(legacyTickets.map((t) => ({ case_code: t.caseCode })).sort((a, b) => a.case_code.localeCompare(b.case_code)));
    c.close();
  });

  it('has SQLite migrations that match the entities exactly (drift check), listed in the order TypeORM runs them', async () => {
    expect((await pendingSqliteSchemaChanges()).up).toEqual([]);
    const stamps = SQLITE_MIGRATIONS.map((m) => Number(m.name.slice(-13)));
    expect(stamps).toEqual([...stamps].sort((a, b) => a - b));
  });

  it('adopts a file made by any earlier schema at the migration it matches, and refuses one it cannot place', async () => {
    for (let k = 1; k <= SQLITE_MIGRATIONS.length; k++) {
      const dir = tmp();
      const file = join(dir, 'zongzhi.sqlite');
      const ds = new DataSource({ type: 'better-sqlite3', database: file, entities: [], migrations: SQLITE_MIGRATIONS.slice(0, k) });
      await ds.initialize();
      await ds.runMigrations();
      await ds.query('DROP TABLE migrations'); // as sql.js's synchronize left it: no migrations, no app_meta
      await ds.query('DROP TABLE IF EXISTS app_meta');
      await ds.destroy();
      const recorded = SQLITE_MIGRATIONS.slice(0, k).filter((m) => !m.name.startsWith('AddAppMeta'));
      expect({ k, adopted: await adoptLegacyFile(file, dir) }).toEqual({ k, adopted: recorded.length });
      const db = new Database(file, { readonly: true });
      expect(db.prepare('SELECT name FROM migrations ORDER BY id').all()).toEqual(recorded.map((m) => ({ name: m.name })));
      db.close();
    }
    const dir = tmp();
    const odd = new Database(join(dir, 'zongzhi.sqlite'));
    odd.exec('CREATE TABLE tickets (id TEXT PRIMARY KEY, something_else TEXT)');
    odd.close();
    await expect(adoptLegacyFile(join(dir, 'zongzhi.sqlite'), dir)).rejects.toThrow(/表结构与任何已知版本都不一致.*match no known version/);
  });

  it('seeds the demo only into a database never initialised (the marker row, not "no users")', async () => {
    const dir = tmp();
    let app = await start(dir);
    let db = app.get(DataSource);
    expect(await db.query("SELECT value FROM app_meta WHERE key = 'initialised'")).toEqual([{ value: 'demo' }]);
    // Everything the old check looked at is gone; the marker still says: initialised.
    await db.query('DELETE FROM users');
    await db.query('DELETE FROM departments');
    await db.query('DELETE FROM org_units');
    await app.close();
    app = await start(dir);
    db = app.get(DataSource);
    expect(await db.query('SELECT COUNT(*) n FROM users')).toEqual([{ n: 0 }]);
    await app.close();
    // A first start without the demo marks the database too: no later demo seed into it.
    const prod = tmp();
    app = await start(prod, { SEED_DEMO: 'false' });
    await app.close();
    app = await start(prod, { SEED_DEMO: 'true' });
    db = app.get(DataSource);
    expect(await db.query('SELECT COUNT(*) n FROM users')).toEqual([{ n: 0 }]);
    expect(await db.query("SELECT value FROM app_meta WHERE key = 'initialised'")).toEqual([{ value: 'empty' }]);
    await app.close();
  });

  describe('refuses to start on a damaged file, naming it and the newest backup, and leaves it untouched', () => {
    let healthy: string;
    beforeAll(async () => {
      const dir = tmp();
      const app = await start(dir);
      await app.close();
      healthy = join(dir, 'zongzhi.sqlite');
      const c = new Database(healthy);
      c.pragma('wal_checkpoint(TRUNCATE)');
      c.pragma('journal_mode = DELETE');
      c.close();
    });
    const damaged = (damage: (file: string) => void) => {
      const dir = tmp();
      const file = join(dir, 'zongzhi.sqlite');
      copyFileSync(healthy, file);
      damage(file);
      mkdirSync(join(dir, 'backups'));
      writeFileSync(join(dir, 'backups', 'zongzhi-20261201-010000.sqlite'), readFileSync(healthy));
      writeFileSync(join(dir, 'backups', 'zongzhi-20261202-010000.sqlite'), readFileSync(healthy));
      return { dir, file, bytes: readFileSync(file) };
    };
    it.each([
      ['empty', (f: string) => truncateSync(f, 0), /文件为空.*the file is empty/],
      ['truncated', (f: string) => truncateSync(f, Math.floor(statSync(f).size / 2) + 100), /文件被截断.*cut short/],
      ['truncated at a page boundary', (f: string) => truncateSync(f, 4096 * 8), /完整性检查失败.*integrity_check failed/],
      [
        'corrupt inside (integrity_check)',
        (f: string) => {
          const b = readFileSync(f);
          // Scramble the pages after the first two: b-tree pages of the tables.
          for (let i = 4096 * 3; i < b.length - 4096; i += 97) b[i] = (b[i] + 91) & 0xff;
          writeFileSync(f, b);
        },
        /完整性检查失败|integrity_check failed|malformed/,
      ],
      ['not SQLite', (f: string) => writeFileSync(f, Buffer.alloc(8192, 7)), /不是 SQLite.*not an SQLite database/],
    ])('%s', async (_name, damage, reason) => {
      const { dir, file, bytes } = damaged(damage);
      const err = await start(dir).then(
        async (app) => {
          await app.close();
          return null;
        },
        (e: Error) => e,
      );
      expect(err).toBeInstanceOf(ConfigError);
      expect(err!.message).toMatch(reason);
      expect(err!.message).toContain(`文件 / file: ${file}`);
      // The newest of the two backups, as a ready command.
      expect(err!.message).toContain(`npm run restore -- ${join(dir, 'backups', 'zongzhi-20261202-010000.sqlite')}`);
      expect(readFileSync(file)).toEqual(bytes);
      // The server refuses the same way as a process (exit 78, message on stderr).
      if (_name === 'empty') {
        const r = spawnSync(process.execPath, [join(ROOT, 'apps/api/dist/main.js')], { env: { ...process.env, NODE_ENV: 'development', DATA_DIR: dir, PORT: '0' }, encoding: 'utf8', timeout: 30_000 });
        expect(r.status).toBe(78);
        expect(r.stderr).toContain('数据库文件不可用');
        expect(r.stderr).toContain(file);
      }
    });
  });

  it('lets only one API process use the file', async () => {
    const dir = tmp();
    const app = await start(dir);
    try {
      await expect(start(dir)).rejects.toThrow(/另一个 API 进程.*Another API process/);
    } finally {
      await app.close();
    }
    // Released on close: the next start works.
    const again = await start(dir);
    await again.close();
  });

  it('keeps transactions of concurrent requests apart on the one connection (the gate)', async () => {
    const run = async (gated: boolean) => {
      const ds = new DataSource({ type: 'better-sqlite3', database: join(tmp(), 'g.sqlite'), entities: [] });
      if (gated) installSqliteGate(ds);
      await ds.initialize();
      await ds.query('CREATE TABLE t (v TEXT)');
      const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
      // A slow transaction that fails, and meanwhile a quick one that succeeds and is acknowledged.
      const slow = ds.transaction(async (m) => {
        await m.query("INSERT INTO t VALUES ('slow')");
        await sleep(50);
        throw new Error('slow one fails');
      });
      await sleep(10);
      const quick = ds.transaction(async (m) => {
        await m.query("INSERT INTO t VALUES ('quick')");
      });
      const alone = ds.query("INSERT INTO t VALUES ('alone')");
      const results = await Promise.allSettled([slow, quick, alone]);
      const rows = (await ds.query('SELECT v FROM t ORDER BY v')).map((r: { v: string }) => r.v);
      await ds.destroy();
      return { results: results.map((r) => r.status), rows };
    };
    // What the gate prevents: the quick one is "committed" inside the slow one and rolled back with it.
    expect(await run(false)).not.toEqual({ results: ['rejected', 'fulfilled', 'fulfilled'], rows: ['alone', 'quick'] });
    expect(await run(true)).toEqual({ results: ['rejected', 'fulfilled', 'fulfilled'], rows: ['alone', 'quick'] });
  });

  it('backs up online with `npm run backup` and restores every ticket with `npm run restore`', async () => {
    const dir = tmp();
    let app = await start(dir);
    const ids: string[] = [];
    let backupFile: string;
    try {
      const { req } = await client(app);
      const sent = await req('POST', '/auth/sms/send', undefined, { phone: '13912342001' });
      const res = (await req('POST', '/auth/sms/verify', undefined, { phone: '13912342001', code: sent.body.devCode })).body.accessToken;
      const post = async (i: number) => (await req('POST', '/reports', res, { text: `备份前的上报${i},路灯不亮`, location: { lat: 39.87, lng: 116.32 } }, { 'idempotency-key': randomUUID() })).body.id as string;
      for (let i = 0; i < 20; i++) ids.push(await post(i));
      // The server keeps taking reports while the backup runs (in another process).
      let writing = true;
      const during = (async () => {
        let i = 100;
        while (writing) await post(i++);
      })();
      const b = spawnSync(process.execPath, [join(ROOT, 'scripts/backup.mjs'), '--data-dir', dir], { encoding: 'utf8', timeout: 30_000 });
      writing = false;
      await during;
      expect(b.status).toBe(0);
      backupFile = /backup written: (\S+)/.exec(b.stdout)![1];
      expect(backupFile).toMatch(new RegExp(`^${join(dir, 'backups')}/zongzhi-\\d{8}-\\d{6}\\.sqlite$`));
      // After the backup: not in it, and gone after the restore.
      ids.push(await post(999));
      // Restore refuses while the server runs.
      const busy = spawnSync(process.execPath, [join(ROOT, 'scripts/restore.mjs'), backupFile, '--data-dir', dir], { encoding: 'utf8' });
      expect(busy.status).toBe(1);
      expect(busy.stderr).toMatch(/服务器正在运行/);
    } finally {
      await app.close();
    }
    // A healthy SQLite file of another program is refused before anything is swapped.
    const stranger = join(mkdtempSync(join(tmpdir(), 'zz-stranger-')), 'other.sqlite');
    const sdb = new Database(stranger);
    sdb.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)');
    sdb.close();
    const refused = spawnSync(process.execPath, [join(ROOT, 'scripts/restore.mjs'), stranger, '--data-dir', dir], { encoding: 'utf8' });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/不是本系统的数据库备份/);
    expect(readdirSync(join(dir, 'backups')).some((f) => f.startsWith('zongzhi-before-restore'))).toBe(false);
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts/restore.mjs'), backupFile!, '--data-dir', dir], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const kept = /kept as (\S+)/.exec(r.stdout)![1];
    expect(existsSync(kept)).toBe(true);
    app = await start(dir);
    try {
      const { req, login } = await client(app);
      const d = await login('dispatcher');
      for (const id of ids.slice(0, 20)) expect((await req('GET', `/tickets/${id}`, d)).status).toBe(200);
      expect((await req('GET', `/tickets/${ids[20]}`, d)).status).toBe(404);
    } finally {
      await app.close();
    }
    // The database the restore replaced still holds the later report.
    const old = new Database(kept, { readonly: true });
    expect(old.prepare('SELECT COUNT(*) n FROM tickets WHERE id = ?').get(ids[20])).toEqual({ n: 1 });
    old.close();
  });
});

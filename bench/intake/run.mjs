// bench/intake: how fast the API takes reports, against MariaDB (default) or
// the embedded SQLite on this machine, next to the floor the database itself sets.
//   node bench/intake/run.mjs [--db mysql|sqlite] [--seconds 10] [--connections 16]
// 1. autocannon on POST /api/v1/reports (authenticated resident, a fresh
//    Idempotency-Key per request) against the built API (node apps/api/dist/main.js);
// 2. in the same run, raw inserts of an equivalent row (ticket + its history
//    row in one transaction, the same columns): mysql2 with as many
//    connections, or better-sqlite3 on the same file with the server's pragmas
//    (WAL, synchronous=FULL; one writer, as SQLite has one).
// Prints both rates, p50/p99 latency and the ratio API / raw.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { ROOT, log } from '../../scripts/lib.mjs';
import { startMariadb } from '../../scripts/mariadb.mjs';

const require = createRequire(join(ROOT, 'apps/api/package.json'));
const autocannon = require('autocannon');
const mysql = require('mysql2/promise');
const { generateCaseCode } = require('@zongzhi/shared');

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const DB = (() => {
  const i = process.argv.indexOf('--db');
  return i > 0 ? process.argv[i + 1] : 'mysql';
})();
if (!['mysql', 'sqlite'].includes(DB)) throw new Error('--db mysql|sqlite');
const SECONDS = arg('seconds', 10);
const CONNECTIONS = arg('connections', 16);
const PORT = 3300 + Math.floor(Math.random() * 500);
const TEXT = '楼上邻居每天晚上十一点以后还在装修,电钻声音很大,沟通了两次没有用,希望社区帮忙协调';

let db;
let dbUrl;
let dbName;
const dataDir = mkdtempSync(join(tmpdir(), 'zz-bench-'));
if (DB === 'mysql') {
  db = await startMariadb({ fresh: false });
  dbName = `zz_bench_${Date.now()}`;
  const admin = await mysql.createConnection(db.url);
  await admin.query(`CREATE DATABASE ${dbName} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  dbUrl = `${db.url}/${dbName}`;
}
const dbEnv = DB === 'mysql' ? { DB_TYPE: 'mysql', DATABASE_URL: dbUrl } : { DB_TYPE: 'sqlite' };

const api = spawn(process.execPath, [join(ROOT, 'apps/api/dist/main.js')], {
  env: { ...process.env, NODE_ENV: 'test', ...dbEnv, DATA_DIR: dataDir, PORT: String(PORT), HOST: '127.0.0.1', JWT_SECRET: 'b'.repeat(40), SEED_DEMO: 'true', SMS_MAX_PER_IP_PER_HOUR: '1000' },
  // Not inherited: an orphaned child holding our stdout would keep pipes open.
  stdio: ['ignore', 'ignore', 'inherit'],
});
process.on('exit', () => api.kill('SIGTERM'));
const base = `http://127.0.0.1:${PORT}/api/v1`;
for (let i = 0; ; i++) {
  try {
    if ((await fetch(`${base}/health`)).ok) break;
  } catch {
    /* starting */
  }
  if (i > 150) throw new Error('API did not start');
  await new Promise((r) => setTimeout(r, 200));
}
const post = (path, body) => fetch(base + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.json());
const phone = '13700000001';
const { devCode } = await post('/auth/sms/send', { phone });
const { accessToken, user } = await post('/auth/sms/verify', { phone, code: devCode });

const location = { lat: 39.87, lng: 116.32, address: '幸福小区3号楼' };
const reportRequest = {
  method: 'POST',
  setupRequest: (req) => ({
    ...req,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}`, 'idempotency-key': randomUUID() },
    body: JSON.stringify({ text: TEXT, location, contactPhone: phone }),
  }),
};
// Warm up first (JIT, connection pool, caches), as a server that has been running is.
await autocannon({ url: `${base}/reports`, connections: CONNECTIONS, duration: 3, requests: [reportRequest] });
log(`API: ${CONNECTIONS} connections for ${SECONDS} s …`);
const apiResult = await autocannon({
  url: `${base}/reports`,
  connections: CONNECTIONS,
  duration: SECONDS,
  requests: [reportRequest],
});
const non2xx = apiResult.non2xx;

const latencies = [];
let done = 0;
if (DB === 'mysql') await rawMysql();
else await rawSqlite();
latencies.sort((a, b) => a - b);
const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
const rawRate = done / SECONDS;
const apiRate = apiResult.requests.average;

async function rawMysql() {
  // Raw: the same two rows the API writes, in one transaction per report.
  const pool = mysql.createPool({ uri: dbUrl, connectionLimit: CONNECTIONS, timezone: 'Z' });
  const [[grid]] = await pool.query("SELECT id, parent_id FROM org_units WHERE level = 'grid' ORDER BY code LIMIT 1");
  const [[community]] = await pool.query('SELECT id, parent_id FROM org_units WHERE id = ?', [grid.parent_id]);
  const [[street]] = await pool.query('SELECT id, parent_id FROM org_units WHERE id = ?', [community.parent_id]);
  const triage = JSON.stringify({ category: 'neighbor', riskLevel: 'low', department: 'justice', tier: 'community', reasons: ['一对一日常纠纷'], confidence: 0.8 });
  async function rawInsert() {
    for (let attempt = 0; ; attempt++) {
      try {
        return await rawInsertOnce();
      } catch (e) {
        // A case-code collision: draw again, as the API does.
        if (e.code !== 'ER_DUP_ENTRY' || attempt > 3) throw e;
      }
    }
  }
  async function rawInsertOnce() {
    const conn = await pool.getConnection();
    const id = randomUUID();
    const now = new Date();
    try {
      await conn.beginTransaction();
      await conn.query(
        'INSERT INTO tickets (id, case_code, status, channel, text, reporter_id, idempotency_key, contact_phone, anonymous, lat, lng, address, location_unverified, grid_id, community_id, street_id, district_id, unit_id, department_id, triage, category, risk_level, dispatched_at, sign_deadline, resolve_deadline, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)',
        [id, generateCaseCode(now), 'submitted', 'miniprogram', TEXT, user.id, randomUUID(), phone, 0, location.lat, location.lng, location.address, 0, grid.id, community.id, street.id, street.parent_id, community.id, null, triage, 'neighbor', 'low', null, null, null, now, now],
      );
      await conn.query(
        'INSERT INTO ticket_history (id, ticket_id, action, from_status, to_status, actor_id, actor_role, actor_label, note, data, at) VALUES (?,?,?,?,?,?,?,?,?,?,?)',
        [randomUUID(), id, 'submit', null, 'submitted', user.id, 'resident', '反映人', null, '{"channel":"miniprogram"}', now],
      );
      await conn.commit();
    } catch (e) {
      await conn.rollback();
      throw e;
    } finally {
      conn.release();
    }
  }
  for (let i = 0; i < 200; i++) await rawInsert();
  log(`raw mysql2: ${CONNECTIONS} concurrent writers for ${SECONDS} s …`);
  const until = Date.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (Date.now() < until) {
        const t0 = performance.now();
        await rawInsert();
        latencies.push(performance.now() - t0);
        done++;
      }
    }),
  );
  await pool.end();

}

// Raw SQLite: the server stopped (SQLite has one writer), the same file, the
// same pragmas, prepared statements, one transaction per report.
async function rawSqlite() {
  await new Promise((r) => {
    api.once('exit', r);
    api.kill('SIGTERM');
  });
  const Database = require('better-sqlite3');
  const conn = new Database(join(dataDir, 'zongzhi.sqlite'), { fileMustExist: true });
  for (const p of ['journal_mode = WAL', 'synchronous = FULL', 'busy_timeout = 5000', 'foreign_keys = ON']) conn.pragma(p);
  const grid = conn.prepare("SELECT id, parent_id FROM org_units WHERE level = 'grid' ORDER BY code LIMIT 1").get();
  const community = conn.prepare('SELECT id, parent_id FROM org_units WHERE id = ?').get(grid.parent_id);
  const street = conn.prepare('SELECT id, parent_id FROM org_units WHERE id = ?').get(community.parent_id);
  const triage = JSON.stringify({ category: 'neighbor', riskLevel: 'low', department: 'justice', tier: 'community', reasons: ['一对一日常纠纷'], confidence: 0.8 });
  const insTicket = conn.prepare(
    'INSERT INTO tickets (id, case_code, status, channel, text, reporter_id, idempotency_key, contact_phone, anonymous, lat, lng, address, location_unverified, grid_id, community_id, street_id, district_id, unit_id, department_id, triage, category, risk_level, dispatched_at, sign_deadline, resolve_deadline, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)',
  );
  const insHistory = conn.prepare('INSERT INTO ticket_history (id, ticket_id, action, from_status, to_status, actor_id, actor_role, actor_label, note, data, at) VALUES (?,?,?,?,?,?,?,?,?,?,?)');
  const sqlTime = (d) => d.toISOString().replace('T', ' ').replace('Z', '');
  const one = conn.transaction(() => {
    const id = randomUUID();
    const now = new Date();
    const at = sqlTime(now);
    insTicket.run(id, generateCaseCode(now), 'submitted', 'miniprogram', TEXT, user.id, randomUUID(), phone, 0, location.lat, location.lng, location.address, 0, grid.id, community.id, street.id, street.parent_id, community.id, null, triage, 'neighbor', 'low', null, null, null, at, at);
    insHistory.run(randomUUID(), id, 'submit', null, 'submitted', user.id, 'resident', '反映人', null, '{"channel":"miniprogram"}', at);
  });
  const rawInsert = () => {
    for (let attempt = 0; ; attempt++) {
      try {
        return one();
      } catch (e) {
        if (e.code !== 'SQLITE_CONSTRAINT_UNIQUE' || attempt > 3) throw e;
      }
    }
  };
  for (let i = 0; i < 200; i++) rawInsert();
  log(`raw better-sqlite3: one writer for ${SECONDS} s …`);
  const until = Date.now() + SECONDS * 1000;
  while (Date.now() < until) {
    const t0 = performance.now();
    rawInsert();
    latencies.push(performance.now() - t0);
    done++;
  }
  conn.close();
}

api.kill('SIGTERM');
if (DB === 'mysql') {
  const cleanup = await mysql.createConnection(db.url);
  await cleanup.query(`DROP DATABASE ${dbName}`);
  await cleanup.end();
  db.stop();
}
rmSync(dataDir, { recursive: true, force: true });

const f = (n) => n.toFixed(1);
console.log(`\nbench/intake (${DB === 'mysql' ? 'MariaDB' : 'SQLite, WAL, synchronous=FULL'}, this machine)`);
console.log(`  API  POST /reports : ${f(apiRate)} req/s   p50 ${f(apiResult.latency.p50)} ms   p99 ${f(apiResult.latency.p99)} ms   (${apiResult.requests.total} requests, ${non2xx} non-2xx, ${CONNECTIONS} connections)`);
console.log(`  raw  ${DB === 'mysql' ? 'mysql2 INSERT    ' : 'better-sqlite3   '} : ${f(rawRate)} rows/s  p50 ${f(pct(50))} ms   p99 ${f(pct(99))} ms   (${done} rows)`);
console.log(`  ratio API / raw    : ${(apiRate / rawRate).toFixed(2)}`);
if (non2xx > 0) process.exitCode = 1;

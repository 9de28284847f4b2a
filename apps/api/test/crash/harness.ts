import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import sharp from 'sharp';

/**
 * Crash rounds against the built server started as `npm start` starts it
 * (node apps/api/dist/main.js with settings in the environment): four
 * residents submit reports with a photo while a dispatcher accepts each one;
 * something is killed with SIGKILL at a random moment; after the restart
 * every acknowledged case code must be found with its history and photo.
 */
export const ROOT = join(__dirname, '../../../..');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

export interface Api {
  proc: ChildProcess;
  base: string;
}

export async function startApi(env: Record<string, string>, logName: string): Promise<Api> {
  const port = await freePort();
  mkdirSync(join(ROOT, '.data'), { recursive: true });
  const log = createWriteStream(join(ROOT, '.data', `${logName}.log`), { flags: 'a' });
  const proc = spawn(process.execPath, [join(ROOT, 'apps/api/dist/main.js')], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: String(port),
      HOST: '127.0.0.1',
      SMS_MIN_INTERVAL_SECONDS: '0',
      SMS_MAX_PER_PHONE_PER_HOUR: '100000',
      SMS_MAX_PER_IP_PER_HOUR: '100000',
      UPLOAD_MAX_PER_USER_PER_HOUR: '100000',
      LOOKUP_MAX_PER_IP: '1000000',
      NOTIFY_INTERVAL_SECONDS: '0',
      UPLOAD_SWEEP_INTERVAL_SECONDS: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  proc.stdout!.pipe(log);
  proc.stderr!.pipe(log);
  const base = `http://127.0.0.1:${port}/api/v1`;
  for (let i = 0; ; i++) {
    if (proc.exitCode !== null) throw new Error(`API exited with ${proc.exitCode}; see .data/${logName}.log`);
    try {
      if ((await fetch(`${base}/health`)).ok) break;
    } catch {
      /* starting */
    }
    if (i > 300) throw new Error(`API did not become healthy; see .data/${logName}.log`);
    await sleep(100);
  }
  return { proc, base };
}

export function kill9(proc: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
    proc.once('exit', () => resolve());
    proc.kill('SIGKILL');
  });
}

async function call(base: string, method: string, path: string, token?: string, body?: unknown, headers: Record<string, string> = {}) {
  const r = await fetch(base + path, { method, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}), ...headers }, body: body ? JSON.stringify(body) : undefined });
  const text = await r.text();
  return { status: r.status, body: text ? JSON.parse(text) : null };
}

export interface Ack {
  id: string;
  caseCode: string;
  phone: string;
  photoId: string;
  accepted: boolean;
}

const PHOTO = sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 90, g: 140, b: 60 } } }).jpeg().toBuffer();

/** Four writers until `stop()` or the server stops answering; returns what was acknowledged. */
export async function writeUntilKilled(api: Api, round: number, killAfterMs: number, kill: () => Promise<void>): Promise<Ack[]> {
  const photo = await PHOTO;
  const dispatcher = (await call(api.base, 'POST', '/auth/login', undefined, { username: 'dispatcher', password: 'demo1234' })).body.accessToken as string;
  const residents = await Promise.all(
    [0, 1, 2, 3].map(async (w) => {
      const phone = `1370${String(round).padStart(2, '0')}0000${w}`.slice(0, 11);
      const sent = await call(api.base, 'POST', '/auth/sms/send', undefined, { phone });
      const token = (await call(api.base, 'POST', '/auth/sms/verify', undefined, { phone, code: sent.body.devCode })).body.accessToken as string;
      return { phone, token };
    }),
  );
  const acks: Ack[] = [];
  let dead = false;
  const writer = async ({ phone, token }: { phone: string; token: string }, w: number) => {
    for (let i = 0; !dead; i++) {
      try {
        const form = new FormData();
        form.append('file', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), 'p.jpg');
        const up = await fetch(`${api.base}/uploads`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } });
        if (up.status !== 201) throw new Error(`upload ${up.status}`);
        const photoId = ((await up.json()) as { id: string }).id;
        const r = await call(api.base, 'POST', '/reports', token, { text: `第${round}轮第${w}号写入者第${i}条:小区门口积水严重,老人出行不便`, location: { lat: 39.87, lng: 116.32 }, contactPhone: phone, photoIds: [photoId] }, { 'idempotency-key': randomUUID() });
        if (r.status !== 201) throw new Error(`report ${r.status}`);
        const ack: Ack = { id: r.body.id, caseCode: r.body.caseCode, phone, photoId, accepted: false };
        acks.push(ack);
        const a = await call(api.base, 'POST', `/tickets/${ack.id}/actions`, dispatcher, { action: 'accept', note: '已受理' });
        if (a.status !== 200) throw new Error(`accept ${a.status}`);
        ack.accepted = true;
      } catch {
        // The server (or its database) died under this request: it was not acknowledged.
        if (!dead) await sleep(50);
      }
    }
  };
  const running = residents.map(writer);
  await sleep(killAfterMs);
  await kill();
  await sleep(300);
  dead = true;
  await Promise.all(running);
  return acks;
}

/** How many of the acknowledged reports are found whole: case code, submit (+ accept) in the history, the photo and its file. */
export async function verify(api: Api, acks: Ack[]): Promise<{ found: number; missing: string[] }> {
  const dispatcher = (await call(api.base, 'POST', '/auth/login', undefined, { username: 'dispatcher', password: 'demo1234' })).body.accessToken as string;
  const origin = api.base.replace(/\/api\/v1$/, '');
  const missing: string[] = [];
  for (const a of acks) {
    const t = await call(api.base, 'GET', `/tickets/${a.id}`, dispatcher);
    const lookup = await call(api.base, 'GET', `/reports/lookup?caseCode=${encodeURIComponent(a.caseCode)}&phone=${a.phone}`);
    const actions = t.status === 200 ? (t.body.history as { action: string }[]).map((h) => h.action) : [];
    const photo = t.status === 200 ? (t.body.photos as { id: string; url: string }[]).find((p) => p.id === a.photoId) : undefined;
    const file = photo ? (await fetch(origin + photo.url)).status : 0;
    const whole =
      t.status === 200 && t.body.caseCode === a.caseCode && lookup.status === 200 && actions[0] === 'submit' && (!a.accepted || actions.includes('accept')) && file === 200;
    if (!whole) missing.push(`${a.caseCode} (ticket ${t.status}, lookup ${lookup.status}, history ${actions.join('>')}, photo file ${file})`);
  }
  return { found: acks.length - missing.length, missing };
}

export interface RoundResult {
  round: number;
  killed: string;
  acknowledged: number;
  accepted: number;
  found: number;
}

export function report(engine: string, rounds: RoundResult[]): void {
  const lines = rounds.map((r) => `  ${engine} round ${r.round} (kill -9 ${r.killed}): ${r.acknowledged} acknowledged (${r.accepted} with accept), ${r.found} found`);
  const text = `crash test, ${engine}:\n${lines.join('\n')}`;
  console.log(text);
  mkdirSync(join(ROOT, '.data'), { recursive: true });
  writeFileSync(join(ROOT, '.data', `crash-${engine.toLowerCase()}.json`), JSON.stringify(rounds, null, 1));
}

export const randomKillDelay = () => 1200 + Math.floor(Math.random() * 1800);

/** A MariaDB of its own for the crash test, flushing InnoDB's log at every commit as production runs it. */
export async function startDedicatedMariadb(dir: string) {
  const datadir = join(dir, 'data');
  const socket = join(dir, 'mysqld.sock');
  const port = await freePort();
  mkdirSync(dir, { recursive: true });
  const r = spawnSync('mariadb-install-db', ['--user=root', `--datadir=${datadir}`, '--auth-root-authentication-method=normal', '--skip-test-db'], { stdio: 'ignore' });
  if (r.status !== 0) throw new Error('mariadb-install-db failed');
  const ping = () => spawnSync('mariadb-admin', ['--socket', socket, '-uroot', 'ping'], { stdio: 'ignore' }).status === 0;
  let proc: ChildProcess;
  const start = async () => {
    proc = spawn(
      'mariadbd',
      [
        '--no-defaults',
        '--user=root',
        `--datadir=${datadir}`,
        `--socket=${socket}`,
        `--port=${port}`,
        '--bind-address=127.0.0.1',
        `--pid-file=${join(dir, 'mysqld.pid')}`,
        '--character-set-server=utf8mb4',
        '--collation-server=utf8mb4_unicode_ci',
        '--innodb-buffer-pool-size=64M',
        '--innodb-flush-log-at-trx-commit=1',
        '--skip-name-resolve',
        `--log-error=${join(dir, 'error.log')}`,
      ],
      { stdio: 'ignore' },
    );
    for (let i = 0; i < 300 && !ping(); i++) await sleep(100);
    if (!ping()) throw new Error(`MariaDB did not start; see ${join(dir, 'error.log')}`);
  };
  await start();
  spawnSync('mariadb', ['--socket', socket, '-uroot', '-e', "CREATE USER IF NOT EXISTS 'root'@'127.0.0.1' IDENTIFIED BY ''; GRANT ALL ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION; CREATE DATABASE zz_crash CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"], { stdio: 'ignore' });
  return {
    url: `mysql://root@127.0.0.1:${port}/zz_crash`,
    start,
    kill: () => kill9(proc),
    stop: () => {
      proc.kill('SIGTERM');
    },
  };
}

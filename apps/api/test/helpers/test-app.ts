import { randomBytes } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createConnection } from 'mysql2/promise';
import { createApp } from '../../src/app.factory';
import { loadConfig, type AppConfig } from '../../src/config/app-config';

export interface Res<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  /** http://127.0.0.1:port (no prefix) */
  origin: string;
  dbUrl: string;
  req<T = any>(method: string, path: string, opts?: { token?: string; body?: unknown; headers?: Record<string, string>; raw?: string }): Promise<Res<T>>;
  staff(username: string): Promise<string>;
  resident(phone?: string): Promise<{ token: string; phone: string; userId: string }>;
  close(): Promise<void>;
}

export function mysqlBase(): string {
  const base = process.env.TEST_MYSQL_URL;
  if (!base) throw new Error('TEST_MYSQL_URL is not set: run the tests with `npm test`, which starts MariaDB');
  return base;
}

let phoneCounter = 0;
/** A fresh valid mainland mobile number per call, so rate limits of one test never touch another. */
export function uniquePhone(): string {
  phoneCounter++;
  const n = (Date.now() % 1e6) * 100 + (phoneCounter % 100) + Math.floor(Math.random() * 1e3) * 1e8;
  return `139${String(n % 1e8).padStart(8, '0')}`;
}

/** Boots the whole API on a fresh MariaDB database with the demo organisation. */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const base = mysqlBase();
  const dbName = `zz_t_${randomBytes(5).toString('hex')}`;
  const admin = await createConnection(base);
  await admin.query(`CREATE DATABASE ${dbName} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  const dbUrl = `${base}/${dbName}`;
  const config = loadConfig({
    NODE_ENV: 'test',
    DB_TYPE: 'mysql',
    DATABASE_URL: dbUrl,
    JWT_SECRET: randomBytes(24).toString('hex'),
    SEED_DEMO: 'true',
    SMS_MAX_PER_IP_PER_HOUR: '100000',
    ...env,
  });
  const app = await createApp(config);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const origin = (await app.getUrl()).replace('[::1]', '127.0.0.1');

  const req: TestApp['req'] = async (method, path, opts = {}) => {
    const headers: Record<string, string> = { ...(opts.headers ?? {}) };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    let body: string | undefined = opts.raw;
    if (opts.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(opts.body);
    }
    const res = await fetch(origin + (path.startsWith('/api') || path.startsWith('/docs') ? path : `/api/v1${path}`), { method, headers, body });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    return { status: res.status, body: parsed as any, headers: res.headers };
  };

  const tokens = new Map<string, string>();
  return {
    app,
    config,
    origin,
    dbUrl,
    req,
    async staff(username) {
      if (!tokens.has(username)) {
        const r = await req('POST', '/auth/login', { body: { username, password: 'demo1234' } });
        if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${JSON.stringify(r.body)}`);
        tokens.set(username, r.body.accessToken);
      }
      return tokens.get(username)!;
    },
    async resident(phone = uniquePhone()) {
      const sent = await req('POST', '/auth/sms/send', { body: { phone } });
      if (sent.status !== 200) throw new Error(`sms send: ${sent.status} ${JSON.stringify(sent.body)}`);
      const r = await req('POST', '/auth/sms/verify', { body: { phone, code: sent.body.devCode } });
      if (r.status !== 200) throw new Error(`sms verify: ${r.status} ${JSON.stringify(r.body)}`);
      return { token: r.body.accessToken, phone, userId: r.body.user.id };
    },
    async close() {
      await app.close();
      const c = await createConnection(base);
      await c.query(`DROP DATABASE IF EXISTS ${dbName}`);
      await c.end();
    },
  };
}

import { randomUUID } from 'node:crypto';
import { startTestApp, uniquePhone } from '../helpers/test-app';
import { ConfigError, loadConfig } from '../../src/config/app-config';
import { createApp } from '../../src/app.factory';

describe('what the server writes to its logs (MariaDB)', () => {
  it('never contains a full phone number or a token, across login, report and a server error', async () => {
    const written: string[] = [];
    const capture = (stream: NodeJS.WriteStream) => {
      const original = stream.write.bind(stream);
      stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
        written.push(String(chunk));
        return (original as (...a: unknown[]) => boolean)(chunk, ...rest);
      }) as typeof stream.write;
      return () => {
        stream.write = original;
      };
    };
    const restoreOut = capture(process.stdout);
    const restoreErr = capture(process.stderr);
    const t = await startTestApp({ NODE_ENV: 'development' });
    try {
      const phone = uniquePhone();
      const { token } = await t.resident(phone);
      await t.req('POST', '/reports', { token, body: { text: `我的电话${phone},老板欠薪`, contactPhone: phone }, headers: { 'idempotency-key': randomUUID() } });
      await t.req('GET', '/auth/me', { token });
      const all = written.join('');
      expect(all).toContain(`${phone.slice(0, 3)}****${phone.slice(-4)}`); // the SMS line was logged, masked
      expect(all).not.toContain(phone);
      expect(all).not.toContain(token);
    } finally {
      restoreOut();
      restoreErr();
      await t.close();
    }
  });

  it('refuses to start in production while a demo account keeps the demo password', async () => {
    const seeded = await startTestApp();
    await seeded.app.close();
    const config = loadConfig({
      NODE_ENV: 'production',
      DB_TYPE: 'mysql',
      DATABASE_URL: seeded.dbUrl,
      JWT_SECRET: 'p'.repeat(40),
      FIELD_ENCRYPTION_KEY: 'f'.repeat(40),
      SMS_PROVIDER: 'http',
      SMS_HTTP_URL: 'http://127.0.0.1:9/send',
      SEED_DEMO: 'false',
    });
    await expect(createApp(config)).rejects.toThrow(ConfigError);
    await seeded.close().catch(() => undefined);
  });
});

import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory';
import { loadConfig } from '../../src/config/app-config';
import { ENTITIES } from '../../src/database/entities';
import { MIGRATIONS } from '../../src/database/migrations';
import { mysqlBase } from '../helpers/test-app';

/** MariaDB: a database made before the `initialised` marker existed is marked by the migration, never seeded again. */
it('marks a database that already holds an organisation as initialised, and does not seed into it (MariaDB)', async () => {
  const name = `zz_meta_${randomBytes(4).toString('hex')}`;
  const admin = await createConnection(mysqlBase());
  await admin.query(`CREATE DATABASE ${name} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  const url = `${mysqlBase()}/${name}`;
  try {
    const at = MIGRATIONS.findIndex((m) => m.name.startsWith('AddAppMeta'));
    expect(at).toBeGreaterThan(0);
    const before = new DataSource({ type: 'mariadb', url, entities: ENTITIES, migrations: MIGRATIONS.slice(0, at), timezone: 'Z' });
    await before.initialize();
    await before.runMigrations({ transaction: 'each' });
    await before.query("INSERT INTO org_units (id, code, name, level) VALUES (?, 'X01', '某区', 'district')", [randomUUID()]);
    await before.destroy();
    const app = await createApp(loadConfig({ NODE_ENV: 'test', DB_TYPE: 'mysql', DATABASE_URL: url, DATA_DIR: mkdtempSync(join(tmpdir(), 'zz-')), JWT_SECRET: randomBytes(24).toString('hex'), SEED_DEMO: 'true' }));
    try {
      const db = app.get(DataSource);
      expect(await db.query("SELECT `value` FROM app_meta WHERE `key` = 'initialised'")).toEqual([{ value: 'before-marker' }]);
      expect(await db.query('SELECT code FROM org_units')).toEqual([{ code: 'X01' }]);
      expect(Number((await db.query('SELECT COUNT(*) n FROM users'))[0].n)).toBe(0);
    } finally {
      await app.close();
    }
  } finally {
    await admin.query(`DROP DATABASE ${name}`);
    await admin.end();
  }
});

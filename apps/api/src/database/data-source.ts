import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createConnection } from 'mysql2/promise';
import type { DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/**
 * MySQL/MariaDB: schema only from committed migrations (run at start-up).
 * Embedded sql.js: the demo file database, kept in sync with the entities.
 */
export async function dataSourceOptions(config: Pick<AppConfig, 'DB_TYPE' | 'DATABASE_URL' | 'DATA_DIR'>): Promise<DataSourceOptions> {
  if (config.DB_TYPE === 'mysql') {
    return {
      type: await mysqlFlavor(config.DATABASE_URL!),
      url: config.DATABASE_URL,
      charset: 'utf8mb4_unicode_ci',
      timezone: 'Z',
      entities: ENTITIES,
      migrations: MIGRATIONS,
      migrationsRun: true,
      migrationsTransactionMode: 'each',
      synchronize: false,
      // multipleStatements lets the intake hot path send its whole transaction
      // in one round trip (TicketsRepository.insertNewInOneTrip). Values are
      // always bound as parameters, never concatenated, so it opens no injection.
      extra: { connectionLimit: 20, multipleStatements: true },
    };
  }
  const dir = resolve(config.DATA_DIR);
  mkdirSync(dir, { recursive: true });
  return {
    type: 'sqljs',
    location: join(dir, 'zongzhi.sqlite'),
    autoSave: true,
    entities: ENTITIES,
    synchronize: true,
  };
}

/**
 * MySQL and MariaDB speak one protocol but describe columns differently in
 * information_schema (MariaDB reports `DEFAULT NULL` as the string 'NULL');
 * TypeORM reads them right only when told which one it talks to.
 */
export async function mysqlFlavor(url: string): Promise<'mysql' | 'mariadb'> {
  const c = await createConnection(url);
  try {
    const [rows] = await c.query('SELECT VERSION() AS v');
    return /mariadb/i.test((rows as { v: string }[])[0].v) ? 'mariadb' : 'mysql';
  } finally {
    await c.end();
  }
}

import { mkdirSync } from 'node:fs';
import { createConnection } from 'mysql2/promise';
import { dirname } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { SQLITE_MIGRATIONS } from './migrations-sqlite';
import { sqliteFileOf } from './sqlite/files';

/**
 * Both engines: schema only from committed migrations (run at start-up), one
 * set per dialect. MySQL/MariaDB at DATABASE_URL; the embedded SQLite file in
 * DATA_DIR (checked and adopted by `prepareSqlite` before this runs).
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
  const file = sqliteFileOf(config);
  mkdirSync(dirname(file), { recursive: true });
  return sqliteOptions(file);
}

/**
 * WAL (readers never block the writer; a commit is one append), synchronous=FULL
 * (the WAL is fsynced at every commit: an acknowledged write survives a power
 * cut, not only a process crash), a busy timeout for the backup tool and other
 * readers, foreign keys on (TypeORM also sets it).
 */
export const SQLITE_PRAGMAS = ['journal_mode = WAL', 'synchronous = FULL', 'busy_timeout = 5000', 'foreign_keys = ON'];

export function sqliteOptions(file: string): DataSourceOptions {
  return {
    type: 'better-sqlite3',
    database: file,
    timeout: 5000,
    prepareDatabase: (db: { pragma(s: string): unknown }) => {
      for (const p of SQLITE_PRAGMAS) db.pragma(p);
    },
    entities: ENTITIES,
    migrations: SQLITE_MIGRATIONS,
    migrationsRun: true,
    migrationsTransactionMode: 'each',
    synchronize: false,
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

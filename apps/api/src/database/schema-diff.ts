import { DataSource } from 'typeorm';
import { mysqlFlavor } from './data-source';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { SQLITE_MIGRATIONS } from './migrations-sqlite';

/**
 * Applies the committed migrations to an empty MySQL/MariaDB database and
 * returns the SQL the entities would still need. Empty means entities and
 * migrations agree; the drift test and the migration generator share this.
 */
export async function pendingSchemaChanges(url: string): Promise<{ up: string[]; down: string[] }> {
  const ds = new DataSource({ type: await mysqlFlavor(url), url, entities: ENTITIES, migrations: MIGRATIONS, charset: 'utf8mb4_unicode_ci', timezone: 'Z' });
  await ds.initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
    const sql = await ds.driver.createSchemaBuilder().log();
    return { up: sql.upQueries.map((q) => q.query), down: sql.downQueries.map((q) => q.query).reverse() };
  } finally {
    await ds.destroy();
  }
}

/**
 * The same check on SQLite: the committed SQLite migrations applied to an
 * empty in-memory database, then the SQL the entities would still need.
 */
export async function pendingSqliteSchemaChanges(migrations: Function[] = SQLITE_MIGRATIONS, entities: Function[] = ENTITIES): Promise<{ up: string[]; down: string[] }> {
  const ds = new DataSource({ type: 'better-sqlite3', database: ':memory:', entities, migrations });
  await ds.initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
    const sql = await ds.driver.createSchemaBuilder().log();
    return { up: sql.upQueries.map((q) => q.query), down: sql.downQueries.map((q) => q.query).reverse() };
  } finally {
    await ds.destroy();
  }
}

import { closeSync, existsSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DataSource } from 'typeorm';
import { ConfigError, type AppConfig } from '../../config/app-config';
import { ENTITIES } from '../entities';
import { SQLITE_MIGRATIONS } from '../migrations-sqlite';
import { backupDirOf, newestBackup, sqliteFileOf } from './files';

/** Start-up refused because of the database file; the message says which file and what to restore. */
export class DatabaseFileError extends ConfigError {}

function refuse(file: string, dataDir: string, zh: string, en: string): never {
  const backup = newestBackup(dataDir);
  const restore = backup
    ? `恢复最近的备份 / restore the newest backup:\n    npm run restore -- ${backup}`
    : `在 ${dataDir}/backups 中没有备份 / no backup in ${dataDir}/backups: 请从其他位置恢复该文件 / restore the file from elsewhere`;
  throw new DatabaseFileError(
    `数据库文件不可用,服务器拒绝启动,以免在其上写入新数据 / The database file is unusable; the server will not start, so nothing is written over it.\n` +
      `  文件 / file: ${file}\n` +
      `  原因 / reason: ${zh} / ${en}\n` +
      `  ${restore}\n` +
      `  (该文件未被改动;若只是首次启动被中断、其中本无数据,可删除它后重启 / the file was left untouched; if it is an interrupted first start that never held data, delete it and start again)`,
  );
}

const HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * An existing database file must be a whole, healthy SQLite database before
 * anything opens it for writing: empty, not SQLite, cut short or failing
 * `PRAGMA integrity_check` stops start-up. A missing file is a new database.
 */
export function checkSqliteFile(file: string, dataDir: string): 'new' | 'existing' {
  if (!existsSync(file)) return 'new';
  const size = statSync(file).size;
  const wal = `${file}-wal`;
  const walSize = existsSync(wal) ? statSync(wal).size : 0;
  if (size === 0 && walSize === 0) refuse(file, dataDir, '文件为空(0 字节)', 'the file is empty (0 bytes)');
  if (size > 0) {
    const head = Buffer.alloc(100);
    const fd = openSync(file, 'r');
    let n: number;
    try {
      n = readSync(fd, head, 0, 100, 0);
    } finally {
      closeSync(fd);
    }
    if (n < 100 || !head.subarray(0, 16).equals(HEADER)) refuse(file, dataDir, '不是 SQLite 数据库文件(文件头不符)', 'not an SQLite database (bad header)');
    const pageSize = head.readUInt16BE(16) === 1 ? 65536 : head.readUInt16BE(16);
    if (size % pageSize !== 0) refuse(file, dataDir, `文件被截断(${size} 字节,不是页大小 ${pageSize} 的整数倍)`, `the file was cut short (${size} bytes, not a whole number of ${pageSize}-byte pages)`);
  }
  let problems: string[];
  try {
    const db = new Database(file, { fileMustExist: true, timeout: 5000 });
    try {
      problems = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).filter((r) => r !== 'ok');
    } finally {
      db.close();
    }
  } catch (e) {
    problems = [(e as Error).message];
  }
  if (problems.length) {
    const detail = problems.slice(0, 3).join('; ');
    refuse(file, dataDir, `完整性检查失败(${detail})`, `PRAGMA integrity_check failed (${detail})`);
  }
  return 'existing';
}

/** Tables, columns (by name), indexes and foreign keys, in a form two databases can be compared by. */
export function schemaFingerprint(db: Database.Database): string {
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN ('migrations', 'typeorm_metadata', 'app_meta') ORDER BY name").all() as { name: string }[]).map((t) => t.name);
  return JSON.stringify(
    tables.map((t) => ({
      t,
      // By name: a column that a later synchronize added sits last, the same column from a migration may not.
      columns: (db.pragma(`table_info("${t}")`) as { cid?: number; name: string }[]).map(({ cid: _cid, ...c }) => c).sort((a, b) => a.name.localeCompare(b.name)),
      indexes: (db.pragma(`index_list("${t}")`) as { name: string; unique: number; origin: string; partial: number }[])
        .map((i) => ({ ...i, seq: undefined, columns: (db.pragma(`index_info("${i.name}")`) as { name: string }[]).map((c) => c.name) }))
        .sort((a, b) => a.name.localeCompare(b.name)),
      foreignKeys: db.pragma(`foreign_key_list("${t}")`),
    })),
  );
}

async function fingerprintAfter(migrations: Function[]): Promise<string> {
  const ds = new DataSource({ type: 'better-sqlite3', database: ':memory:', entities: ENTITIES, migrations });
  await ds.initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
    return schemaFingerprint((ds.driver as unknown as { databaseConnection: Database.Database }).databaseConnection);
  } finally {
    await ds.destroy();
  }
}

/**
 * A file sql.js made has its tables (from `synchronize`) but no migrations
 * table. Find the longest prefix of the committed SQLite migrations whose
 * schema is exactly the file's (app_meta aside: sql.js files never had it),
 * record those as run (nothing else changes) except AddAppMeta, and let the
 * rest run as usual: AddAppMeta then marks the file initialised. A file that
 * matches none is refused untouched. Returns how many migrations were
 * recorded, or 0 when the file is not legacy.
 */
export async function adoptLegacyFile(file: string, dataDir: string, migrations: Function[] = SQLITE_MIGRATIONS): Promise<number> {
  const db = new Database(file, { fileMustExist: true, timeout: 5000 });
  try {
    const names = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name));
    if (names.has('migrations') || names.size === 0) return 0;
    const mine = schemaFingerprint(db);
    for (let k = migrations.length; k > 0; k--) {
      if ((await fingerprintAfter(migrations.slice(0, k))) !== mine) continue;
      const rows = migrations.slice(0, k).filter((m) => !m.name.startsWith('AddAppMeta')).map((m) => {
        const name = (new (m as new () => { name?: string })().name ?? m.name) as string;
        return { timestamp: Number(name.slice(-13)), name };
      });
      // A copy first, whatever happens next.
      mkdirSync(backupDirOf(dataDir), { recursive: true });
      await db.backup(join(backupDirOf(dataDir), `zongzhi-before-upgrade-${stamp()}.sqlite`));
      db.transaction(() => {
        db.exec('CREATE TABLE "migrations" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "timestamp" bigint NOT NULL, "name" varchar NOT NULL)');
        const ins = db.prepare('INSERT INTO "migrations" ("timestamp", "name") VALUES (?, ?)');
        for (const r of rows) ins.run(r.timestamp, r.name);
      })();
      return rows.length;
    }
  } finally {
    db.close();
  }
  refuse(file, dataDir, '表结构与任何已知版本都不一致,无法接管', 'its tables match no known version of the schema, so it cannot be adopted');
}

/** 20261207-195100, for file names (UTC). */
export function stamp(d = new Date()): string {
  return d.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

/**
 * One API process per database file: the running server holds an exclusive
 * SQLite lock on `<file>.lock` until it exits (the OS drops it on kill -9).
 * Returns the release function; throws when another process holds it.
 */
export function holdInstanceLock(file: string): () => void {
  const lockFile = `${file}.lock`;
  const lock = new Database(lockFile, { timeout: 0 });
  try {
    lock.pragma('journal_mode = MEMORY');
    lock.pragma('locking_mode = EXCLUSIVE');
    lock.exec('BEGIN EXCLUSIVE');
  } catch {
    lock.close();
    throw new DatabaseFileError(
      `另一个 API 进程正在使用此数据库,嵌入式 SQLite 只允许一个进程 / Another API process is using this database; embedded SQLite allows one process only.\n  文件 / file: ${file}\n  (多实例请改用 DB_TYPE=mysql / for several instances use DB_TYPE=mysql)`,
    );
  }
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    heldLocks.delete(file);
    lock.close(); // closing the connection drops the lock
  };
  heldLocks.set(file, release);
  return release;
}

const heldLocks = new Map<string, () => void>();

/** Drops this process's lock on the file, if it holds one (when the DataSource closes). */
export function releaseInstanceLock(file: string): void {
  heldLocks.get(file)?.();
}

/**
 * Everything that happens to the embedded database file before TypeORM opens
 * it: the one-process lock, the health check, the adoption of a sql.js file.
 */
export async function prepareSqlite(config: Pick<AppConfig, 'DATA_DIR'>): Promise<() => void> {
  const file = sqliteFileOf(config);
  mkdirSync(config.DATA_DIR, { recursive: true });
  const release = holdInstanceLock(file);
  try {
    if (checkSqliteFile(file, config.DATA_DIR) === 'existing') await adoptLegacyFile(file, config.DATA_DIR);
    return release;
  } catch (e) {
    release();
    throw e;
  }
}

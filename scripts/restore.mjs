// `npm run restore -- <backup file> [--data-dir DIR]`, with the server stopped:
// checks the backup, keeps the current database (copied into DATA_DIR/backups
// as zongzhi-before-restore-<date>.sqlite, never deleted), then puts the backup
// in its place (temporary file, fsync, rename). Start the server again after.
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { backupDirOf, Database, dataDirFrom, dbFileOf, fsyncPath, integrityProblems, stamp } from './sqlite-files.mjs';

const args = process.argv.slice(2);
const positional = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--data-dir');
if (positional.length !== 1) {
  console.error('用法 / usage: npm run restore -- <backup file> [--data-dir DIR]');
  process.exit(2);
}
const backup = resolve(positional[0]);
const dataDir = dataDirFrom(process.argv);
const target = dbFileOf(dataDir);
const fail = (msg) => {
  console.error(msg);
  process.exit(1);
};
if (!existsSync(backup)) fail(`找不到备份文件 / backup not found: ${backup}`);
const problems = integrityProblems(backup);
if (problems.length) fail(`备份文件损坏,未恢复 / the backup fails PRAGMA integrity_check, nothing restored: ${problems.slice(0, 3).join('; ')}`);
// A healthy SQLite file of another program is no backup of ours: check before anything is swapped.
{
  const probe = new Database(backup, { readonly: true, fileMustExist: true });
  const tables = new Set(probe.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all().map((r) => r.name));
  probe.close();
  const missing = ['tickets', 'ticket_history', 'users', 'org_units'].filter((t) => !tables.has(t));
  if (missing.length) fail(`这不是本系统的数据库备份,未恢复 / not a backup of this product's database (no ${missing.join(', ')}), nothing restored: ${backup}`);
}

// The server holds this lock while it runs (one process per database file).
mkdirSync(dataDir, { recursive: true });
const lock = new Database(`${target}.lock`, { timeout: 0 });
try {
  lock.pragma('journal_mode = MEMORY');
  lock.pragma('locking_mode = EXCLUSIVE');
  lock.exec('BEGIN EXCLUSIVE');
} catch {
  fail(`服务器正在运行,请先停止 / the server is running on ${target}: stop it first`);
}

try {
  const keepDir = backupDirOf(dataDir);
  mkdirSync(keepDir, { recursive: true });
  if (existsSync(target)) {
    const kept = join(keepDir, `zongzhi-before-restore-${stamp()}.sqlite`);
    if (integrityProblems(target).length === 0) {
      const cur = new Database(target, { fileMustExist: true });
      await cur.backup(kept); // includes what is still in the WAL
      cur.close();
    } else {
      for (const suffix of ['', '-wal', '-shm']) if (existsSync(target + suffix)) renameSync(target + suffix, kept + suffix);
    }
    console.log(`原数据库已保留 / the current database was kept as ${kept}`);
  }
  const tmp = `${target}.restoring`;
  copyFileSync(backup, tmp);
  fsyncPath(tmp);
  for (const suffix of ['-wal', '-shm']) rmSync(target + suffix, { force: true });
  renameSync(tmp, target);
  fsyncPath(dirname(target));
  const db = new Database(target, { fileMustExist: true });
  const n = db.prepare('SELECT COUNT(*) AS n FROM tickets').get().n;
  db.close();
  console.log(`已恢复 / restored ${backup} → ${target} (${n} 件案件 / tickets). 现在可以启动服务器 / start the server now.`);
} finally {
  lock.exec('ROLLBACK');
  lock.close();
}

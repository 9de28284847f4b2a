// `npm run backup [-- --data-dir DIR] [--out DIR]`: a consistent copy of the
// embedded database while the server runs (SQLite's online backup API; WAL
// lets the server keep writing), checked with PRAGMA integrity_check, written
// to DIR/zongzhi-<UTC date-time>.sqlite (default DATA_DIR/backups).
// Photos (DATA_DIR/uploads) are files that never change once written: copy
// that folder with any file tool (rsync) beside this.
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { backupDirOf, Database, dataDirFrom, dbFileOf, fsyncPath, integrityProblems, stamp } from './sqlite-files.mjs';

const dataDir = dataDirFrom(process.argv);
const src = dbFileOf(dataDir);
const outIdx = process.argv.indexOf('--out');
const outDir = outIdx >= 0 ? resolve(process.argv[outIdx + 1]) : backupDirOf(dataDir);
if (!existsSync(src)) {
  console.error(`没有数据库文件 / no database file: ${src}`);
  process.exit(1);
}
mkdirSync(outDir, { recursive: true });
const out = join(outDir, `zongzhi-${stamp()}.sqlite`);
const tmp = `${out}.partial`;
rmSync(tmp, { force: true });

const db = new Database(src, { fileMustExist: true, timeout: 5000 });
db.pragma('busy_timeout = 5000');
const t0 = Date.now();
// After the first 100 pages, copy the rest in one step: one read transaction,
// so a busy server cannot make the copy restart over and over.
await db.backup(tmp, { progress: () => 1_000_000 });
db.close();

const copy = new Database(tmp, { fileMustExist: true });
copy.pragma('journal_mode = DELETE'); // one self-contained file
const tickets = copy.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'tickets'").get().n ? copy.prepare('SELECT COUNT(*) AS n FROM tickets').get().n : 0;
copy.close();
const problems = integrityProblems(tmp);
if (problems.length) {
  rmSync(tmp, { force: true });
  console.error(`备份校验失败 / the copy failed PRAGMA integrity_check: ${problems.slice(0, 3).join('; ')}`);
  process.exit(1);
}
fsyncPath(tmp);
renameSync(tmp, out);
fsyncPath(outDir);
console.log(`备份完成 / backup written: ${out}  (${tickets} 件案件 / tickets, ${(statSync(out).size / 1024).toFixed(0)} KB, ${Date.now() - t0} ms)`);
console.log(`恢复 / restore (server stopped): npm run restore -- ${out}${process.argv.includes('--data-dir') ? ` --data-dir ${dataDir}` : ''}`);

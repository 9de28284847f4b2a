// Shared by backup.mjs and restore.mjs: where the embedded database lives and
// how to open it (better-sqlite3 from the API's dependencies).
import { closeSync, fsyncSync, openSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { ROOT } from './lib.mjs';

export const Database = createRequire(join(ROOT, 'apps', 'api', 'package.json'))('better-sqlite3');

/** --data-dir DIR, else DATA_DIR, else the folder `npm start` uses. */
export function dataDirFrom(argv) {
  const i = argv.indexOf('--data-dir');
  return resolve(i >= 0 ? argv[i + 1] : process.env.DATA_DIR || join(ROOT, '.data', 'demo'));
}

export const dbFileOf = (dataDir) => join(dataDir, 'zongzhi.sqlite');
export const backupDirOf = (dataDir) => join(dataDir, 'backups');

/** 20261207-195100 (UTC), for file names. */
export function stamp(d = new Date()) {
  return d.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

/** Problems PRAGMA integrity_check finds (empty when healthy); a file that does not open is one problem. */
export function integrityProblems(file) {
  try {
    const db = new Database(file, { fileMustExist: true, timeout: 5000 });
    try {
      return db.pragma('integrity_check').map((r) => r.integrity_check).filter((r) => r !== 'ok');
    } finally {
      db.close();
    }
  } catch (e) {
    return [e.message];
  }
}

export function fsyncPath(path) {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

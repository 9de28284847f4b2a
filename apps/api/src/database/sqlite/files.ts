import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AppConfig } from '../../config/app-config';

export const SQLITE_FILE_NAME = 'zongzhi.sqlite';

/** The embedded database file (the same name sql.js used). */
export function sqliteFileOf(config: Pick<AppConfig, 'DATA_DIR'>): string {
  return join(resolve(config.DATA_DIR), SQLITE_FILE_NAME);
}

/** Where `npm run backup` writes by default: DATA_DIR/backups. */
export function backupDirOf(dataDir: string): string {
  return join(resolve(dataDir), 'backups');
}

/** The newest `zongzhi-*.sqlite` backup in DATA_DIR/backups, or null. */
export function newestBackup(dataDir: string): string | null {
  const dir = backupDirOf(dataDir);
  if (!existsSync(dir)) return null;
  const files = readdirSync(dir)
    .filter((f) => /^zongzhi-.*\.sqlite$/.test(f))
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).size > 0);
  files.sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs || b.localeCompare(a));
  return files[0] ?? null;
}

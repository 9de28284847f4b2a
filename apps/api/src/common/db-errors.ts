import { QueryFailedError } from 'typeorm';

/** A unique key refused the row (MySQL/MariaDB ER_DUP_ENTRY, SQLite constraint). */
export function isDuplicateKey(e: unknown): boolean {
  if (!(e instanceof QueryFailedError)) return false;
  const d = e.driverError as { code?: string; errno?: number; message?: string } | undefined;
  return d?.code === 'ER_DUP_ENTRY' || d?.errno === 1062 || /UNIQUE constraint failed/i.test(d?.message ?? e.message);
}

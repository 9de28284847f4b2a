import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Ack, kill9, randomKillDelay, report, type RoundResult, startApi, startDedicatedMariadb, verify, writeUntilKilled } from '../crash/harness';

/**
 * Issue 13 on MariaDB (innodb_flush_log_at_trx_commit=1, as production): kill -9
 * of the API, and kill -9 of mariadbd itself under the running API, lose no
 * acknowledged report. A dedicated mariadbd, not the shared test one.
 */
it('keeps every acknowledged report when the API or MariaDB itself is killed (MariaDB)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'zz-crash-mariadb-'));
  const db = await startDedicatedMariadb(join(dir, 'mariadb'));
  const env = { DB_TYPE: 'mysql', DATABASE_URL: db.url, DATA_DIR: join(dir, 'data') };
  const rounds: RoundResult[] = [];
  const all: Ack[] = [];
  let api = await startApi(env, 'crash-mariadb');
  try {
    for (let round = 1; round <= 5; round++) {
      const killDb = round % 2 === 0;
      const acks = await writeUntilKilled(api, round, randomKillDelay(), () => (killDb ? db.kill() : kill9(api.proc)));
      if (killDb) {
        await db.start(); // crash recovery; the API stays up and must reconnect
      } else {
        api = await startApi(env, 'crash-mariadb');
      }
      const { found, missing } = await verify(api, acks);
      rounds.push({ round, killed: killDb ? 'mariadbd' : 'API', acknowledged: acks.length, accepted: acks.filter((a) => a.accepted).length, found });
      expect(missing).toEqual([]);
      all.push(...acks);
    }
    expect((await verify(api, all)).missing).toEqual([]);
    report('MariaDB', rounds);
    expect(rounds.every((r) => r.acknowledged > 0)).toBe(true);
  } finally {
    await kill9(api.proc);
    db.stop();
  }
}, 180_000);

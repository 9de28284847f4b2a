import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Ack, kill9, randomKillDelay, report, type RoundResult, startApi, verify, writeUntilKilled } from '../crash/harness';

/** Issue 13: kill -9 of the server on the embedded SQLite database loses no acknowledged report. */
it('keeps every acknowledged report through five kill -9 rounds (SQLite)', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'zz-crash-sqlite-'));
  const env = { DATA_DIR: dataDir }; // the embedded default, as `npm start` runs it
  const rounds: RoundResult[] = [];
  const all: Ack[] = [];
  let api = await startApi(env, 'crash-sqlite');
  for (let round = 1; round <= 5; round++) {
    const acks = await writeUntilKilled(api, round, randomKillDelay(), () => kill9(api.proc));
    api = await startApi(env, 'crash-sqlite'); // restarts on the same file: it must open and hold everything
    const { found, missing } = await verify(api, acks);
    rounds.push({ round, killed: 'API', acknowledged: acks.length, accepted: acks.filter((a) => a.accepted).length, found });
    expect(missing).toEqual([]);
    all.push(...acks);
  }
  expect((await verify(api, all)).missing).toEqual([]);
  await kill9(api.proc);
  report('SQLite', rounds);
  expect(rounds.every((r) => r.acknowledged > 0)).toBe(true);
}, 180_000);

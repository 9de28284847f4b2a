// Starts a throw-away MariaDB for tests and benchmarks: Debian's package,
// no systemd, its own data directory under .data/, loopback only.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureApt, log, ROOT } from './lib.mjs';

export const MARIADB_PORT = Number(process.env.TEST_MARIADB_PORT ?? 3307);

function ping(socket) {
  return spawnSync('mariadb-admin', ['--socket', socket, '-uroot', 'ping'], { stdio: 'ignore' }).status === 0;
}

export async function startMariadb({ fresh = true } = {}) {
  ensureApt(['mariadb-server']);
  // one directory (and socket) per port: two instances must not mistake each other for themselves
  const dir = join(ROOT, '.data', `mariadb-test-${MARIADB_PORT}`);
  const datadir = join(dir, 'data');
  const socket = join(dir, 'mysqld.sock');
  if (ping(socket)) {
    log(`MariaDB already running on 127.0.0.1:${MARIADB_PORT}`);
    return { url: `mysql://root@127.0.0.1:${MARIADB_PORT}`, stop: () => {} };
  }
  if (fresh) rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  if (!existsSync(join(datadir, 'mysql'))) {
    const r = spawnSync('mariadb-install-db', ['--user=root', `--datadir=${datadir}`, '--auth-root-authentication-method=normal', '--skip-test-db'], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    if (r.status !== 0) throw new Error('mariadb-install-db failed');
  }
  const proc = spawn(
    'mariadbd',
    [
      '--no-defaults',
      '--user=root',
      `--datadir=${datadir}`,
      `--socket=${socket}`,
      `--port=${MARIADB_PORT}`,
      '--bind-address=127.0.0.1',
      `--pid-file=${join(dir, 'mysqld.pid')}`,
      '--character-set-server=utf8mb4',
      '--collation-server=utf8mb4_unicode_ci',
      '--innodb-buffer-pool-size=256M',
      '--innodb-flush-log-at-trx-commit=2',
      '--skip-name-resolve',
      '--max-connections=500',
      `--log-error=${join(dir, 'error.log')}`,
    ],
    { stdio: 'ignore', detached: true },
  );
  proc.unref();
  for (let i = 0; i < 200 && !ping(socket); i++) await new Promise((r) => setTimeout(r, 100));
  if (!ping(socket)) throw new Error(`MariaDB did not start; see ${join(dir, 'error.log')}`);
  // Root over TCP without a password, for the tests only (loopback, throw-away data).
  spawnSync('mariadb', ['--socket', socket, '-uroot', '-e', "ALTER USER 'root'@'localhost' IDENTIFIED VIA mysql_native_password USING PASSWORD(''); CREATE USER IF NOT EXISTS 'root'@'127.0.0.1' IDENTIFIED BY ''; GRANT ALL ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION; FLUSH PRIVILEGES;"], { stdio: 'inherit' });
  log(`MariaDB ready on 127.0.0.1:${MARIADB_PORT}`);
  return {
    url: `mysql://root@127.0.0.1:${MARIADB_PORT}`,
    stop: () => {
      try {
        process.kill(proc.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { url } = await startMariadb({ fresh: process.argv.includes('--fresh') });
  console.log(url);
}

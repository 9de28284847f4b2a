// `npm test`: gets pnpm, installs, installs MariaDB, Chromium and a CJK font
// when missing, builds, starts a throw-away MariaDB, runs every jest project
// (unit, mini-program components, API integration on MariaDB, browser tests
// of the H5 build), the mini-program type-check and the bundle-size budget,
// then prints one closing line
// `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from './build.mjs';
import { ensureApt, ensurePnpm, log, pnpmInstall, ROOT } from './lib.mjs';
import { startMariadb } from './mariadb.mjs';

const started = Date.now();
ensurePnpm();
pnpmInstall();
ensureApt(['mariadb-server', 'mariadb-client', 'chromium', 'fonts-wqy-microhei']);
build(undefined, { force: process.env.CI === 'true' });

const db = await startMariadb({ fresh: true });
const resultsFile = join(ROOT, '.data', 'jest-results.json');
mkdirSync(join(ROOT, '.data'), { recursive: true });
rmSync(resultsFile, { force: true });

let passed = 0;
let failed = 0;
let skipped = 0;
try {
  const extra = process.argv.slice(2);
  const r = spawnSync(
    'pnpm',
    ['exec', 'jest', '--ci', '--maxWorkers=2', '--json', `--outputFile=${resultsFile}`, ...extra],
    { cwd: ROOT, stdio: 'inherit', env: { ...process.env, TEST_MYSQL_URL: db.url, CHROMIUM_PATH: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' } },
  );
  if (existsSync(resultsFile)) {
    const res = JSON.parse(readFileSync(resultsFile, 'utf8'));
    passed = res.numPassedTests;
    failed = res.numFailedTests + res.numRuntimeErrorTestSuites;
    skipped = res.numPendingTests + res.numTodoTests;
  } else if (r.status !== 0) {
    failed += 1;
  }
  if (r.status !== 0 && failed === 0) failed = 1; // jest failed for a reason it did not count
} finally {
  db.stop();
}

// Taro's build never type-checks (babel); the API and shared builds do (tsc).
if (process.argv.length <= 2) {
  const r = spawnSync('pnpm', ['--filter', '@zongzhi/miniprogram', 'typecheck'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status === 0) passed += 1;
  else failed += 1;
}

// The weapp package budget (bench/size builds weapp and fails above budget).
if (existsSync(join(ROOT, 'bench', 'size', 'run.mjs')) && process.argv.length <= 2) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bench', 'size', 'run.mjs')], { cwd: ROOT, stdio: 'inherit' });
  if (r.status === 0) passed += 1;
  else failed += 1;
}

log(`finished in ${Math.round((Date.now() - started) / 1000)} s`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);

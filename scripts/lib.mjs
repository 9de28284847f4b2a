// Small helpers shared by start.mjs and test.mjs. Plain Node, no dependencies:
// these run before anything is installed.
import { execSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

export function log(msg) {
  process.stdout.write(`\x1b[36m[zongzhi]\x1b[0m ${msg}\n`);
}

export function run(cmd, opts = {}) {
  log(`$ ${cmd}`);
  const r = spawnSync(cmd, { shell: true, stdio: 'inherit', cwd: ROOT, ...opts });
  if (r.status !== 0) throw new Error(`command failed (${r.status}): ${cmd}`);
}

export function has(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

/** pnpm at the version package.json pins; installed with npm when missing. */
export function ensurePnpm() {
  const pinned = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).packageManager.split('@')[1];
  let current = '';
  try {
    current = execSync('pnpm --version', { stdio: ['ignore', 'pipe', 'ignore'], env: { ...process.env, COREPACK_ENABLE_STRICT: '0' } })
      .toString()
      .trim();
  } catch {
    /* not installed */
  }
  if (current !== pinned) run(`npm install -g pnpm@${pinned} --no-fund --no-audit`);
}

export function pnpmInstall() {
  run('pnpm install --frozen-lockfile --prefer-offline');
}

let aptUpdated = false;
/** Installs Debian packages that are missing (root with apt, as on these machines). */
export function ensureApt(packages) {
  const missing = packages.filter((p) => spawnSync('dpkg', ['-s', p], { stdio: 'ignore' }).status !== 0);
  if (!missing.length) return;
  if (!has('apt-get')) throw new Error(`missing system packages and no apt-get: ${missing.join(' ')}`);
  const sudo = process.getuid && process.getuid() !== 0 ? 'sudo ' : '';
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (!aptUpdated) {
    run(`${sudo}apt-get update -qq`, { env });
    aptUpdated = true;
  }
  run(`${sudo}apt-get install -y -qq ${missing.join(' ')}`, { env });
}

/** Newest modification time of files under the given paths (skipping node_modules and dist). */
export function newestMtime(paths) {
  const out = spawnSync(
    'sh',
    ['-c', `find ${paths.join(' ')} \\( -name node_modules -o -name dist -o -name .cache \\) -prune -o -type f -printf '%T@\\n' 2>/dev/null | sort -n | tail -1`],
    { cwd: ROOT },
  );
  return Number(out.stdout.toString().trim() || 0);
}

export function exists(p) {
  return existsSync(join(ROOT, p));
}

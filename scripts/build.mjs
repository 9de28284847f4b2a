// Builds what is out of date: shared → api → H5. A build is skipped when no
// input changed since its last successful run (stamps under .data/).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exists, log, newestMtime, ROOT, run } from './lib.mjs';

const TARGETS = {
  shared: { inputs: ['packages/shared/src', 'packages/shared/package.json', 'packages/shared/tsconfig.json'], output: 'packages/shared/dist/cjs/index.js', cmd: 'pnpm --filter @zongzhi/shared build' },
  api: { inputs: ['apps/api/src', 'apps/api/package.json', 'apps/api/tsconfig.json', 'packages/shared/src'], output: 'apps/api/dist/main.js', cmd: 'pnpm --filter @zongzhi/api build' },
  h5: { inputs: ['apps/miniprogram/src', 'apps/miniprogram/config', 'apps/miniprogram/package.json', 'packages/shared/src'], output: 'apps/miniprogram/dist/h5/index.html', cmd: 'pnpm --filter @zongzhi/miniprogram build:h5' },
};

export function build(names = Object.keys(TARGETS), { force = false } = {}) {
  const stampDir = join(ROOT, '.data', 'build-stamps');
  mkdirSync(stampDir, { recursive: true });
  for (const name of names) {
    const t = TARGETS[name];
    const stampFile = join(stampDir, name);
    const stamp = String(newestMtime([...t.inputs, 'pnpm-lock.yaml']));
    let previous = '';
    try {
      previous = readFileSync(stampFile, 'utf8');
    } catch {
      /* never built */
    }
    if (!force && previous === stamp && exists(t.output)) {
      log(`${name}: up to date`);
      continue;
    }
    run(t.cmd);
    writeFileSync(stampFile, stamp);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const names = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  build(names.length ? names : undefined, { force: process.argv.includes('--force') });
}

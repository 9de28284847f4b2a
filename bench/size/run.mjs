// bench/size: builds the weapp production package and checks WeChat's limits
// with our own, stricter budgets: main package ≤ 600 KB, each subpackage ≤ 1 MB
// (WeChat refuses any package over 2 MB). Exits non-zero above budget.
//   node bench/size/run.mjs [--no-build]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT, run } from '../../scripts/lib.mjs';

const MAIN_BUDGET = 600 * 1024;
const SUB_BUDGET = 1024 * 1024;
const dist = join(ROOT, 'apps/miniprogram/dist/weapp');

if (!process.argv.includes('--no-build')) run('pnpm --filter @zongzhi/miniprogram build:weapp', { env: { ...process.env, NODE_ENV: 'production' } });

const app = JSON.parse(readFileSync(join(dist, 'app.json'), 'utf8'));
const roots = (app.subPackages ?? app.subpackages ?? []).map((s) => s.root.replace(/\/$/, ''));

function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(join(dir, d.name)) : [join(dir, d.name)]));
}
const sizes = new Map([['(main)', 0], ...roots.map((r) => [r, 0])]);
for (const f of files(dist)) {
  const rel = relative(dist, f);
  if (rel.endsWith('.map')) continue; // source maps are not uploaded
  const root = roots.find((r) => rel === r || rel.startsWith(r + '/')) ?? '(main)';
  sizes.set(root, sizes.get(root) + statSync(f).size);
}

let over = false;
console.log('\nbench/size (weapp production build)');
for (const [name, size] of sizes) {
  const budget = name === '(main)' ? MAIN_BUDGET : SUB_BUDGET;
  const ok = size <= budget;
  over ||= !ok;
  console.log(`  ${ok ? 'ok  ' : 'OVER'} ${name.padEnd(28)} ${(size / 1024).toFixed(1).padStart(8)} KB  (budget ${budget / 1024} KB)`);
}
process.exit(over ? 1 : 0);

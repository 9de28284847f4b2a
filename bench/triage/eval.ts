/**
 * Accuracy on the held-out set (default) or any JSONL file:
 *   pnpm exec ts-node --transpile-only -P bench/triage/tsconfig.json bench/triage/eval.ts [file.jsonl] [--failures]
 */
import './resolve-shared';
import * as fs from 'fs';
import * as path from 'path';
import { evaluate, formatConfusion, formatFlags, parseJsonl } from '../../apps/api/src/modules/triage/engine/evaluate';

const args = process.argv.slice(2);
const showFailures = args.includes('--failures');
const file = args.find((a) => !a.startsWith('--')) ?? path.resolve(__dirname, '../../apps/api/src/modules/triage/data/heldout.jsonl');
const items = parseJsonl(fs.readFileSync(file, 'utf8'));
const r = evaluate(items);
const pct = (x: number) => (x * 100).toFixed(1) + '%';
console.log(`file: ${path.relative(process.cwd(), file)}  (n=${r.n})`);
console.log(`category accuracy (alternatives accepted): ${pct(r.categoryAccuracy)}   strict: ${pct(r.categoryStrictAccuracy)}`);
console.log(`department accuracy (alternatives accepted): ${pct(r.departmentAccuracy)}`);
console.log(`risk-level accuracy: ${pct(r.riskAccuracy)}`);
console.log(`high-risk recall: ${pct(r.highRecall)}   high-risk precision: ${pct(r.highPrecision)}`);
console.log('\ncategory confusion matrix (rows expected, columns predicted):');
console.log(formatConfusion(r.confusion));
if (r.flagsLabelled) console.log(formatFlags(r));
if (showFailures) {
  for (const f of r.failures) {
    console.log(`[${f.item.id}] ${f.wrong.join(',')}  want ${f.item.category}/${f.item.riskLevel}/${f.item.department}  got ${f.got.category}/${f.got.riskLevel}/${f.got.department}`);
    console.log(`   ${f.item.text}`);
    console.log(`   ${f.got.reasons.join(' | ')}`);
  }
  for (const f of r.flagMisses) {
    console.log(`[${f.item.id}] flags${f.missing.length ? ' missing ' + f.missing.join(',') : ''}${f.extra.length ? ' extra ' + f.extra.join(',') : ''}  got ${JSON.stringify(f.got.flags)}`);
    console.log(`   ${f.item.text}`);
  }
}

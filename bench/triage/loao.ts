/**
 * The whole engine, leave-one-author-out: for each author in LOAO_AUTHORS (or those named), both models are
 * trained without that author's file, with the mixing parameters of the shipped models (data/model.json,
 * data/risk-model.json), and the author's file is scored with rules + those models: category, department, risk,
 * high-risk recall/precision, the risk confusion matrix and, when the file labels them, each flag.
 *   pnpm exec ts-node --transpile-only -P bench/triage/tsconfig.json bench/triage/loao.ts [ls-train-p.jsonl …] [--failures]
 * The rules (and flags) were written with every pool file in view, so for the authors the rules were tuned on
 * (the new ones included) these figures are honest for the models only; new blind authors are the real test.
 */
import './resolve-shared';
import type { RiskLevel } from '@zongzhi/shared';
import modelJson from '../../apps/api/src/modules/triage/data/model.json';
import riskJson from '../../apps/api/src/modules/triage/data/risk-model.json';
import flagJson from '../../apps/api/src/modules/triage/data/flag-model.json';
import { LEARNED_FLAGS } from '../../apps/api/src/modules/triage/engine/flag-model';
import { flagFeats, trainFlagModels } from './flag-train';
import { featurize, toModel, trainModel } from '../../apps/api/src/modules/triage/engine/model';
import { normalise } from '../../apps/api/src/modules/triage/engine/normalize';
import { riskFeatures, triageWith } from '../../apps/api/src/modules/triage/engine/training';
import { evaluateWith, formatConfusion, formatFlags, formatRiskConfusion } from '../../apps/api/src/modules/triage/engine/evaluate';
import { LOAO_AUTHORS, loadPool } from './pool';

const args = process.argv.slice(2);
const named = args.filter((a) => a.endsWith('.jsonl'));
const authors = named.length ? named : LOAO_AUTHORS;
const OPTS = { epochs: 30, lr: 5, l2: 1e-6, minDf: 2 };
const LEVELS: RiskLevel[] = ['low', 'medium', 'high'];
const cat = modelJson as unknown as { lambda: number; tau: number; gate?: number };
const risk = riskJson as unknown as { highAt: number; mediumAt: number; lowAt: number };

const pool = loadPool();
// the learned flag detectors, trained without the author too, at the shipped thresholds (--no-flag-models: rules alone)
const flagAt = Object.fromEntries(LEARNED_FLAGS.map((c) => [c, (flagJson as unknown as { flags: Record<string, { at: number }> }).flags[c]?.at ?? 1.01]));
const useFlags = !args.includes('--no-flag-models');
const fFeats = useFlags ? flagFeats(pool) : [];
const catFeats = pool.map((r) => featurize(normalise(r.text).text));
const riskIn = pool.map((r) => riskFeatures({ text: r.text, channel: r.channel }).feats);
const pct = (x: number) => (x * 100).toFixed(1).padStart(5) + '%';
console.log(`leave-one-author-out (flag detectors ${useFlags ? JSON.stringify(flagAt) : 'off'}), shipped mix: lambda ${cat.lambda} tau ${cat.tau} gate ${cat.gate ?? 'none'}; highAt ${risk.highAt} mediumAt ${risk.mediumAt} lowAt ${risk.lowAt}`);
console.log('author                      n   category  department  risk   high recall  high precision');
const all: Array<ReturnType<typeof evaluateWith>> = [];
for (const a of authors) {
  const tr = pool.map((_, i) => i).filter((i) => pool[i].src !== a);
  const catModel = { ...toModel(trainModel(tr.map((i) => ({ feats: catFeats[i], label: pool[i].category })), OPTS), cat.lambda, cat.tau, 0.05), gate: cat.gate ?? Infinity };
  const riskBase = toModel(trainModel(tr.map((i) => ({ feats: riskIn[i], label: pool[i].riskLevel })), { ...OPTS, labels: LEVELS }), 0, 0, 0.05);
  const riskModel = { ...riskBase, highAt: risk.highAt, mediumAt: risk.mediumAt, lowAt: risk.lowAt };
  const flagModels = useFlags ? trainFlagModels(pool, fFeats, flagAt, a) : null;
  const items = pool.filter((r) => r.src === a);
  const r = evaluateWith(items, (x) => triageWith(x, { category: catModel, risk: riskModel, flags: flagModels }));
  all.push(r);
  console.log(`${a.padEnd(26)}${String(r.n).padStart(4)}   ${pct(r.categoryAccuracy)}    ${pct(r.departmentAccuracy)}   ${pct(r.riskAccuracy)}   ${pct(r.highRecall)}       ${pct(r.highPrecision)}`);
  if (r.flagsLabelled || args.includes('--confusion')) console.log(formatRiskConfusion(r) + '\n' + formatConfusion(r.confusion) + '\n' + formatFlags(r));
  if (args.includes('--failures'))
    for (const f of r.failures) if (f.wrong.includes('risk') || f.wrong.includes('category')) console.log(`  [${f.item.id}] ${f.wrong.join(',')} want ${f.item.category}/${f.item.riskLevel} got ${f.got.category}/${f.got.riskLevel}  ${f.item.text.slice(0, 90)}`);
}
const sum = (k: 'tp' | 'fp' | 'fn') => all.reduce((s, r) => s + r.high[k], 0);
const n = all.reduce((s, r) => s + r.n, 0);
const w = (k: 'categoryAccuracy' | 'departmentAccuracy' | 'riskAccuracy') => all.reduce((s, r) => s + r[k] * r.n, 0) / n;
console.log(`${'all of the above'.padEnd(26)}${String(n).padStart(4)}   ${pct(w('categoryAccuracy'))}    ${pct(w('departmentAccuracy'))}   ${pct(w('riskAccuracy'))}   ${pct(sum('tp') / (sum('tp') + sum('fn')))}       ${pct(sum('tp') / (sum('tp') + sum('fp')))}`);

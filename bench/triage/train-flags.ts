/**
 * Learned flag detectors (engine/flag-model.ts): per flag, out-of-fold p(flag) leave-one-author-out on the
 * flag-labelled authors (pool.ts FLAG_AUTHORS), the rules' own flag beside it, and for each threshold the
 * combined (rule OR model) precision/recall of the flag and of the high-risk reports it would rescue or wrongly
 * raise. The threshold is the lowest whose combined flag precision on the held-out authors stays ≥ MIN_PRECISION;
 * then the detectors are trained on the whole pool and written to data/flag-model.json.
 *   pnpm exec ts-node --transpile-only -P bench/triage/tsconfig.json bench/triage/train-flags.ts [--dry]
 */
import './resolve-shared';
import * as fs from 'fs';
import * as path from 'path';
import { LEARNED_FLAGS, flagProbability, type LearnedFlag } from '../../apps/api/src/modules/triage/engine/flag-model';
import { serializeModel } from '../../apps/api/src/modules/triage/engine/model';
import { runPhases } from '../../apps/api/src/modules/triage/engine/pipeline';
import { productionModels } from '../../apps/api/src/modules/triage/engine/index';
import { flagFeats, flagCodes, trainFlagModels } from './flag-train';
import { DATA_DIR, FLAG_AUTHORS, loadPool } from './pool';

const MIN_PRECISION = Number(process.env.MIN_PRECISION ?? 0.85);
const pool = loadPool();
const feats = flagFeats(pool);
const idx = pool.map((_, i) => i).filter((i) => FLAG_AUTHORS.includes(pool[i].src));
// the rules' flags and the engine's level without any learned detector
const base = new Map(
  idx.map((i) => {
    const c = runPhases({ text: pool[i].text, channel: pool[i].channel }, { ...productionModels(), flags: null });
    return [i, { flags: new Set(c.flags.map((f) => f.code)), level: c.riskLevel }];
  }),
);
const oof = new Map<number, Record<LearnedFlag, number>>();
for (const a of FLAG_AUTHORS) {
  const models = trainFlagModels(pool, feats, {}, a);
  for (const i of idx) if (pool[i].src === a) oof.set(i, Object.fromEntries(LEARNED_FLAGS.map((c) => [c, flagProbability(models[c], feats[i])])) as Record<LearnedFlag, number>);
}
const pct = (x: number) => (isNaN(x) ? '   -  ' : (x * 100).toFixed(1).padStart(5) + '%');
const chosen: Partial<Record<LearnedFlag, number>> = {};
const GRID = [0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1.01];
for (const code of LEARNED_FLAGS) {
  console.log(`\n${code}: out-of-fold on ${FLAG_AUTHORS.join(', ')}`);
  console.log('  at     flag P   flag R   (rules alone P/R)     high rescued  non-high raised');
  for (const t of GRID) {
    let tp = 0, fp = 0, fn = 0, rtp = 0, rfp = 0, rfn = 0, rescued = 0, raised = 0;
    for (const i of idx) {
      const want = flagCodes(pool[i])!.has(code);
      const rule = base.get(i)!.flags.has(code);
      const got = rule || oof.get(i)![code] >= t;
      if (got && want) tp++; else if (got) fp++; else if (want) fn++;
      if (rule && want) rtp++; else if (rule) rfp++; else if (want) rfn++;
      if (!rule && got && base.get(i)!.level !== 'high') pool[i].riskLevel === 'high' ? rescued++ : raised++;
    }
    const P = tp / (tp + fp), R = tp / (tp + fn);
    console.log(`  ${t.toFixed(2)}  ${pct(P)}   ${pct(R)}   (${pct(rtp / (rtp + rfp))} / ${pct(rtp / (rtp + rfn))})   ${String(rescued).padStart(6)}        ${String(raised).padStart(6)}`);
    if (chosen[code] === undefined && P >= MIN_PRECISION) chosen[code] = t;
  }
  console.log(`  chosen at ${chosen[code]}`);
}
if (!process.argv.includes('--dry')) {
  const final = trainFlagModels(pool, feats, chosen);
  const out = { version: 1, flags: Object.fromEntries(LEARNED_FLAGS.map((c) => [c, { ...serializeModel(final[c]!.model), at: chosen[c] ?? 1.01 }])) };
  fs.writeFileSync(path.join(DATA_DIR, 'flag-model.json'), JSON.stringify(out) + '\n');
  console.log('wrote data/flag-model.json', JSON.stringify(chosen));
}

/**
 * Trains the risk model (char 1–3-grams + 3-class logistic regression), chooses
 * by k-fold cross-validation when it may raise the rules' level, and writes
 * apps/api/src/modules/triage/data/risk-model.json.
 *   pnpm exec ts-node --transpile-only -P bench/triage/tsconfig.json bench/triage/train-risk.ts [--kfold [--folds 5]] [--dry] [--explore]
 *     [--high-at X --medium-at Y --low-at Z]
 * The choice is made on the files the rules were never tuned on (LOAO_AUTHORS), each predicted by a model
 * trained without its author (leave-one-author-out), i.e. as for a new author's reports.
 */
import './resolve-shared';
import * as fs from 'fs';
import * as path from 'path';
import type { RiskLevel } from '@zongzhi/shared';
import { predictProba, serializeModel, toModel, trainModel } from '../../apps/api/src/modules/triage/engine/model';
import { riskFeatures, triageWith } from '../../apps/api/src/modules/triage/engine/training';
import { DATA_DIR, loadPool, stratifiedFolds, LOAO_AUTHORS } from './pool';

const args = process.argv.slice(2);
const arg = (name: string, dflt: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const FOLDS = Number(arg('--folds', '5'));
const dry = args.includes('--dry');
const LEVELS: RiskLevel[] = ['low', 'medium', 'high'];
const TRAIN_OPTS = { epochs: Number(arg('--epochs', '30')), lr: Number(arg('--lr', '5')), l2: Number(arg('--l2', '1e-6')), minDf: Number(arg('--min-df', '2')), labels: LEVELS };
const MIN_ABS = Number(arg('--min-abs', '0.05'));

const pool = loadPool();
// n-grams plus the amount and group-size buckets, exactly as the engine builds them
const inputs = pool.map((r) => riskFeatures({ text: r.text, channel: r.channel }));
const feats = inputs.map((x) => x.feats);
// --by-author: leave one unseen author out at a time (the others and the older files always train):
// the figure for a new author, which is what an independent test set is; plain k-fold shares authors across folds
const byAuthor = !args.includes('--kfold');
const fold = byAuthor ? pool.map((r) => LOAO_AUTHORS.indexOf(r.src)) : stratifiedFolds(pool, 'riskLevel', FOLDS);
const NFOLDS = byAuthor ? LOAO_AUTHORS.length : FOLDS;

// rules alone, and the model's out-of-fold probabilities
const rules = pool.map((r) => triageWith({ text: r.text, channel: r.channel }, { risk: null }).riskLevel);
const pHigh = new Float64Array(pool.length);
const pMid = new Float64Array(pool.length);
const t0 = Date.now();
for (let f = 0; f < NFOLDS; f++) {
  const tr = pool.map((_, i) => i).filter((i) => fold[i] !== f);
  const m = toModel(trainModel(tr.map((i) => ({ feats: feats[i], label: pool[i].riskLevel })), TRAIN_OPTS), 1, 0.5, MIN_ABS);
  for (let i = 0; i < pool.length; i++) {
    if (fold[i] !== f) continue;
    const p = predictProba(m, feats[i]);
    pHigh[i] = p[m.labels.indexOf('high')];
    pMid[i] = p[m.labels.indexOf('medium')];
  }
}

/** Rules, raised to high at p(high) ≥ highAt, low raised to medium at p(medium)+p(high) ≥ mediumAt, medium lowered at p(low) ≥ lowAt. */
const combine = (i: number, highAt: number, mediumAt: number, lowAt = 2): RiskLevel => {
  if (rules[i] === 'high' || pHigh[i] >= highAt) return 'high';
  const pLow = 1 - pHigh[i] - pMid[i];
  if (rules[i] === 'low') return pHigh[i] + pMid[i] >= mediumAt ? 'medium' : 'low';
  return pLow >= lowAt && inputs[i].lowerable ? 'low' : 'medium';
};
const score = (filter: (i: number) => boolean, level: (i: number) => RiskLevel) => {
  let n = 0, ok = 0, tp = 0, fn = 0, fp = 0;
  pool.forEach((r, i) => {
    if (!filter(i)) return;
    n++;
    const l = level(i);
    if (l === r.riskLevel) ok++;
    if (r.riskLevel === 'high' && l === 'high') tp++;
    if (r.riskLevel === 'high' && l !== 'high') fn++;
    if (r.riskLevel !== 'high' && l === 'high') fp++;
  });
  return { acc: ok / n, recall: tp / (tp + fn), precision: tp / (tp + fp), n };
};
const unseen = (i: number) => LOAO_AUTHORS.includes(pool[i].src);
const all = () => true;
const pc = (x: number) => (x * 100).toFixed(1).padStart(5);
const line = (label: string, f: (i: number) => RiskLevel) => {
  const u = score(unseen, f);
  const a = score(all, f);
  const rest = byAuthor ? '' : `   all: acc ${pc(a.acc)} recall ${pc(a.recall)} prec ${pc(a.precision)}`;
  return `${label.padEnd(22)} unseen: acc ${pc(u.acc)} recall ${pc(u.recall)} prec ${pc(u.precision)}${rest}`;
};
console.log(`${byAuthor ? 'leave-one-author-out' : `${FOLDS}-fold`} CV on ${pool.length} reports (${Date.now() - t0} ms); unseen = ${LOAO_AUTHORS.join(', ')} (n=${score(unseen, (i) => rules[i]).n})`);
console.log(line('rules alone', (i) => rules[i]));
{
  // the model alone (argmax), for reference
  const alone = (i: number): RiskLevel => (pHigh[i] >= Math.max(pMid[i], 1 - pHigh[i] - pMid[i]) ? 'high' : pMid[i] >= 1 - pHigh[i] - pMid[i] ? 'medium' : 'low');
  console.log(line('model alone', alone));
}
let best = { highAt: 2, mediumAt: 2, lowAt: 2, obj: -Infinity };
for (const highAt of [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.8, 2])
  for (const mediumAt of [0.5, 0.6, 0.7, 0.8, 2])
    for (const lowAt of [0.5, 0.6, 0.7, 0.8, 2]) {
      const u = score(unseen, (i) => combine(i, highAt, mediumAt, lowAt));
      // recall first (a missed life in danger is the costly error: issue 21 asks ≥ 98%), counted twice, while
      // precision stays at 0.90 or more (the target is 0.85; the margin is for authors not yet seen: at 0.88 the
      // look-alike author indep-k fell to 75% precision leave-one-author-out)
      const obj = u.precision >= 0.9 ? 2 * u.recall + u.acc : -1;
      if (obj > best.obj + 1e-9) best = { highAt, mediumAt, lowAt, obj };
    }
for (const highAt of [0.4, 0.5, 0.6, 0.8]) console.log(line(`raise to high at ${highAt}`, (i) => combine(i, highAt, 2, 2)));
if (args.includes('--explore')) {
  for (const highAt of [0.4, 0.45, 0.5, 0.55])
    for (const mediumAt of [0.5, 0.6, 0.7, 2])
      for (const lowAt of [0.5, 0.6, 0.7, 0.8, 2]) console.log(line(`h${highAt} m${mediumAt} l${lowAt}`, (i) => combine(i, highAt, mediumAt, lowAt)));
}
const fixedHigh = Number(arg('--high-at', 'NaN'));
const chosen = Number.isNaN(fixedHigh) ? best : { highAt: fixedHigh, mediumAt: Number(arg('--medium-at', '2')), lowAt: Number(arg('--low-at', '2')) };
console.log(line(`chosen ${chosen.highAt}/${chosen.mediumAt}/${chosen.lowAt}`, (i) => combine(i, chosen.highAt, chosen.mediumAt, chosen.lowAt)));

if (args.includes('--misses')) {
  pool.forEach((r, i) => {
    if (!unseen(i)) return;
    const got = combine(i, chosen.highAt, chosen.mediumAt, chosen.lowAt);
    if ((r.riskLevel === 'high') !== (got === 'high'))
      console.log(`[${r.id}] want ${r.riskLevel} got ${got} (rules ${rules[i]}, p(high) ${pHigh[i].toFixed(2)})  ${r.text.slice(0, 110)}`);
  });
}
const final = toModel(trainModel(pool.map((r, i) => ({ feats: feats[i], label: r.riskLevel })), TRAIN_OPTS), 1, 0.5, MIN_ABS);
const file = { ...serializeModel(final), lambda: 0, tau: 0, highAt: chosen.highAt, mediumAt: chosen.mediumAt, lowAt: chosen.lowAt };
const json = JSON.stringify(file);
console.log(`final risk model: ${final.weights.size} features, ${(json.length / 1024).toFixed(0)} KB`);
if (!dry) {
  fs.writeFileSync(path.join(DATA_DIR, 'risk-model.json'), json + '\n');
  console.log('wrote', path.join(DATA_DIR, 'risk-model.json'));
}

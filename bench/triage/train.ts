/**
 * Trains the category model (char 1–3-grams + multinomial logistic regression),
 * chooses how much it weighs against the rule scores by k-fold cross-validation
 * on the training pool, and writes apps/api/src/modules/triage/data/model.json.
 *   pnpm exec ts-node --transpile-only -P bench/triage/tsconfig.json bench/triage/train.ts [--folds 5] [--with-heldout] [--dry]
 * Pool: train.jsonl + dev-independent.jsonl (+ heldout.jsonl with --with-heldout;
 * then heldout is training data, not held-out).
 */
import './resolve-shared';
import * as fs from 'fs';
import * as path from 'path';
import type { Category } from '@zongzhi/shared';
import { normalise } from '../../apps/api/src/modules/triage/engine/normalize';
import { featurize, serializeModel, toModel, trainModel } from '../../apps/api/src/modules/triage/engine/model';
import { evaluate, parseJsonl, type LabelledReport } from '../../apps/api/src/modules/triage/engine/evaluate';
import * as engineMod from '../../apps/api/src/modules/triage/engine';
// --engine DIR: run the cross-validation against another copy of the engine (e.g. the rules before they saw dev-independent)
const engineDir = process.argv.includes('--engine') ? process.argv[process.argv.indexOf('--engine') + 1] : '';
// eslint-disable-next-line @typescript-eslint/no-var-requires
const cvEngine: typeof engineMod = engineDir ? require(path.resolve(engineDir)) : engineMod;
let { setCategoryModel } = cvEngine;
const { triage } = cvEngine;

const args = process.argv.slice(2);
const arg = (name: string, dflt: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const FOLDS = Number(arg('--folds', '5'));
const withHeldout = args.includes('--with-heldout');
const dry = args.includes('--dry');
const MIN_ABS = Number(arg('--min-abs', '0.05'));
const TRAIN_OPTS = { epochs: Number(arg('--epochs', '30')), lr: Number(arg('--lr', '5')), l2: Number(arg('--l2', '1e-6')), minDf: Number(arg('--min-df', '2')), idf: args.includes('--idf') };

const dataDir = path.resolve(__dirname, '../../apps/api/src/modules/triage/data');
const load = (f: string) => parseJsonl(fs.readFileSync(path.join(dataDir, f), 'utf8')).map((r) => ({ ...r, src: f }));
const pool = [...load('train.jsonl'), ...load('dev-independent.jsonl'), ...(withHeldout ? load('heldout.jsonl') : [])];
const feats = pool.map((r) => featurize(normalise(r.text).text));

// stratified folds
const fold = new Array<number>(pool.length);
{
  const byCat = new Map<string, number[]>();
  pool.forEach((r, i) => byCat.set(r.category, [...(byCat.get(r.category) ?? []), i]));
  let seed = 12345;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  let k = 0;
  for (const idx of byCat.values()) {
    for (let i = idx.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [idx[i], idx[j]] = [idx[j], idx[i]];
    }
    for (const i of idx) fold[i] = k++ % FOLDS;
  }
}

const LAMBDAS = [0, 0.25, 0.5, 1, 2];
const TAUS = [0.3, 0.5];
const GATES = [Infinity, 8, 6, 4];
const okCat = (r: LabelledReport, c: Category) => c === r.category || (r.acceptCategories ?? []).includes(c);
// correct[l][t][i]
const COMBOS: Array<{ lambda: number; tau: number; gate: number }> = [];
for (const lambda of LAMBDAS) for (const tau of TAUS) for (const gate of GATES) if (lambda > 0 || (tau === TAUS[0] && gate === Infinity)) COMBOS.push({ lambda, tau, gate });
const correct = COMBOS.map(() => new Array<boolean>(pool.length).fill(false));
let modelOnly = 0;
const t0 = Date.now();
for (let f = 0; f < FOLDS; f++) {
  const trIdx = pool.map((_, i) => i).filter((i) => fold[i] !== f);
  const teIdx = pool.map((_, i) => i).filter((i) => fold[i] === f);
  const trained = trainModel(trIdx.map((i) => ({ feats: feats[i], label: pool[i].category })), TRAIN_OPTS);
  const base = toModel(trained, 1, 0.5, MIN_ABS);
  for (const i of teIdx) {
    // model alone
    const { predictProba } = require('../../apps/api/src/modules/triage/engine/model') as typeof import('../../apps/api/src/modules/triage/engine/model');
    const p = predictProba(base, feats[i]);
    let mi = 0;
    for (let c = 0; c < p.length; c++) if (p[c] > p[mi]) mi = c;
    if (okCat(pool[i], base.labels[mi])) modelOnly++;
  }
  COMBOS.forEach((cmb, ci) => {
    setCategoryModel({ ...base, ...cmb });
    for (const i of teIdx) correct[ci][i] = okCat(pool[i], triage({ text: pool[i].text, channel: pool[i].channel }).category);
  });
}
const acc = (arr: boolean[], filter: (i: number) => boolean) => {
  let n = 0;
  let k = 0;
  arr.forEach((v, i) => {
    if (!filter(i)) return;
    n++;
    if (v) k++;
  });
  return n ? k / n : 0;
};
const all = () => true;
const isDev = (i: number) => pool[i].src === 'dev-independent.jsonl';
const isTrain = (i: number) => pool[i].src === 'train.jsonl';
let best = { ci: 0, a: -1 };
console.log(`${FOLDS}-fold CV on ${pool.length} reports (${Date.now() - t0} ms); category accuracy, alternatives accepted${engineDir ? '; engine ' + engineDir : ''}`);
console.log(`model alone: ${(modelOnly / pool.length * 100).toFixed(1)}%`);
console.log('lambda  tau   gate  all     train   dev-independent');
const dflt = (x: string, d: number) => (args.includes(x) ? Number(arg(x, String(d))) : NaN);
COMBOS.forEach((c, ci) => {
  const a = acc(correct[ci], all);
  console.log(`${String(c.lambda).padEnd(6)}  ${String(c.tau).padEnd(4)}  ${String(c.gate).padEnd(4)}  ${(a * 100).toFixed(1)}%  ${(acc(correct[ci], isTrain) * 100).toFixed(1)}%  ${(acc(correct[ci], isDev) * 100).toFixed(1)}%`);
  if (a > best.a + 1e-9) best = { ci, a };
});
// --lambda/--tau/--gate fix the mix (e.g. chosen on an engine that had not seen the pool)
const fixed = { lambda: dflt('--lambda', 0), tau: dflt('--tau', 0), gate: dflt('--gate', 0) };
const chosen = Number.isNaN(fixed.lambda) ? COMBOS[best.ci] : { lambda: fixed.lambda, tau: fixed.tau, gate: Number.isNaN(fixed.gate) ? Infinity : fixed.gate };
const { lambda, tau, gate } = chosen;
const cci = COMBOS.findIndex((c) => c.lambda === lambda && c.tau === tau && c.gate === gate);
if (cci >= 0) console.log(`chosen: lambda=${lambda} tau=${tau} gate=${gate}  CV all ${(acc(correct[cci], all) * 100).toFixed(1)}%  train ${(acc(correct[cci], isTrain) * 100).toFixed(1)}%  dev ${(acc(correct[cci], isDev) * 100).toFixed(1)}%`);
else console.log(`chosen: lambda=${lambda} tau=${tau} gate=${gate}`);

// final model on the whole pool
const trained = trainModel(pool.map((r, i) => ({ feats: feats[i], label: r.category })), TRAIN_OPTS);
const final = toModel(trained, lambda, tau, MIN_ABS, gate);
setCategoryModel = engineMod.setCategoryModel;
const file = serializeModel(final);
const json = JSON.stringify(file);
console.log(`final model: ${final.weights.size} features, ${(json.length / 1024).toFixed(0)} KB`);
setCategoryModel(final);
for (const f of ['train.jsonl', 'heldout.jsonl', 'dev-independent.jsonl']) {
  const r = evaluate(parseJsonl(fs.readFileSync(path.join(dataDir, f), 'utf8')));
  console.log(`${f.padEnd(22)} category ${(r.categoryAccuracy * 100).toFixed(1)}%  (${f === 'heldout.jsonl' && !withHeldout ? 'not trained on' : 'trained on'})`);
}
if (!dry) {
  fs.writeFileSync(path.join(dataDir, 'model.json'), json + '\n');
  console.log('wrote', path.join(dataDir, 'model.json'));
}

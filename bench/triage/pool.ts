/** The labelled files the models are trained on (never heldout.jsonl nor final-blind.jsonl: heldout.spec.ts gates on them). */
import * as fs from 'fs';
import * as path from 'path';
import { parseJsonl, type LabelledReport } from '../../apps/api/src/modules/triage/engine/evaluate';

export const DATA_DIR = path.resolve(__dirname, '../../apps/api/src/modules/triage/data');

/**
 * Files by authors who never saw the engine. Their out-of-fold figures are honest for the models; for the
 * rules only roughly (a few general gaps their failures showed were fixed, see the git log).
 */
export const UNSEEN_BY_RULES = [
  'indep-a-residents.jsonl',
  'indep-b-grid.jsonl',
  'indep-c-hotline.jsonl',
  'indep-d-hard.jsonl',
  'indep-e-risk.jsonl',
  'indep-k-lookalikes.jsonl',
  'indep-s-short.jsonl',
  'indep-l-long.jsonl',
];
export const POOL_FILES = ['train.jsonl', 'dev-independent.jsonl', 'blind-independent.jsonl', ...UNSEEN_BY_RULES];

export type PooledReport = LabelledReport & { src: string };

export function loadFile(f: string): PooledReport[] {
  return parseJsonl(fs.readFileSync(path.join(DATA_DIR, f), 'utf8')).map((r) => ({ ...r, src: f }));
}

export function loadPool(extra: string[] = []): PooledReport[] {
  return [...POOL_FILES, ...extra].flatMap(loadFile);
}

/** Stratified k-fold assignment (deterministic). */
export function stratifiedFolds(items: Array<{ [k: string]: unknown }>, key: string, folds: number): number[] {
  const fold = new Array<number>(items.length);
  const by = new Map<unknown, number[]>();
  items.forEach((r, i) => by.set(r[key], [...(by.get(r[key]) ?? []), i]));
  let seed = 12345;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  let k = 0;
  for (const idx of by.values()) {
    for (let i = idx.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [idx[i], idx[j]] = [idx[j], idx[i]];
    }
    for (const i of idx) fold[i] = k++ % folds;
  }
  return fold;
}

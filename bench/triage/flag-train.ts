/**
 * Training the learned flag detectors (engine/flag-model.ts), shared by train-flags.ts and loao.ts.
 * Positives and negatives: every report of a file that labels `flags`; further negatives: the low-risk reports of
 * the other authors (a low report carries no self_harm, violence_threat or active hazard by the domain's rules), and
 * their medium reports for self_harm and violence_threat (both always make a report high).
 */
import type { TriageFlagCode } from '@zongzhi/shared';
import { LEARNED_FLAGS, type FlagModels, type LearnedFlag } from '../../apps/api/src/modules/triage/engine/flag-model';
import { featurize, toModel, trainModel } from '../../apps/api/src/modules/triage/engine/model';
import { normalise } from '../../apps/api/src/modules/triage/engine/normalize';
import type { PooledReport } from './pool';

export const FLAG_OPTS = { epochs: 30, lr: 5, l2: 1e-6, minDf: 2 };

export function flagCodes(r: PooledReport): Set<TriageFlagCode> | null {
  return Array.isArray(r.flags) ? new Set(r.flags.map((f) => (typeof f === 'string' ? f : f.code))) : null;
}

/** The training rows for one flag: index into the pool and the label, or null when the report says nothing. */
export function flagLabel(r: PooledReport, code: LearnedFlag): 'yes' | 'no' | null {
  const c = flagCodes(r);
  if (c) return c.has(code) ? 'yes' : 'no';
  // self_harm and violence_threat always make a report high, so an author's low or medium report has neither; a
  // medium one may still hold a hazard with no one vulnerable near it
  if (r.riskLevel === 'low') return 'no';
  return r.riskLevel === 'medium' && code !== 'hazard_active' ? 'no' : null;
}

export function flagFeats(pool: PooledReport[]): string[][] {
  return pool.map((r) => featurize(normalise(r.text).text));
}

/** Detectors trained on the pool minus `without` (an author's file), with the given thresholds. */
export function trainFlagModels(pool: PooledReport[], feats: string[][], at: Partial<Record<LearnedFlag, number>>, without?: string): FlagModels {
  const out: FlagModels = {};
  for (const code of LEARNED_FLAGS) {
    const docs: Array<{ feats: string[]; label: 'no' | 'yes' }> = [];
    pool.forEach((r, i) => {
      if (r.src === without) return;
      const l = flagLabel(r, code);
      if (l) docs.push({ feats: feats[i], label: l });
    });
    const m = toModel(trainModel(docs, { ...FLAG_OPTS, labels: ['no', 'yes'] as const }), 0, 0, 0.05);
    out[code] = { model: m, at: at[code] ?? 0.5 };
  }
  return out;
}

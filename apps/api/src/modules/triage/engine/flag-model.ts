/**
 * Learned flag detectors (issue 21): one binary character-n-gram logistic regression per life-safety flag
 * (self_harm, violence_threat, hazard_active), trained on every author's `flags` labels by
 * bench/triage/train-flags.ts, each with a threshold chosen leave-one-author-out on the flag-labelled authors.
 *
 * A second opinion only: it may RAISE a flag the rules missed (quoting the clause that pushed it hardest and asking
 * for a human check), never lower or remove a rule's flag.
 */
import type { TriageFlagCode } from '@zongzhi/shared';
import { parseModel, predictProba, type ModelFile, type NgramModel } from './model';

export const LEARNED_FLAGS = ['self_harm', 'violence_threat', 'hazard_active'] as const;
export type LearnedFlag = (typeof LEARNED_FLAGS)[number];

export interface FlagDetector {
  model: NgramModel<'no' | 'yes'>;
  /** p(yes) at or above which the flag is raised */
  at: number;
}
export type FlagModels = Partial<Record<LearnedFlag, FlagDetector>>;

export interface FlagModelFile {
  version: number;
  flags: Partial<Record<LearnedFlag, ModelFile & { at: number }>>;
}

export function loadFlagModels(file: unknown): FlagModels | null {
  try {
    const f = file as FlagModelFile;
    if (!f || typeof f.flags !== 'object') return null;
    const out: FlagModels = {};
    for (const code of LEARNED_FLAGS) {
      const mf = f.flags[code];
      if (!mf) continue;
      const m = parseModel<'no' | 'yes'>(mf, ['no', 'yes']);
      if (m && m.labels.length === 2 && typeof mf.at === 'number') out[code] = { model: m, at: mf.at };
    }
    return Object.keys(out).length ? out : null;
  } catch {
    return null;
  }
}

/** p(flag) for the features (0 without a detector). */
export function flagProbability(d: FlagDetector | undefined, feats: string[]): number {
  if (!d) return 0;
  const p = predictProba(d.model, feats);
  return p[d.model.labels.indexOf('yes')];
}

export const isLearned = (c: TriageFlagCode): c is LearnedFlag => (LEARNED_FLAGS as readonly string[]).includes(c);

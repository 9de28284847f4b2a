/**
 * The triage of one report as phases over one context object:
 * normalise → extract numbers and parties → flags → rules → models → decide → explain.
 * Pure, synchronous, no I/O; the models are passed in (index.ts for production,
 * training.ts for cross-validation). docs/triage.md describes each phase.
 */
import { DEFAULT_DEPARTMENT, TIER_BY_RISK } from '@zongzhi/shared';
import { decidePhase } from './phases/decide';
import { explainPhase } from './phases/explain';
import { extractPhase } from './phases/extract';
import { flagsPhase } from './phases/flags';
import { modelsPhase } from './phases/models';
import { normalisePhase } from './phases/normalise';
import { rulesPhase } from './phases/rules';
import type { Models, TriageContext, TriageInput, TriageResult } from './types';

export const PHASES = ['normalise', 'extract', 'flags', 'rules', 'models', 'decide', 'explain'] as const;
export type Phase = (typeof PHASES)[number];

/** Runs the phases in order up to and including `until`; each adds its part to the context. */
export function runPhases(input: TriageInput, models: Models, until: Phase = 'explain'): TriageContext {
  const ctx = { input, models } as TriageContext;
  const steps: Array<[Phase, (c: TriageContext) => object]> = [
    ['normalise', (c) => normalisePhase(c.input)],
    ['extract', extractPhase],
    ['flags', flagsPhase],
    ['rules', rulesPhase],
    ['models', modelsPhase],
    ['decide', decidePhase],
    ['explain', explainPhase],
  ];
  for (const [name, step] of steps) {
    Object.assign(ctx, step(ctx));
    if (name === until) break;
  }
  return ctx;
}

/** The triage of one report. Never throws. */
export function runTriage(input: TriageInput, models: Models): TriageResult {
  try {
    const c = runPhases(input, models);
    return { category: c.category, riskLevel: c.riskLevel, department: c.department, tier: TIER_BY_RISK[c.riskLevel], reasons: c.reasons, confidence: c.confidence, flags: c.flags };
  } catch {
    return {
      category: 'other',
      riskLevel: 'medium',
      department: DEFAULT_DEPARTMENT.other,
      tier: TIER_BY_RISK.medium,
      reasons: ['文本无法自动分析,请人工研判'],
      confidence: 0,
      flags: [],
    };
  }
}

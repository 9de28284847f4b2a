/**
 * Training-only entry (bench/triage/train*.ts, loao.ts, and specs that compare
 * rules alone with rules + models): the same pipeline with models passed in.
 * Nothing here is on the production path (index.ts).
 */
import { featurize } from './model';
import { runPhases, runTriage } from './pipeline';
import { lowerable } from './phases/decide';
import { riskInput } from './phases/models';
import { productionModels } from './index';
import type { Models, TriageInput, TriageResult } from './types';

export { loadCategoryModel, loadRiskModel } from './models-load';
export { productionModels };

/** The triage with the given models (null = rules alone for that part). */
export function triageWith(input: TriageInput, models: Partial<Models>): TriageResult {
  const p = productionModels();
  return runTriage(input, { category: 'category' in models ? models.category ?? null : p.category, risk: 'risk' in models ? models.risk ?? null : p.risk, flags: 'flags' in models ? models.flags ?? null : p.flags });
}

/** The risk model's input for a report, and whether the model could lower it. */
export function riskFeatures(input: TriageInput, category: Models['category'] = productionModels().category): { feats: string[]; lowerable: boolean } {
  const c = runPhases(input, { category, risk: null, flags: productionModels().flags }, 'decide');
  return { feats: riskInput(c.feats.length ? c.feats : featurize(c.text), c), lowerable: lowerable(c.kept) };
}

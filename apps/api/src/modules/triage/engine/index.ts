/**
 * Triage engine, production entry: category, risk level, department, tier,
 * flags and Chinese reasons quoting the evidence, for one report. Pure,
 * synchronous, no I/O. The models are loaded once from data/*.json and cannot
 * be replaced from here (cross-validation uses training.ts).
 */
import modelJson from '../data/model.json';
import riskModelJson from '../data/risk-model.json';
import flagModelJson from '../data/flag-model.json';
import { loadFlagModels } from './flag-model';
import { loadCategoryModel, loadRiskModel } from './models-load';
import { runTriage } from './pipeline';
import type { Models, TriageInput, TriageResult } from './types';

export type { TriageInput, TriageResult, RiskModel } from './types';

const MODELS: Readonly<Models> = Object.freeze({ category: loadCategoryModel(modelJson), risk: loadRiskModel(riskModelJson), flags: loadFlagModels(flagModelJson) });

/** The triage of one report. Never throws. */
export function triage(input: TriageInput): TriageResult {
  return runTriage(input, MODELS);
}

/** The production models (read-only), for tests and benches. */
export function productionModels(): Readonly<Models> {
  return MODELS;
}

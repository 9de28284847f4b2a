/** Loading the two n-gram models from their JSON files (data/model.json, data/risk-model.json). */
import type { RiskLevel } from '@zongzhi/shared';
import { parseModel, type ModelFile, type NgramModel } from './model';
import type { RiskModel } from './types';

const RISK_LEVELS: readonly RiskLevel[] = ['low', 'medium', 'high'];

export function loadCategoryModel(file: unknown): NgramModel | null {
  try {
    return parseModel(file as ModelFile);
  } catch {
    return null;
  }
}

export function loadRiskModel(file: unknown): RiskModel | null {
  try {
    const f = file as ModelFile & { highAt?: number; mediumAt?: number; lowAt?: number };
    const m = parseModel<RiskLevel>(f, RISK_LEVELS);
    return m && m.labels.length === 3 ? { ...m, highAt: f.highAt ?? 2, mediumAt: f.mediumAt ?? 2, lowAt: f.lowAt ?? 2 } : null;
  } catch {
    return null;
  }
}

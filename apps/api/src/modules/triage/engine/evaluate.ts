/** Scoring helpers shared by bench/triage/eval.ts and the accuracy spec. */
import { CATEGORIES, type Category, type Channel, type Department, type RiskLevel } from '@zongzhi/shared';
import { triage, type TriageResult } from './index';

export interface LabelledReport {
  id: string;
  channel?: Channel;
  text: string;
  category: Category;
  riskLevel: RiskLevel;
  department: Department;
  acceptCategories?: Category[];
  acceptDepartments?: Department[];
}

export interface EvalReport {
  n: number;
  categoryAccuracy: number;
  categoryStrictAccuracy: number;
  departmentAccuracy: number;
  riskAccuracy: number;
  highRecall: number;
  highPrecision: number;
  confusion: Record<string, Record<string, number>>;
  failures: Array<{ item: LabelledReport; got: TriageResult; wrong: string[] }>;
}

export function parseJsonl(text: string): LabelledReport[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => JSON.parse(l) as LabelledReport);
}

export function evaluate(items: LabelledReport[]): EvalReport {
  let cat = 0;
  let catStrict = 0;
  let dep = 0;
  let risk = 0;
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const confusion: Record<string, Record<string, number>> = {};
  for (const c of CATEGORIES) confusion[c] = {};
  const failures: EvalReport['failures'] = [];
  for (const item of items) {
    const got = triage({ text: item.text, channel: item.channel });
    const wrong: string[] = [];
    const catOk = got.category === item.category || (item.acceptCategories ?? []).includes(got.category);
    if (catOk) cat++;
    else wrong.push('category');
    if (got.category === item.category) catStrict++;
    const depOk = got.department === item.department || (item.acceptDepartments ?? []).includes(got.department);
    if (depOk) dep++;
    else wrong.push('department');
    if (got.riskLevel === item.riskLevel) risk++;
    else wrong.push('risk');
    if (item.riskLevel === 'high' && got.riskLevel === 'high') tp++;
    if (item.riskLevel !== 'high' && got.riskLevel === 'high') fp++;
    if (item.riskLevel === 'high' && got.riskLevel !== 'high') fn++;
    const row = confusion[item.category];
    row[got.category] = (row[got.category] ?? 0) + 1;
    if (wrong.length) failures.push({ item, got, wrong });
  }
  const n = items.length || 1;
  return {
    n: items.length,
    categoryAccuracy: cat / n,
    categoryStrictAccuracy: catStrict / n,
    departmentAccuracy: dep / n,
    riskAccuracy: risk / n,
    highRecall: tp + fn ? tp / (tp + fn) : 1,
    highPrecision: tp + fp ? tp / (tp + fp) : 1,
    confusion,
    failures,
  };
}

/** The confusion matrix as fixed-width text (rows: expected, columns: got). */
export function formatConfusion(conf: EvalReport['confusion']): string {
  const abbr: Record<string, string> = {
    labor: 'lab', neighbor: 'nbr', family: 'fam', property: 'prp', land: 'lnd', contract: 'ctr', consumer: 'csm', medical: 'med',
    traffic: 'trf', campus: 'cmp', public_order: 'pub', safety_hazard: 'saf', environment: 'env', urban: 'urb', demolition: 'dem', other: 'oth',
  };
  const cols = [...CATEGORIES];
  let out = 'expected\\got'.padEnd(14) + cols.map((c) => abbr[c].padStart(4)).join('') + '\n';
  for (const r of cols) {
    out += r.padEnd(14) + cols.map((c) => String(conf[r]?.[c] ?? '.').padStart(4)).join('') + '\n';
  }
  return out;
}

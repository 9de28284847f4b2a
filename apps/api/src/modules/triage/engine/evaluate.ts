/** Scoring helpers shared by bench/triage/eval.ts and the accuracy spec. */
import { CATEGORIES, TRIAGE_FLAGS, type Category, type Channel, type Department, type RiskLevel, type TriageFlagCode } from '@zongzhi/shared';
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
  /** the flags the author expects, as codes or {code, evidence}; absent when the file does not label flags */
  flags?: Array<TriageFlagCode | { code: TriageFlagCode; evidence?: string }>;
}

export interface FlagScore {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
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
  /** per flag, over the reports whose file labels flags (n = flagsLabelled) */
  flags: Record<TriageFlagCode, FlagScore>;
  flagsLabelled: number;
  flagMisses: Array<{ item: LabelledReport; got: TriageResult; missing: TriageFlagCode[]; extra: TriageFlagCode[] }>;
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
  const fl = Object.fromEntries(TRIAGE_FLAGS.map((c) => [c, { tp: 0, fp: 0, fn: 0, precision: 1, recall: 1 }])) as Record<TriageFlagCode, FlagScore>;
  let flagsLabelled = 0;
  const flagMisses: EvalReport['flagMisses'] = [];
  for (const item of items) {
    const got = triage({ text: item.text, channel: item.channel });
    if (Array.isArray(item.flags)) {
      flagsLabelled++;
      const want = new Set(item.flags.map((f) => (typeof f === 'string' ? f : f.code)));
      const have = new Set((got.flags ?? []).map((f) => f.code));
      const missing: TriageFlagCode[] = [];
      const extra: TriageFlagCode[] = [];
      for (const c of TRIAGE_FLAGS) {
        if (want.has(c) && have.has(c)) fl[c].tp++;
        else if (want.has(c)) (fl[c].fn++, missing.push(c));
        else if (have.has(c)) (fl[c].fp++, extra.push(c));
      }
      if (missing.length || extra.length) flagMisses.push({ item, got, missing, extra });
    }
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
    flags: Object.fromEntries(
      TRIAGE_FLAGS.map((c) => {
        const { tp, fp, fn } = fl[c];
        return [c, { tp, fp, fn, precision: tp + fp ? tp / (tp + fp) : 1, recall: tp + fn ? tp / (tp + fn) : 1 }];
      }),
    ) as Record<TriageFlagCode, FlagScore>,
    flagsLabelled,
    flagMisses,
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

/** Per-flag precision and recall as fixed-width text. */
export function formatFlags(r: EvalReport): string {
  const pct = (x: number) => (x * 100).toFixed(1).padStart(6) + '%';
  let out = `flags (${r.flagsLabelled} reports with labelled flags)\n` + 'flag'.padEnd(20) + '    tp    fp    fn  precision  recall\n';
  for (const c of TRIAGE_FLAGS) {
    const f = r.flags[c];
    out += c.padEnd(20) + [f.tp, f.fp, f.fn].map((x) => String(x).padStart(6)).join('') + '  ' + pct(f.precision) + ' ' + pct(f.recall) + '\n';
  }
  return out;
}

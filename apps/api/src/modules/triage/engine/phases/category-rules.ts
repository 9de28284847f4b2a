/**
 * Part of phase 4, rules: category scores from the lexicon (lexicon.ts).
 * Each keyword adds its weight, less on repeats; a keyword in the clause of a
 * risk signal weighs more (the dangerous event defines the case), in a settled
 * clause or before "经核实系…" less; the stated demand (诉求:/主要是) more, side remarks (另反映/顺带)
 * less; negated keywords (不是…, 没打架) do not count.
 */
import { CATEGORIES, type Category, type RiskLevel } from '@zongzhi/shared';
import { LEXICON, PATTERNS } from '../lexicon';
import { debunkedBefore } from '../context';
import type { NormalisedPart, RulesPart, Signal } from '../types';

interface TermInfo {
  cat: Category;
  weight: number;
}
const TERM_MAP = new Map<string, TermInfo[]>();
for (const cat of CATEGORIES) {
  const spec = LEXICON[cat];
  if (!spec) continue;
  for (const item of spec.split(/\s+/)) {
    if (!item) continue;
    const i = item.lastIndexOf(':');
    const term = item.slice(0, i);
    const weight = Number(item.slice(i + 1));
    const list = TERM_MAP.get(term) ?? [];
    const dup = list.find((x) => x.cat === cat);
    if (dup) {
      dup.weight = Math.max(dup.weight, weight);
      continue;
    }
    list.push({ cat, weight });
    TERM_MAP.set(term, list);
  }
}
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const TERM_RE = new RegExp(
  [...TERM_MAP.keys()].sort((a, b) => b.length - a.length).map(escapeRe).join('|'),
  'g',
);
const PATTERN_RES = PATTERNS.map(([cat, src, weight]) => ({ cat, re: new RegExp(src, 'g'), weight }));
export const CAT_INDEX = new Map<Category, number>(CATEGORIES.map((c, i) => [c, i]));
const CATEGORY_NEG_RE = /((?<!是)不是|并非|不属于|不涉及|不存在)(什么)?$/;
/** 没/没有/无 negate an event (没打架, 无人受伤), not a subject (没交房租, 没有路灯). */
const EVENT_NEG_RE = /(没有|没|无|未|并未|从未)(发生|出现)?$/;
const EVENT_CATS = new Set<Category>(['public_order', 'traffic']);
/** Demand (group 1) or side remark (group 2) markers. */
const FOCUS_RE = /(诉求[:：]|主要是|主要诉求)|(另反映|另外反映|顺带反映|顺带|顺便反映|顺便说|顺便提|另外还提到|还提到)/g;
export const LEVEL_RANK: Record<RiskLevel, number> = { low: 0, medium: 1, high: 2 };
/** Below this the rules have not found a category. */
export const OTHER_THRESHOLD = 1.5;

export function categoryRuleScores({ text, view }: NormalisedPart, signals: Signal[]): Pick<RulesPart, 'scores' | 'evidence' | 'hotCats'> {
  const { clauseStart, settled } = view;
  const cut = debunkedBefore(view);
  // strongest signal level per clause, for the category weighting
  const clauseLevel = new Map<number, number>();
  for (const s of signals) {
    const cs = clauseStart[s.at] ?? -1;
    const lv = LEVEL_RANK[s.level];
    if ((clauseLevel.get(cs) ?? 0) < lv) clauseLevel.set(cs, lv);
  }
  // the stated demand (诉求/主要是) weighs more; side remarks (另反映/顺带) less, up to the sentence end
  const focus: Array<[number, number, number]> = [];
  FOCUS_RE.lastIndex = 0;
  let fm: RegExpExecArray | null;
  while ((fm = FOCUS_RE.exec(text))) {
    const end = text.slice(fm.index).search(/[。！？\n]/);
    focus.push([fm.index, end < 0 ? text.length : fm.index + end, fm[1] ? 1.5 : 0.5]);
  }
  const focusWeight = (at: number): number => {
    for (const [a, b, w] of focus) if (at >= a && at < b) return w;
    return 1;
  };
  /** categories with a keyword in the clause of a high-risk signal: the dangerous event defines the case */
  const hotCats = new Uint8Array(CATEGORIES.length);
  const score = (penaliseSettled: boolean) => {
    const scores = new Float64Array(CATEGORIES.length);
    hotCats.fill(0);
    const evidence: string[][] = CATEGORIES.map(() => []);
    const seen = new Map<string, number>();
    const baseClauseWeight = (at: number): number => {
      const cs = clauseStart[at] ?? 0;
      // an alarm that turned out otherwise is not what the report is about
      if (at < cut) return penaliseSettled ? 0.4 : 1;
      if (settled.has(cs)) return penaliseSettled ? 0.5 : 1;
      const lv = clauseLevel.get(cs) ?? 0;
      return lv === 2 ? 1.5 : lv === 1 ? 1.2 : 1;
    };
    const clauseWeight = (at: number): number => focusWeight(at) * baseClauseWeight(at);
    TERM_RE.lastIndex = 0;
    let tm: RegExpExecArray | null;
    while ((tm = TERM_RE.exec(text))) {
      const term = tm[0];
      const at = tm.index;
      const before = text.slice(Math.max(clauseStart[at] ?? 0, at - 4), at);
      if (CATEGORY_NEG_RE.test(before)) continue;
      const eventNeg = EVENT_NEG_RE.test(before);
      const count = (seen.get(term) ?? 0) + 1;
      seen.set(term, count);
      const factor = (count === 1 ? 1 : count === 2 ? 0.5 : 0.25) * clauseWeight(at);
      const hot = (clauseLevel.get(clauseStart[at] ?? 0) ?? 0) === 2;
      for (const info of TERM_MAP.get(term)!) {
        if (eventNeg && EVENT_CATS.has(info.cat)) continue;
        const ci = CAT_INDEX.get(info.cat)!;
        scores[ci] += info.weight * factor;
        if (hot && info.weight >= 1) hotCats[ci] = 1;
        if (count === 1 && info.weight >= 1 && !evidence[ci].includes(term)) evidence[ci].push(term);
      }
    }
    for (const p of PATTERN_RES) {
      p.re.lastIndex = 0;
      const m = p.re.exec(text);
      if (m) {
        const ci = CAT_INDEX.get(p.cat)!;
        scores[ci] += p.weight * clauseWeight(m.index);
        if (evidence[ci].length < 4 && !evidence[ci].some((e) => m[0].includes(e))) evidence[ci].push(m[0]);
      }
    }
    return { scores, evidence };
  };
  let { scores, evidence } = score(true);
  let top = 0;
  for (const s of scores) if (s > top) top = s;
  // a report about a settled matter still has a category
  if (top < OTHER_THRESHOLD && (settled.size > 0 || cut >= 0)) ({ scores, evidence } = score(false));
  return { scores, evidence, hotCats };
}

/**
 * Triage engine: category, risk level, department and tier for one report,
 * with short Chinese reasons quoting the evidence. Pure, synchronous, no I/O.
 */
import {
  CATEGORIES,
  DEFAULT_DEPARTMENT,
  TIER_BY_RISK,
  type Category,
  type Channel,
  type Department,
  type RiskLevel,
  type Tier,
  type TriageFlag,
  TRIAGE_FLAG_LABELS,
} from '@zongzhi/shared';
import { normalise } from './normalize';
import { extractAmounts, extractGroupSizes, HUGE_SUM_RE } from './numbers';
import { CONSULT_RE, LEXICON, PATTERNS } from './lexicon';
import { featurize, parseModel, predictProba, type ModelFile, type NgramModel } from './model';
import modelJson from '../data/model.json';
import riskModelJson from '../data/risk-model.json';
import { RISK_RULES, SETTLED_RE, type RiskRule, type SignalKind } from './risk-rules';
import { clauseEnd, scopeBefore, textView, type TextView } from './context';
import { detectFlags } from './flags';

export interface TriageInput {
  text: string;
  channel?: Channel;
}

export interface TriageResult {
  category: Category;
  riskLevel: RiskLevel;
  department: Department;
  tier: Tier;
  reasons: string[];
  confidence: number;
  /** life-safety and scale flags, each quoting the words that raised it */
  flags: TriageFlag[];
}

// ---------------------------------------------------------------------------
// Compiled at module load

let MODEL: NgramModel | null = null;
try {
  MODEL = parseModel(modelJson as unknown as ModelFile);
} catch {
  MODEL = null;
}
/** Replaces the category model (training/cross-validation only); null = rules alone. */
export function setCategoryModel(m: NgramModel | null): void {
  MODEL = m;
}
export function getCategoryModel(): NgramModel | null {
  return MODEL;
}

/**
 * The risk model: p(low/medium/high) from the same n-grams. Rules decide the
 * level and say why; the model is a second opinion that overrides them only
 * when confident (thresholds in the model file, chosen by leave-one-author-out
 * cross-validation in bench/triage/train-risk.ts): it raises to high dangers
 * worded in ways no rule lists, raises low to medium, and lowers medium to
 * low only on soft signals (SOFT_MEDIUM_KINDS). It never lowers a high.
 */
export interface RiskModel extends NgramModel<RiskLevel> {
  /** p(high) at or above which a report is raised to high */
  highAt: number;
  /** p(medium) + p(high) at or above which a low report is raised to medium */
  mediumAt: number;
  /** p(low) at or above which a medium report is lowered to low */
  lowAt: number;
}
const RISK_LEVELS: readonly RiskLevel[] = ['low', 'medium', 'high'];
function loadRiskModel(file: unknown): RiskModel | null {
  try {
    const f = file as ModelFile & { highAt?: number; mediumAt?: number; lowAt?: number };
    const m = parseModel<RiskLevel>(f, RISK_LEVELS);
    return m && m.labels.length === 3 ? { ...m, highAt: f.highAt ?? 2, mediumAt: f.mediumAt ?? 2, lowAt: f.lowAt ?? 2 } : null;
  } catch {
    return null;
  }
}
let RISK_MODEL: RiskModel | null = loadRiskModel(riskModelJson);
/** Replaces the risk model (training/cross-validation only); null = rules alone. */
export function setRiskModel(m: RiskModel | null): void {
  RISK_MODEL = m;
}
export function getRiskModel(): RiskModel | null {
  return RISK_MODEL;
}

const bucket = (v: number, edges: number[]) => edges.filter((e) => v >= e).length;
/**
 * Facts the n-grams cannot see, as extra features for the risk model: the
 * largest amount and group size the parsers read, in buckets (digits are folded
 * in the n-grams, so 3万 and 97万 look alike). The rules' own levels and signals
 * are deliberately not fed in: the rules were tuned on most of the training
 * reports, so a model trained on them learns to trust the rules far more than
 * it should on new text (measured: high-risk recall 95.8% → 92.6%).
 */
function riskTokens(maxAmount: number, maxGroup: number): string[] {
  return [`#amt:${bucket(maxAmount, [1, 1_000, 10_000, 50_000, 200_000, 1_000_000])}`, `#grp:${bucket(maxGroup, [1, 3, 6, 10, 30])}`];
}
/**
 * Medium signals the model may overrule (how many, how long, how heated, how
 * much money): never a hazard, an injury, violence, a threat, a crime or a
 * vulnerable person, where lowering by a statistical guess is not acceptable.
 */
const SOFT_MEDIUM_KINDS = new Set<Signal['kind']>(['plural', 'repeat', 'emotion', 'escalation', 'size', 'amount']);
const lowerable = (kept: Signal[]) => kept.every((s) => s.level === 'low' || SOFT_MEDIUM_KINDS.has(s.kind));

let captureRiskFeatures: ((feats: string[], lowerable: boolean) => void) | null = null;
/** The risk model's input for a report, and whether the model could lower it (training only). */
export function riskFeatures(input: TriageInput): { feats: string[]; lowerable: boolean } {
  const saved = RISK_MODEL;
  let out = { feats: [] as string[], lowerable: false };
  RISK_MODEL = null;
  captureRiskFeatures = (feats, low) => (out = { feats, lowerable: low });
  try {
    triage(input);
  } finally {
    RISK_MODEL = saved;
    captureRiskFeatures = null;
  }
  return out;
}

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
const CAT_INDEX = new Map<Category, number>(CATEGORIES.map((c, i) => [c, i]));
const CATEGORY_NEG_RE = /((?<!是)不是|并非|不属于|不涉及|不存在)(什么)?$/;
/** 没/没有/无 negate an event (没打架, 无人受伤), not a subject (没交房租, 没有路灯). */
const EVENT_NEG_RE = /(没有|没|无|未|并未|从未)(发生|出现)?$/;
const EVENT_CATS = new Set<Category>(['public_order', 'traffic']);
const VIOLENCE_OBJECT_RE = /(墙|门|窗|玻璃|车|东西|针|卡|球|字|电话|招呼|官司|疫苗|水|饭|包)/;
const GATHER_NOT_GROUP_RE = /^.{0,8}(赌|麻将|打牌|吸毒)/;
const SAFETY_MINOR_RE = /((灭火器|消防栓|水带|应急灯|指示灯|报警器|充电桩).{0,10}(过期|压力不足|坏|没了|不亮|缺|破)|已提醒|建议)/;
const ACCIDENT_RE = /(摔倒|跌倒|摔下|摔了|滑倒|不小心|自己摔|意外)/;
const VIOLENT_CLAUSE_RE = /(打|推|殴|砍|捅|刺|踢|撞|砸|扎|抓)/;
/** A traffic accident happening now, not a past claim. */
const FRESH_RE = /(刚才|刚刚|当场|现场|正在|拨打120|打了120|叫了120|相撞|想跑|躺在)/;
const CONSULT_SOFT_KINDS = new Set(['plural', 'repeat']);
/** Demand (group 1) or side remark (group 2) markers. */
const FOCUS_RE = /(诉求[:：]|主要是|主要诉求)|(另反映|另外反映|顺带反映|顺带|顺便反映|顺便说|顺便提|另外还提到|还提到)/g;
/** Thanks and praise: not a dispute. */
const PRAISE_RE = /(表扬|锦旗|感谢信|致谢|感谢)/;
/** Handled on the spot (已现场劝导, 已责令整改 …). */
const ONSITE_RE = /(已(经)?(现场)?(劝导|劝离|责令|整改|拆除|清理|清除|熄灭|补足|处置完毕|联系.{0,6}(维修|修剪|清理|处理))|承诺.{0,6}(修剪|整改|清理|维修|修复|拆除)|现场(劝导|处置)后)/;
const ONSITE_DROP = new Set<string>(['hazard']);
/** Group words that a small explicit head-count can soften (围堵, 聚集, 堵门). */
const SOFT_GROUP_RE = /(聚集|围堵|堵门|堵.{0,4}门口|讨说法|要说法|讨个说法|讨公道|把.{0,3}门.{0,2}堵|堵.{0,2}(大门|厂门|校门))/;
const CHILD_ABUSE_RE = /(孩子|小孩|儿子|女儿|孙子|孙女|继子|继女).{0,10}(打|抽|虐待|青一块|伤)|(他爸|他妈|她爸|她妈|父亲|母亲|继父|继母|后妈).{0,6}(打|抽|虐待)/;
const SPOUSE_RE = /(老公|丈夫|老婆|妻子|前夫|前妻|男友|女友|男朋友|女朋友|男方|女方|对象|媳妇|同居)/;
const HIGH_KINDS = new Set<SignalKind>(['group', 'threat', 'weapon', 'violence', 'injury', 'death', 'danger']);
const LEVEL_RANK: Record<RiskLevel, number> = { low: 0, medium: 1, high: 2 };

const HIGH_AMOUNT = 200_000;
const MEDIUM_AMOUNT = 10_000;
const HIGH_GROUP = 10;
const MEDIUM_GROUP = 3;
const OTHER_THRESHOLD = 1.5;

// ---------------------------------------------------------------------------

interface Signal {
  rule?: RiskRule;
  kind: SignalKind | 'amount' | 'size' | 'baseline' | 'model';
  level: RiskLevel;
  reason: string;
  at: number;
}

function fmtAmount(v: number): string {
  if (v >= 10000) {
    const w = v / 10000;
    const s = w >= 100 ? Math.round(w).toString() : (Math.round(w * 10) / 10).toString();
    return `${s}万元`;
  }
  return `${Math.round(v)}元`;
}

/** The triage of one report. Never throws. */
export function triage(input: TriageInput): TriageResult {
  try {
    return triageUnsafe(input);
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

function triageUnsafe(input: TriageInput): TriageResult {
  const { text } = normalise(input?.text ?? '');
  const ctx: TextView = textView(text);
  const { clauseStart, settled } = ctx;
  const isSettled = (at: number) => settled.has(clauseStart[at] ?? 0);

  // ----------------------------------------------------------- risk signals
  const signals: Signal[] = [];
  const notes: string[] = [];
  let settledSeen = false;
  let negNote = '';
  for (const rule of RISK_RULES) {
    rule.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = rule.re.exec(text))) {
      const at = m.index;
      const word = m[0];
      if (isSettled(at)) {
        settledSeen = true;
        continue;
      }
      let kind: Signal['kind'] = rule.kind;
      let level: RiskLevel = rule.level;
      let reason = rule.reason(word);
      if (rule.checkNeg !== false) {
        const scope = scopeBefore(ctx, at);
        if (scope === 'neg') {
          if (!negNote && HIGH_KINDS.has(rule.kind)) negNote = `"${text.slice(Math.max(clauseStart[at], at - 3), at)}${word}"为否定表述,不计入风险`;
          continue;
        }
        if (scope === 'worry' || scope === 'hypo') {
          if (!HIGH_KINDS.has(rule.kind)) {
            if (scope === 'hypo') continue;
          } else {
            kind = scope === 'worry' ? 'worry' : 'hazard';
            // a worry is noted but does not raise the level (DOMAIN: hypotheticals are not signals)
            level = scope === 'worry' ? 'low' : 'medium';
            reason =
              scope === 'worry'
                ? `报告人担心"${word}"(仅为担忧,尚无实际行为)`
                : `假设性表述"${word}",存在隐患但未发生`;
          }
        }
      }
      if (rule.kind === 'violence' && word.length > 3 && VIOLENCE_OBJECT_RE.test(word)) continue;
      if (rule.kind === 'injury' && level === 'high') {
        const cs = clauseStart[at] ?? 0;
        const clause = text.slice(cs, clauseEnd(text, cs));
        if (ACCIDENT_RE.test(clause) && !VIOLENT_CLAUSE_RE.test(clause)) {
          level = 'medium';
          reason = `意外受伤(${'"'}${word}${'"'}),未见暴力冲突`;
        }
      }
      if (rule.kind === 'group' && word === '聚集' && GATHER_NOT_GROUP_RE.test(text.slice(at + 2, at + 12))) continue;
      if (
        (rule.kind === 'violence' || rule.kind === 'injury') &&
        level === 'high' &&
        (text[at + word.length] === '过' || /过/.test(word.slice(1)))
      ) {
        level = 'medium';
        reason = `曾发生冲突或伤害("${word}${text[at + word.length] === '过' ? '过' : ''}"),需防反复`;
      }
      if (kind === 'worry') level = 'low';
      signals.push({ rule, kind, level, reason, at });
    }
  }

  // amounts
  let maxAmount = 0;
  let maxAmountText = '';
  let maxAmountAt = -1;
  const amounts = extractAmounts(text);
  for (const a of amounts) {
    if (isSettled(a.index)) {
      settledSeen = true;
      continue;
    }
    if (scopeBefore(ctx, a.index) === 'neg') continue;
    if (a.value > maxAmount) {
      maxAmount = a.value;
      maxAmountText = a.text;
      maxAmountAt = a.index;
    }
  }
  if (maxAmount >= HIGH_AMOUNT) {
    signals.push({ kind: 'amount', level: 'high', reason: `涉及金额约${fmtAmount(maxAmount)}("${maxAmountText}"),数额巨大`, at: maxAmountAt });
  } else if (maxAmount >= MEDIUM_AMOUNT) {
    signals.push({ kind: 'amount', level: 'medium', reason: `涉及金额约${fmtAmount(maxAmount)}("${maxAmountText}")`, at: maxAmountAt });
  }
  const huge = HUGE_SUM_RE.exec(text);
  if (huge && !isSettled(huge.index)) signals.push({ kind: 'amount', level: 'high', reason: `涉及金额巨大("${huge[0]}")`, at: huge.index });

  // group sizes
  let maxGroup = 0;
  let maxGroupText = '';
  let maxGroupAt = -1;
  const groups = extractGroupSizes(text);
  for (const g of groups) {
    if (isSettled(g.index)) continue;
    if (scopeBefore(ctx, g.index) === 'neg') continue;
    if (g.size > maxGroup) {
      maxGroup = g.size;
      maxGroupText = g.text;
      maxGroupAt = g.index;
    }
  }
  if (maxGroup >= HIGH_GROUP) {
    signals.push({ kind: 'size', level: 'high', reason: `涉及约${maxGroup}人/户("${maxGroupText}",群体)`, at: maxGroupAt });
  } else if (maxGroup >= MEDIUM_GROUP) {
    signals.push({ kind: 'size', level: 'medium', reason: `涉及多方当事人(约${maxGroup}人/户,"${maxGroupText}")`, at: maxGroupAt });
  }

  // ----------------------------------------------------------- category
  // strongest signal level per clause, for the category weighting
  const clauseLevel = new Map<number, number>();
  for (const s of signals) {
    const cs = clauseStart[s.at] ?? -1;
    const lv = LEVEL_RANK[s.level];
    if ((clauseLevel.get(cs) ?? 0) < lv) clauseLevel.set(cs, lv);
  }
  // the stated demand (诉求/主要是) weighs more; side remarks (另反映/顺带) less, up to the sentence end
  const focus: Array<[number, number, number]> = [];
  {
    FOCUS_RE.lastIndex = 0;
    let fm: RegExpExecArray | null;
    while ((fm = FOCUS_RE.exec(text))) {
      const end = text.slice(fm.index).search(/[。！？\n]/);
      focus.push([fm.index, end < 0 ? text.length : fm.index + end, fm[1] ? 1.5 : 0.5]);
    }
  }
  const focusWeight = (at: number): number => {
    for (const [a, b, w] of focus) if (at >= a && at < b) return w;
    return 1;
  };
  /** categories with a keyword in the clause of a high-risk signal: the dangerous event defines the case */
  const hotCats = new Uint8Array(CATEGORIES.length);
  const scoreCategories = (penaliseSettled: boolean) => {
    const scores = new Float64Array(CATEGORIES.length);
    hotCats.fill(0);
    const evidence: string[][] = CATEGORIES.map(() => []);
    const seen = new Map<string, number>();
    const clauseWeight = (at: number): number => focusWeight(at) * baseClauseWeight(at);
    const baseClauseWeight = (at: number): number => {
      const cs = clauseStart[at] ?? 0;
      if (settled.has(cs)) return penaliseSettled ? 0.5 : 1;
      const lv = clauseLevel.get(cs) ?? 0;
      return lv === 2 ? 1.5 : lv === 1 ? 1.2 : 1;
    };
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
  let { scores, evidence } = scoreCategories(true);
  {
    let top = 0;
    for (const s of scores) if (s > top) top = s;
    if (top < OTHER_THRESHOLD && settled.size > 0) ({ scores, evidence } = scoreCategories(false));
  }
  // learned complement: the model's log-probabilities added to the rule scores
  let probs: Float64Array | null = null;
  let feats: string[] = [];
  const model = MODEL;
  let ruleTop = 0;
  let ruleBest = -1;
  for (let i = 0; i < scores.length; i++) {
    if (scores[i] > ruleTop) {
      ruleTop = scores[i];
      ruleBest = i;
    }
  }
  const hotRule = ruleBest >= 0 && hotCats[ruleBest] === 1 && ruleTop >= OTHER_THRESHOLD;
  if (model && model.lambda > 0 && ruleTop < model.gate && !hotRule) {
    feats = featurize(text);
    const p = predictProba(model, feats);
    probs = new Float64Array(CATEGORIES.length);
    model.labels.forEach((l, i) => (probs![CAT_INDEX.get(l)!] = p[i]));
  }
  const combined = Float64Array.from(scores);
  if (probs && model) {
    let pmax = 0;
    for (const v of probs) if (v > pmax) pmax = v;
    for (let i = 0; i < combined.length; i++) combined[i] += model.lambda * Math.log(Math.max(probs[i], 1e-4) / pmax);
  }
  let best = CAT_INDEX.get('other')!;
  let bestC = -Infinity;
  for (let i = 0; i < combined.length; i++) {
    if (combined[i] > bestC) {
      bestC = combined[i];
      best = i;
    }
  }
  let bestScore = scores[best];
  let second = 0;
  for (let i = 0; i < scores.length; i++) if (i !== best && scores[i] > second) second = scores[i];
  let category: Category = CATEGORIES[best];
  let byModel = false;
  if (bestScore < OTHER_THRESHOLD && category !== 'other') {
    if (probs && model && probs[best] >= model.tau) byModel = true;
    else category = 'other';
  }
  if (category === 'other' && !byModel && probs && model && bestScore < OTHER_THRESHOLD) {
    // rules found nothing decisive: let a confident model name the category
    let mi = 0;
    for (let i = 0; i < probs.length; i++) if (probs[i] > probs[mi]) mi = i;
    if (CATEGORIES[mi] !== 'other' && probs[mi] >= model.tau && scores[mi] >= bestScore) {
      category = CATEGORIES[mi];
      best = mi;
      bestScore = scores[mi];
      byModel = true;
    }
  }

  // ----------------------------------------------------------- risk level
  const consult = CONSULT_RE.test(text);
  const kept: Signal[] = [];
  const praise = PRAISE_RE.test(text);
  const consultOnly =
    consult &&
    signals.every((s) => s.level !== 'high' && (s.level === 'low' || CONSULT_SOFT_KINDS.has(s.kind) || (praise && s.kind === 'vulnerable')));
  for (const s of signals) {
    if (consultOnly) continue;
    const rule = s.rule;
    if (rule && s.level === 'high') {
      if (rule.onlyIn && !rule.onlyIn.includes(category)) continue;
      const fresh = category === 'traffic' && FRESH_RE.test(text);
      if (rule.softerIn && rule.softerIn.includes(category) && !hasViolence(signals) && !fresh) {
        kept.push({ ...s, level: 'medium' });
        continue;
      }
    }
    kept.push(s);
  }
  // a light injury in a fight is still an injury (DOMAIN: injury → high)
  if (kept.some((s) => (s.kind === 'violence' && s.level === 'high') || (s.kind === 'conflict' && /推搡|拉扯|撕扯|扭打|厮打|抓|打/.test(s.reason)))) {
    for (let i = 0; i < kept.length; i++) {
      const s = kept[i];
      if (s.kind === 'conflict' && s.rule && /摔伤|扭伤|擦伤|磕伤|烫伤/.test(s.reason)) {
        kept[i] = { ...s, kind: 'injury', level: 'high', reason: s.reason.replace('有人员轻伤或意外受伤', '冲突中有人受伤') };
      }
    }
  }
  // a handful of people (explicit count under ten) crowding is not yet a mass incident
  if (maxGroup >= MEDIUM_GROUP && maxGroup < HIGH_GROUP && !kept.some((s) => s.level === 'high' && s.kind !== 'group')) {
    for (let i = 0; i < kept.length; i++) {
      const s = kept[i];
      if (s.kind === 'group' && s.rule && SOFT_GROUP_RE.test(s.reason)) {
        kept[i] = { ...s, level: 'medium', reason: `${s.reason.replace(/等群体性行为或苗头|,有群体聚集苗头/, '')},但人数约${maxGroup}人,未达群体规模` };
      }
    }
  }
  // settled on the spot by the grid worker: hazards and old history no longer raise the level
  if (ONSITE_RE.test(text)) {
    for (let i = kept.length - 1; i >= 0; i--) {
      if (kept[i].level === 'medium' && ONSITE_DROP.has(kept[i].kind)) kept.splice(i, 1);
    }
  }
  let level: RiskLevel = 'low';
  for (const s of kept) if (LEVEL_RANK[s.level] > LEVEL_RANK[level]) level = s.level;
  let modelNote = '';

  if (level === 'low' && !consult) {
    if (category === 'safety_hazard' && !SAFETY_MINOR_RE.test(text) && !ONSITE_RE.test(text)) {
      kept.push({ kind: 'baseline', level: 'medium', reason: '安全隐患类事项,需限期排查整改', at: 0 });
      level = 'medium';
    } else if (category === 'campus' && /(学生|孩子|小孩|儿子|女儿|同学)/.test(text)) {
      kept.push({ kind: 'baseline', level: 'medium', reason: '涉及在校学生(未成年人)安全', at: 0 });
      level = 'medium';
    }
  }

  // flags: self_harm, violence_threat, and an active hazard near a vulnerable person are always high
  const { flags, forced } = detectFlags({ view: ctx, amounts, groups });
  const flagReasons: string[] = [];
  if (forced.length) {
    const seen = new Set<string>();
    for (const f of forced) {
      if (seen.has(f.code)) continue;
      seen.add(f.code);
      flagReasons.push(`${TRIAGE_FLAG_LABELS[f.code]}("${f.evidence}")`);
    }
    if (forced.some((f) => f.code === 'hazard_active')) {
      const i = flagReasons.findIndex((r) => r.startsWith(TRIAGE_FLAG_LABELS.vulnerable_person));
      const j = flagReasons.findIndex((r) => r.startsWith(TRIAGE_FLAG_LABELS.hazard_active));
      if (i >= 0 && j >= 0) flagReasons.splice(j, 2, `${flagReasons[j]}且${flagReasons[i]},危及人身安全`);
    }
    level = 'high';
  }

  // learned second opinion: may raise the level; never lowers a high one
  const riskModel = RISK_MODEL;
  if (captureRiskFeatures) captureRiskFeatures([...(feats.length ? feats : featurize(text)), ...riskTokens(maxAmount, maxGroup)], lowerable(kept));
  if (riskModel && level !== 'high' && !consultOnly) {
    if (!feats.length) feats = featurize(text);
    const p = predictProba(riskModel, [...feats, ...riskTokens(maxAmount, maxGroup)]);
    const pr = (l: RiskLevel) => p[riskModel.labels.indexOf(l)];
    const [pLow, pMedium, pHigh] = [pr('low'), pr('medium'), pr('high')];
    let to: RiskLevel | null = null;
    let conf = 0;
    if (pHigh >= riskModel.highAt) [to, conf] = ['high', pHigh];
    else if (level === 'low' && pMedium + pHigh >= riskModel.mediumAt) [to, conf] = ['medium', pMedium + pHigh];
    else if (level === 'medium' && pLow >= riskModel.lowAt && lowerable(kept)) [to, conf] = ['low', pLow];
    if (to) {
      const clause = to === 'low' ? '' : evidenceClause(riskModel, text, riskModel.labels.indexOf(to));
      const label = { high: '高', medium: '中', low: '低' }[to];
      const pc = Math.round(conf * 100);
      const quoted = clause ? `:"${clause}"` : '';
      if (to === 'low') modelNote = `综合文本特征研判为低风险(模型置信度${pc}%),文中信号不足以定为中风险,请人工核实`;
      else kept.push({ kind: 'model', level: to, reason: `文本特征与${label}风险案例相近(模型置信度${pc}%)${quoted},请人工核实`, at: 0 });
      level = to;
    }
  }

  // ----------------------------------------------------------- reasons
  const reasons: string[] = [];
  const ev = evidence[CAT_INDEX.get(category)!].slice(0, 4);
  if (category === 'other') reasons.push('未匹配到明确类别关键词,归入其他,建议人工研判');
  else if (ev.length && !byModel) reasons.push(`关键词:${ev.join('、')}`);
  else {
    const ci = model ? model.labels.indexOf(category) : -1;
    const clause = model && ci >= 0 ? evidenceClause(model, text, ci) : '';
    const pc = probs ? Math.round(probs[best] * 100) : 0;
    reasons.push(`文本特征判断(模型置信度${pc}%)${clause ? `:"${clause}"` : ''}${ev.length ? ';关键词:' + ev.join('、') : ''}`);
  }
  const riskReasons: string[] = [...flagReasons];
  for (const lv of ['high', 'medium'] as const) {
    for (const s of kept) if (s.level === lv && !riskReasons.includes(s.reason)) riskReasons.push(s.reason);
  }
  if (modelNote) {
    riskReasons.unshift(modelNote);
  } else if (level === 'low') {
    if (consult) riskReasons.push('咨询/建议类诉求,未见风险信号');
    else if (settledSeen || SETTLED_RE.test(text)) riskReasons.push('事项已调解或已现场处理,未见升级信号');
    else if (category === 'urban') riskReasons.push('市政设施/市容问题,一般处置即可');
    else riskReasons.push('一对一日常纠纷,未见升级信号');
    if (maxAmount > 0) riskReasons.push(`涉及金额约${fmtAmount(maxAmount)},数额较小`);
  } else if (settledSeen) {
    riskReasons.push('文中已调解或已处置的情况不计入风险');
  }
  for (const s of kept) if (s.kind === 'worry' && s.level === 'low' && !riskReasons.includes(s.reason)) riskReasons.push(s.reason);
  if (negNote) riskReasons.push(negNote);
  reasons.push(...riskReasons.slice(0, 6));

  // ----------------------------------------------------------- department
  let department: Department = DEFAULT_DEPARTMENT[category];
  if (category === 'family') {
    const violent = kept.some(
      (s) => s.kind === 'violence' || s.kind === 'injury' || s.kind === 'weapon' || (s.kind === 'threat' && s.level === 'high'),
    );
    const dv = kept.some((s) => s.kind === 'violence' && /家暴|家庭暴力/.test(s.reason));
    if (dv || (violent && (SPOUSE_RE.test(text) || CHILD_ABUSE_RE.test(text)))) {
      department = 'women_federation';
      reasons.push('涉及家庭暴力,转妇联协同处置');
    }
  }

  // ----------------------------------------------------------- confidence
  const margin = bestScore > 0 ? Math.max(0, (bestScore - second) / bestScore) : 0;
  let catConf = category === 'other' ? 0.3 : Math.min(1, 0.35 + 0.45 * margin + Math.min(0.2, bestScore / 40));
  if (probs && category !== 'other') catConf = byModel ? Math.min(0.8, probs[best]) : Math.max(catConf, Math.min(1, 0.5 * catConf + 0.5 * probs[best]));
  const strong = kept.filter((s) => s.level === level).length;
  const riskConf = level === 'low' ? (kept.length === 0 ? 0.8 : 0.6) : Math.min(0.95, 0.6 + 0.12 * strong);
  if (!Number.isFinite(catConf)) catConf = 0.3;
  const confidence = Math.round(Math.max(0, Math.min(1, 0.6 * catConf + 0.4 * riskConf)) * 100) / 100;

  return { category, riskLevel: level, department, tier: TIER_BY_RISK[level], reasons, confidence, flags };
}


function hasViolence(signals: Signal[]): boolean {
  return signals.some((s) => (s.kind === 'violence' || s.kind === 'weapon') && s.level === 'high');
}

/** How much an n-gram favours one class over its strongest rival (0 when it does not). */
function margin(model: NgramModel<string>, f: string, ci: number): number {
  const ws = model.weights.get(f);
  if (!ws) return 0;
  let own = 0;
  let rival = 0;
  for (const [c, w] of ws) {
    if (c === ci) own = w;
    else if (w > rival) rival = w;
  }
  return Math.max(0, own - rival);
}

/** The clause of the text that pushes the model hardest towards one class, as a short quote. */
function evidenceClause(model: NgramModel<string>, text: string, ci: number): string {
  let best = '';
  let bestScore = 0;
  for (const clause of text.split(/[，。；！？,.;!?\s]+/)) {
    if (clause.length < 2) continue;
    let score = 0;
    for (const f of featurize(clause)) if (f.length >= 2) score += margin(model, f, ci);
    if (score > bestScore) [best, bestScore] = [clause, score];
  }
  return best.length > 20 ? best.slice(0, 20) + '…' : best;
}


/**
 * Phase 4, rules: the risk signals (risk-rules.ts) with their scopes, the
 * amount and group-size signals, and the category rule scores
 * (category-rules.ts). Every signal carries a reason quoting the text.
 *
 * A signal in a settled clause, before "经核实系…", in a joke or a game, a
 * matter long recovered, or (hazards, groups) in a drill does not count.
 * Negated: dropped (the first negated high signal is noted). A worry about a
 * high signal is noted at low; a hypothetical one is a medium hazard.
 */
import type { RiskLevel } from '@zongzhi/shared';
import { clauseAt, debunkedBefore, isSettled, notReal, scopeBefore, sentenceAt } from '../context';
import { HUGE_SUM_RE } from '../numbers';
import { RISK_RULES, type SignalKind } from '../risk-rules';
import type { ExtractPart, NormalisedPart, RulesPart, Signal } from '../types';
import { categoryRuleScores } from './category-rules';
import { DRILL_RE } from './extract';

export const HIGH_KINDS = new Set<SignalKind>(['group', 'threat', 'weapon', 'violence', 'injury', 'death', 'danger']);
export const HIGH_AMOUNT = 200_000;
export const MEDIUM_AMOUNT = 10_000;
export const HIGH_GROUP = 10;
export const MEDIUM_GROUP = 3;

const VIOLENCE_OBJECT_RE = /(墙|门|窗|玻璃|车|东西|针|卡|球|字|电话|招呼|官司|疫苗|水|饭|包)/;
const GATHER_NOT_GROUP_RE = /^.{0,8}(赌|麻将|打牌|吸毒)/;
const GATHER_ANIMALS_RE = /^.{0,8}(猫|狗|鸟|蚊|苍蝇|老鼠|鸽)/;
/** The old or disabled person is well and cared for: their age alone is no risk. */
const WELL_RE = /(身体(尚好|健康|硬朗|挺好|还好|无恙|正常|尚可)|恢复良好|表示满意|无特殊需求)/;
const THING_BROKEN_RE = /[翻碎坏烂扫开]/;
const PAPERWORK_RE = /(手续|注销|丧葬|继承|遗产|遗嘱|户口|抚恤|补助|过户|证明)/;
const ACCIDENT_RE = /(摔倒|跌倒|摔下|摔了|滑倒|不小心|自己摔|意外)/;
const VIOLENT_CLAUSE_RE = /(打|推|殴|砍|捅|刺|踢|撞|砸|扎|抓)/;

export function fmtAmount(v: number): string {
  if (v >= 10000) {
    const w = v / 10000;
    const s = w >= 100 ? Math.round(w).toString() : (Math.round(w * 10) / 10).toString();
    return `${s}万元`;
  }
  return `${Math.round(v)}元`;
}

/** The risk signals of the rules, with their scopes applied. */
export function riskSignals({ text, view }: NormalisedPart): { signals: Signal[]; settledSeen: boolean; negNote: string } {
  const cut = debunkedBefore(view);
  const signals: Signal[] = [];
  let settledSeen = false;
  let negNote = '';
  for (const rule of RISK_RULES) {
    rule.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = rule.re.exec(text))) {
      const at = m.index;
      const word = m[0];
      const planned = (rule.kind === 'danger' || rule.kind === 'hazard' || rule.kind === 'group') && DRILL_RE.test(sentenceAt(text, at));
      if (isSettled(view, at) || at < cut || notReal(view, at) || planned) {
        settledSeen = true;
        continue;
      }
      if (rule.kind === 'group' && /^聚集/.test(word) && GATHER_ANIMALS_RE.test(text.slice(at + 2, at + 12))) continue;
      if (rule.kind === 'vulnerable' && WELL_RE.test(text)) continue;
      let kind: Signal['kind'] = rule.kind;
      let level: RiskLevel = rule.level;
      let reason = rule.reason(word);
      if (rule.checkNeg !== false) {
        const scope = scopeBefore(view, at);
        if (scope === 'neg') {
          if (!negNote && HIGH_KINDS.has(rule.kind)) negNote = `"${text.slice(Math.max(view.clauseStart[at], at - 3), at)}${word}"为否定表述,不计入风险`;
          continue;
        }
        if (scope === 'worry' || scope === 'hypo') {
          if (!HIGH_KINDS.has(rule.kind)) {
            if (scope === 'hypo') continue;
          } else {
            kind = scope === 'worry' ? 'worry' : 'hazard';
            // a worry is noted but does not raise the level (DOMAIN: hypotheticals are not signals)
            level = scope === 'worry' ? 'low' : 'medium';
            reason = scope === 'worry' ? `报告人担心"${word}"(仅为担忧,尚无实际行为)` : `假设性表述"${word}",存在隐患但未发生`;
          }
        }
      }
      if (rule.kind === 'violence' && word.length > 3 && VIOLENCE_OBJECT_RE.test(word)) continue;
      // 把花盆打翻/打碎: a thing, not a person
      if (rule.kind === 'violence' && /打$/.test(word) && THING_BROKEN_RE.test(text[at + word.length] ?? '')) continue;
      // 老人去世后要办哪些手续: paperwork after a death, not a death to answer
      if (rule.kind === 'death' && PAPERWORK_RE.test(sentenceAt(text, at))) continue;
      if (rule.kind === 'injury' && level === 'high') {
        const clause = clauseAt(view, at);
        if (ACCIDENT_RE.test(clause) && !VIOLENT_CLAUSE_RE.test(clause)) {
          level = 'medium';
          reason = `意外受伤("${word}"),未见暴力冲突`;
        }
      }
      if (rule.kind === 'group' && word === '聚集' && GATHER_NOT_GROUP_RE.test(text.slice(at + 2, at + 12))) continue;
      if ((rule.kind === 'violence' || rule.kind === 'injury') && level === 'high' && (text[at + word.length] === '过' || /过/.test(word.slice(1)))) {
        level = 'medium';
        reason = `曾发生冲突或伤害("${word}${text[at + word.length] === '过' ? '过' : ''}"),需防反复`;
      }
      if (kind === 'worry') level = 'low';
      signals.push({ rule, kind, level, reason, at });
    }
  }
  return { signals, settledSeen, negNote };
}

/** Signals from the largest amount and head-count (extract phase). */
export function sizeSignals({ text, view }: NormalisedPart, { maxAmount, maxGroup }: Pick<ExtractPart, 'maxAmount' | 'maxGroup'>): Signal[] {
  const out: Signal[] = [];
  const a = maxAmount;
  if (a.value >= HIGH_AMOUNT) out.push({ kind: 'amount', level: 'high', reason: `涉及金额约${fmtAmount(a.value)}("${a.text}"),数额巨大`, at: a.at });
  else if (a.value >= MEDIUM_AMOUNT) out.push({ kind: 'amount', level: 'medium', reason: `涉及金额约${fmtAmount(a.value)}("${a.text}")`, at: a.at });
  const huge = HUGE_SUM_RE.exec(text);
  if (huge && !isSettled(view, huge.index)) out.push({ kind: 'amount', level: 'high', reason: `涉及金额巨大("${huge[0]}")`, at: huge.index });
  const g = maxGroup;
  if (g.value >= HIGH_GROUP) out.push({ kind: 'size', level: 'high', reason: `涉及约${g.value}人/户("${g.text}",群体)`, at: g.at });
  else if (g.value >= MEDIUM_GROUP) out.push({ kind: 'size', level: 'medium', reason: `涉及多方当事人(约${g.value}人/户,"${g.text}")`, at: g.at });
  return out;
}

export function rulesPhase(ctx: NormalisedPart & ExtractPart): RulesPart {
  const { signals, settledSeen, negNote } = riskSignals(ctx);
  signals.push(...sizeSignals(ctx, ctx));
  return { signals, settledSeen: settledSeen || ctx.amountSettled, negNote, ...categoryRuleScores(ctx, signals) };
}

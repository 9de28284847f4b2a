/**
 * Phase 7, explain: the reasons, in Chinese, each quoting the text.
 * First the category (its keywords, or the model's confidence and the clause
 * that pushed it hardest); then why the level: the flags that forced it, the
 * high then medium signals, or why it is low (consultation, settled, a simple
 * municipal fix, one-to-one); worries and negations noted; the department's
 * reason last (家暴 → 妇联).
 */
import { SETTLED_RE } from '../risk-rules';
import { featurize, type NgramModel } from '../model';
import type { TriageContext } from '../types';
import { CAT_INDEX } from './category-rules';
import { fmtAmount } from './rules';

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
export function evidenceClause(model: NgramModel<string>, text: string, ci: number): string {
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

type In = Omit<TriageContext, 'reasons'>;

export function categoryReason(ctx: In): string {
  const { category, evidence, byModel, probs, best, text } = ctx;
  const model = ctx.models.category;
  const ev = evidence[CAT_INDEX.get(category)!].slice(0, 4);
  if (ctx.crisis) return '以自伤自杀风险为主,未见具体纠纷,归入其他,由综治中心统筹处置';
  if (category === 'other') return '未匹配到明确类别关键词,归入其他,建议人工研判';
  if (ev.length && !byModel) return `关键词:${ev.join('、')}`;
  const ci = model ? model.labels.indexOf(category) : -1;
  const clause = model && ci >= 0 ? evidenceClause(model, text, ci) : '';
  const pc = probs ? Math.round(probs[best] * 100) : 0;
  return `文本特征判断(模型置信度${pc}%)${clause ? `:"${clause}"` : ''}${ev.length ? ';关键词:' + ev.join('、') : ''}`;
}

export function riskReasons(ctx: In): string[] {
  const { kept, riskLevel: level, modelNote, consult, settledSeen, category, text, negNote } = ctx;
  const out: string[] = [...(ctx.learned ?? []).map((l) => l.reason), ...ctx.flagReasons];
  for (const lv of ['high', 'medium'] as const) for (const s of kept) if (s.level === lv && !out.includes(s.reason)) out.push(s.reason);
  if (modelNote) out.unshift(modelNote);
  else if (level === 'low') {
    if (consult) out.push('咨询/建议类诉求,未见风险信号');
    else if (settledSeen || SETTLED_RE.test(text)) out.push('事项已调解或已现场处理,未见升级信号');
    else if (category === 'urban') out.push('市政设施/市容问题,一般处置即可');
    else out.push('一对一日常纠纷,未见升级信号');
    if (ctx.maxAmount.value > 0) out.push(`涉及金额约${fmtAmount(ctx.maxAmount.value)},数额较小`);
  } else if (settledSeen) out.push('文中已调解或已处置的情况不计入风险');
  for (const s of kept) if (s.kind === 'worry' && s.level === 'low' && !out.includes(s.reason)) out.push(s.reason);
  if (negNote) out.push(negNote);
  return out.slice(0, 6);
}

export function explainPhase(ctx: In): { reasons: string[] } {
  const reasons = [categoryReason(ctx), ...riskReasons(ctx)];
  if (ctx.departmentNote) reasons.push(ctx.departmentNote);
  return { reasons };
}

/**
 * Phase 6, decide: the risk level, the department and the confidence.
 *
 * Level: the strongest kept signal (after category-dependent adjustments:
 * `onlyIn`, `softerIn`, a handful of people is not a crowd, hazards handled on
 * the spot); a safety hazard or a campus matter is at least medium. Then the
 * flags: self_harm, violence_threat, or an active hazard within reach of a
 * vulnerable person make it high. Then the risk model's second opinion: it may
 * raise to high (p(high) ≥ highAt, not when the text says it turned out
 * otherwise or is a drill), raise low to medium, and lower medium to low only
 * when every medium signal is soft; it never lowers a high level.
 */
import { DEFAULT_DEPARTMENT, TRIAGE_FLAG_LABELS, type Department, type RiskLevel } from '@zongzhi/shared';
import { debunkedBefore, JOKE_RE, RECOVERED_RE } from '../context';
import { CONSULT_RE } from '../lexicon';
import type { DecidePart, ExtractPart, FlagsPart, Models, ModelsPart, NormalisedPart, RulesPart, Signal } from '../types';
import { LEVEL_RANK } from './category-rules';
import { evidenceClause } from './explain';
import { DRILL_RE } from './extract';
import { HIGH_GROUP, MEDIUM_GROUP } from './rules';

/** The hazard is already checked, made safe or only being inspected. */
const HAZARD_CLEARED_RE = /(结构安全|整体安全|无(安全)?隐患|不影响.{0,4}安全|已(安排|报修|张贴|加固|设置|联系)|复查|回访|检修|演练|没(漏|味|事)|没什么味)/;
/** A standing cause still to be put right (短路, 老化, 违规…): the hazard outlives the incident. */
const OUTSTANDING_RE = /(整改|违规|不规范|短路|老化|私拉|飞线|未设|没有设)/;
/** A campus matter that touches a child's safety, not homework or the canteen's salt. */
const CAMPUS_HARM_RE = /(安全|受伤|伤|欺负|打|危险|霸凌|威胁|骚扰|走失|意外|事故|体罚|骂|刀|摔|跑出|失联|勒索|索要)/;
/** Words saying it turned out otherwise, a drill, a joke or a matter long recovered: the model may not raise the level. */
export function calmed(ctx: Pick<In, 'text' | 'view'>): boolean {
  return debunkedBefore(ctx.view) >= 0 || DRILL_RE.test(ctx.text) || JOKE_RE.test(ctx.view.raw) || RECOVERED_RE.test(ctx.view.raw);
}
const SAFETY_MINOR_RE = /((灭火器|消防栓|水带|应急灯|指示灯|报警器|充电桩).{0,10}(过期|压力不足|坏|没了|不亮|缺|破)|已提醒|建议)/;
/** A traffic accident happening now, not a past claim. */
const FRESH_RE = /(刚才|刚刚|当场|现场|正在|拨打120|打了120|叫了120|相撞|想跑|躺在)/;
const CONSULT_SOFT_KINDS = new Set(['plural', 'repeat']);
/** Thanks and praise: not a dispute. */
const PRAISE_RE = /(表扬|锦旗|感谢信|致谢|感谢)/;
/** Handled on the spot (已现场劝导, 已责令整改 …). */
const ONSITE_RE = /(已(经)?(现场)?(劝导|劝离|责令|整改|拆除|清理|清除|熄灭|补足|处置完毕|联系.{0,6}(维修|修剪|清理|处理))|承诺.{0,6}(修剪|整改|清理|维修|修复|拆除)|现场(劝导|处置)后)/;
const ONSITE_DROP = new Set<string>(['hazard']);
/** Group words that a small explicit head-count can soften (围堵, 聚集, 堵门). */
const SOFT_GROUP_RE = /(聚集|围堵|堵门|堵.{0,4}门口|讨说法|要说法|讨个说法|讨公道|把.{0,3}门.{0,2}堵|堵.{0,2}(大门|厂门|校门))/;
const CHILD_ABUSE_RE = /(孩子|小孩|儿子|女儿|孙子|孙女|继子|继女).{0,10}(打|抽|虐待|青一块|伤)|(他爸|他妈|她爸|她妈|父亲|母亲|继父|继母|后妈).{0,6}(打|抽|虐待)/;
const SPOUSE_RE = /(老公|丈夫|老婆|妻子|前夫|前妻|男友|女友|男朋友|女朋友|男方|女方|对象|媳妇|同居)/;

/**
 * Medium signals the model may overrule (how many, how long, how heated, how
 * much money): never a hazard, an injury, violence, a threat, a crime or a
 * vulnerable person, where lowering by a statistical guess is not acceptable.
 */
const SOFT_MEDIUM_KINDS = new Set<Signal['kind']>(['plural', 'repeat', 'emotion', 'escalation', 'size', 'amount']);
export const lowerable = (kept: Signal[]) => kept.every((s) => s.level === 'low' || SOFT_MEDIUM_KINDS.has(s.kind));
const hasViolence = (signals: Signal[]) => signals.some((s) => (s.kind === 'violence' || s.kind === 'weapon') && s.level === 'high');

type In = NormalisedPart & ExtractPart & FlagsPart & RulesPart & ModelsPart & { models: Models };

/** The signals that count, and the level they give, before flags and the risk model. */
export function ruleLevel(ctx: In): Pick<DecidePart, 'consult' | 'consultOnly' | 'kept' | 'riskLevel'> {
  const { text, signals, category } = ctx;
  const maxGroup = ctx.maxGroup.value;
  const consult = CONSULT_RE.test(text);
  const kept: Signal[] = [];
  const praise = PRAISE_RE.test(text);
  const consultOnly =
    consult && signals.every((s) => s.level !== 'high' && (s.level === 'low' || CONSULT_SOFT_KINDS.has(s.kind) || (praise && s.kind === 'vulnerable')));
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
    for (let i = kept.length - 1; i >= 0; i--) if (kept[i].level === 'medium' && ONSITE_DROP.has(kept[i].kind)) kept.splice(i, 1);
  }
  let level: RiskLevel = 'low';
  for (const s of kept) if (LEVEL_RANK[s.level] > LEVEL_RANK[level]) level = s.level;
  if (level === 'low' && !consult) {
    if (category === 'safety_hazard' && !SAFETY_MINOR_RE.test(text) && !ONSITE_RE.test(text) && (OUTSTANDING_RE.test(text) || (!ctx.settledSeen && !calmed(ctx))) && !HAZARD_CLEARED_RE.test(text)) {
      kept.push({ kind: 'baseline', level: 'medium', reason: '安全隐患类事项,需限期排查整改', at: 0 });
      level = 'medium';
    } else if (category === 'campus' && /(学生|孩子|小孩|儿子|女儿|同学)/.test(text) && CAMPUS_HARM_RE.test(text) && !ctx.settledSeen) {
      kept.push({ kind: 'baseline', level: 'medium', reason: '涉及在校学生(未成年人)安全', at: 0 });
      level = 'medium';
    }
  }
  return { consult, consultOnly, kept, riskLevel: level };
}

/** Why the flags force the level: one reason per flag, a hazard and the people it threatens as one. */
export function flagReasons(forced: FlagsPart['forced']): string[] {
  const out: string[] = [];
  const hz = forced.find((f) => f.code === 'hazard_active');
  const vp = forced.find((f) => f.code === 'vulnerable_person');
  for (const f of forced) {
    if (f.code === 'hazard_active' || f.code === 'vulnerable_person' || f.code === 'group') continue;
    const r = `${TRIAGE_FLAG_LABELS[f.code]}("${f.evidence}")`;
    if (!out.includes(r)) out.push(r);
  }
  const crowd = forced.find((f) => f.code === 'group');
  if (hz && vp) out.push(`${TRIAGE_FLAG_LABELS.hazard_active}("${hz.evidence}")且${TRIAGE_FLAG_LABELS.vulnerable_person}("${vp.evidence}"),危及人身安全`);
  else if (hz && crowd) out.push(`${TRIAGE_FLAG_LABELS.hazard_active}("${hz.evidence}")且现场人员众多("${crowd.evidence}"),危及人身安全`);
  return out;
}

export function departmentOf(ctx: Pick<In, 'text' | 'category'>, kept: Signal[]): { department: Department; departmentNote: string } {
  const { category, text } = ctx;
  if (category === 'family') {
    const violent = kept.some((s) => s.kind === 'violence' || s.kind === 'injury' || s.kind === 'weapon' || (s.kind === 'threat' && s.level === 'high'));
    const dv = kept.some((s) => s.kind === 'violence' && /家暴|家庭暴力/.test(s.reason));
    if (dv || (violent && (SPOUSE_RE.test(text) || CHILD_ABUSE_RE.test(text)))) return { department: 'women_federation', departmentNote: '涉及家庭暴力,转妇联协同处置' };
  }
  return { department: DEFAULT_DEPARTMENT[category], departmentNote: '' };
}

export function confidenceOf(ctx: Pick<In, 'category' | 'bestScore' | 'second' | 'probs' | 'best' | 'byModel'>, kept: Signal[], level: RiskLevel): number {
  const { category, bestScore, second, probs, best, byModel } = ctx;
  const margin = bestScore > 0 ? Math.max(0, (bestScore - second) / bestScore) : 0;
  let catConf = category === 'other' ? 0.3 : Math.min(1, 0.35 + 0.45 * margin + Math.min(0.2, bestScore / 40));
  if (probs && category !== 'other') catConf = byModel ? Math.min(0.8, probs[best]) : Math.max(catConf, Math.min(1, 0.5 * catConf + 0.5 * probs[best]));
  const strong = kept.filter((s) => s.level === level).length;
  const riskConf = level === 'low' ? (kept.length === 0 ? 0.8 : 0.6) : Math.min(0.95, 0.6 + 0.12 * strong);
  if (!Number.isFinite(catConf)) catConf = 0.3;
  return Math.round(Math.max(0, Math.min(1, 0.6 * catConf + 0.4 * riskConf)) * 100) / 100;
}

export function decidePhase(ctx: In): DecidePart {
  const base = ruleLevel(ctx);
  const kept = base.kept;
  let level = base.riskLevel;
  // flags: self_harm, violence_threat, and an active hazard near a vulnerable person are always high
  const forcedReasons = ctx.forced.length ? flagReasons(ctx.forced) : [];
  if (ctx.forced.length) level = 'high';

  // learned second opinion: may raise the level; never lowers a high one
  let modelNote = '';
  const risk = ctx.models.risk;
  const opinion = risk && level !== 'high' && !base.consultOnly ? ctx.riskProbs() : null;
  if (risk && opinion) {
    const [pLow, pMedium, pHigh] = opinion;
    let to: RiskLevel | null = null;
    let conf = 0;
    const quiet = calmed(ctx);
    if (pHigh >= risk.highAt && !quiet) [to, conf] = ['high', pHigh];
    else if (level === 'low' && pMedium + pHigh >= risk.mediumAt && !quiet && !ctx.settledSeen) [to, conf] = ['medium', pMedium + pHigh];
    else if (level === 'medium' && pLow >= risk.lowAt && lowerable(kept)) [to, conf] = ['low', pLow];
    if (to) {
      const pc = Math.round(conf * 100);
      if (to === 'low') modelNote = `综合文本特征研判为低风险(模型置信度${pc}%),文中信号不足以定为中风险,请人工核实`;
      else {
        const clause = evidenceClause(risk, ctx.text, risk.labels.indexOf(to));
        const label = to === 'high' ? '高' : '中';
        kept.push({ kind: 'model', level: to, reason: `文本特征与${label}风险案例相近(模型置信度${pc}%)${clause ? `:"${clause}"` : ''},请人工核实`, at: 0 });
      }
      level = to;
    }
  }
  const { department, departmentNote } = departmentOf(ctx, kept);
  const confidence = confidenceOf(ctx, kept, level);
  return { ...base, kept, riskLevel: level, modelNote, flagReasons: forcedReasons, department, departmentNote, confidence };
}

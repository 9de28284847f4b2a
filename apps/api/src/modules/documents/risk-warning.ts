import { maskIdCardsIn, maskPhonesIn, RISK_LEVEL_LABELS, TIER_LABELS, TIERS, type RiskLevel, type Tier } from '@zongzhi/shared';

/** The levels a 风险预警单 is issued for; a low ticket gets none. */
export type WarnedLevel = Exclude<RiskLevel, 'low'>;

export const isWarnedLevel = (level: RiskLevel | null): level is WarnedLevel => level === 'medium' || level === 'high';

/** 稳控、化解 steps per level: generic, short, what a centre writes on the form. */
export const RISK_MEASURES: Record<WarnedLevel, readonly string[]> = {
  high: [
    '立即报告包案领导,落实领导包案,明确专人稳控,做到人员在控、情况在握。',
    '会同承办单位及属地街道、社区(网格)当面了解诉求,一案一策,依法依规化解。',
    '出现聚集、极端言行或人身危险的,立即通报公安机关到场处置,防止事态扩大和"民转刑"。',
    '化解完成前每日报告稳控情况,按时限办结并反馈。',
  ],
  medium: [
    '明确责任人,及时联系当事人,了解诉求,做好解释疏导。',
    '组织司法所、社区等开展调解,必要时会同相关部门联合化解。',
    '网格员跟踪回访,关注当事人情绪变化,防止矛盾升级。',
    '出现升级苗头的,及时上报区级综治中心。',
  ],
};

/** What the warning says about a triage override of the risk level. */
export interface RiskOverride {
  from: RiskLevel | null;
  reason: string;
}

export interface RiskWarningInput {
  level: WarnedLevel;
  /** The tier the district's rules assign to `level`. */
  tier: Tier;
  /** Level of the unit whose queue holds the ticket now (community, street, district). */
  unitLevel: string | undefined;
  /** The engine's suggestion at intake, if any. */
  engineLevel: RiskLevel | null;
  reasons: readonly string[];
  override?: RiskOverride;
}

/** The risk part of a 风险预警单, as text (escaping happens in the template). */
export interface RiskWarning {
  level: string;
  reasons: string[];
  scale: string;
  adjustment: string;
  tier: string;
  leaderInCharge: boolean;
  measures: string[];
}

export function riskWarning(i: RiskWarningInput): RiskWarning {
  const reasons = i.reasons.map(privateText);
  const measures = [...RISK_MEASURES[i.level]];
  // The queue is below the tier the level calls for (e.g. raised by hand at a community): say so.
  if (TIERS.indexOf(i.unitLevel as Tier) < TIERS.indexOf(i.tier)) measures.push(`按分级化解要求,报请${TIER_LABELS[i.tier]}综治中心牵头化解。`);
  return {
    level: RISK_LEVEL_LABELS[i.level],
    reasons: reasons.length ? reasons : ['无系统研判记录'],
    scale: scaleOf(reasons),
    adjustment: adjustmentOf(i),
    tier: `${TIER_LABELS[i.tier]}综治中心牵头${i.level === 'high' ? ',领导包案' : '化解'}`,
    leaderInCharge: i.level === 'high',
    measures,
  };
}

/** Free text as a warning may print it: phone and ID numbers masked, whitespace collapsed, cut to `max` characters. */
export function privateSummary(text: string, max = 100): string {
  const s = privateText(text).replace(/\s+/g, ' ').trim();
  return [...s].length > max ? `${[...s].slice(0, max).join('')}…` : s;
}

/** The engine's reasons that state how many people or how much money is at stake (主体规模、受损程度). */
export function scaleOf(reasons: readonly string[]): string {
  const scale = reasons.filter((r) => /^涉及(约\d|人数|多方当事人|金额)|人数约\d/.test(r));
  return scale.length ? scale.join(';') : '研判依据未列明具体人数或金额';
}

function adjustmentOf(i: RiskWarningInput): string {
  const engine = i.engineLevel ? RISK_LEVEL_LABELS[i.engineLevel] : '未研判';
  if (i.override) {
    const from = i.override.from && i.override.from !== i.engineLevel ? `由${RISK_LEVEL_LABELS[i.override.from]}` : '';
    return `系统研判为${engine},经人工研判${from}调整为${RISK_LEVEL_LABELS[i.level]}。调整理由:${privateText(i.override.reason)}`;
  }
  if (i.engineLevel && i.engineLevel !== i.level) return `系统研判为${engine},现为${RISK_LEVEL_LABELS[i.level]}`;
  return '与系统研判一致,未调整';
}

export function privateText(text: string): string {
  return maskPhonesIn(maskIdCardsIn(text));
}

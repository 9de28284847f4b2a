/**
 * The one context object the triage phases fill in, in order:
 * normalise → extract → flags → rules → models → decide → explain
 * (see pipeline.ts and docs/triage.md). Each phase reads what earlier phases
 * wrote and returns its own part.
 */
import type { Category, Channel, Department, RiskLevel, Tier, TriageFlag, TriageFlagCode } from '@zongzhi/shared';
import type { FlagModels } from './flag-model';
import type { TextView } from './context';
import type { NgramModel } from './model';
import type { AmountHit, GroupHit } from './numbers';
import type { RiskRule, SignalKind } from './risk-rules';

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

/**
 * The risk model: p(low/medium/high) from the same n-grams plus amount and
 * group-size buckets, with the thresholds chosen leave-one-author-out
 * (bench/triage/train-risk.ts).
 */
export interface RiskModel extends NgramModel<RiskLevel> {
  /** p(high) at or above which a report is raised to high */
  highAt: number;
  /** p(medium) + p(high) at or above which a low report is raised to medium */
  mediumAt: number;
  /** p(low) at or above which a medium report is lowered to low */
  lowAt: number;
}

/** The learned parts; null = rules alone. Production loads them once (index.ts); training passes its own (training.ts). */
export interface Models {
  category: NgramModel | null;
  risk: RiskModel | null;
  /** learned flag detectors (flag-model.ts), a second opinion that may only raise a flag; absent = rules alone */
  flags?: FlagModels | null;
}

/** One risk finding with the reason that quotes it. */
export interface Signal {
  rule?: RiskRule;
  kind: SignalKind | 'amount' | 'size' | 'baseline' | 'model';
  level: RiskLevel;
  reason: string;
  at: number;
}

export interface Largest {
  value: number;
  text: string;
  at: number;
}

export interface NormalisedPart {
  /** simplified, half-width, idioms masked */
  text: string;
  view: TextView;
}

export interface ExtractPart {
  amounts: AmountHit[];
  groups: GroupHit[];
  /** the largest amount and group size still open (not settled, negated, debunked, a joke or a drill) */
  maxAmount: Largest;
  maxGroup: Largest;
  /** an amount was found in a settled clause */
  amountSettled: boolean;
}

export interface FlagsPart {
  flags: TriageFlag[];
  /** the flags that make the report high whatever the rules and models say */
  forced: TriageFlag[];
  /** flags the learned detectors raised that the rules missed, with p and the reason asking for a human check */
  learned: Array<{ code: TriageFlagCode; p: number; reason: string }>;
}

export interface RulesPart {
  signals: Signal[];
  /** some signal was in a settled, debunked or unreal scope */
  settledSeen: boolean;
  /** the first negated high signal, as a reason */
  negNote: string;
  /** category rule scores and the keywords behind them, in CATEGORIES order */
  scores: Float64Array;
  evidence: string[][];
  /** categories with a keyword in the clause of a high-risk signal */
  hotCats: Uint8Array;
}

export interface ModelsPart {
  /** n-grams of the text, computed once for both models */
  feats: string[];
  /** category model probabilities in CATEGORIES order (null when the rules decided alone) */
  probs: Float64Array | null;
  category: Category;
  /** index of the category in CATEGORIES */
  best: number;
  bestScore: number;
  second: number;
  /** the model named the category */
  byModel: boolean;
  /** a self_harm report with no dispute behind it: 其他, for the centre */
  crisis: boolean;
  /** risk model p(low), p(medium), p(high), computed when first asked (decide asks only when the level may change); null without a risk model */
  riskProbs: () => [number, number, number] | null;
}

export interface DecidePart {
  consult: boolean;
  consultOnly: boolean;
  /** the signals that count for the level, after category-dependent adjustments */
  kept: Signal[];
  riskLevel: RiskLevel;
  /** a "lowered to low" note from the risk model */
  modelNote: string;
  /** why the flags forced the level (empty when they did not) */
  flagReasons: string[];
  department: Department;
  departmentNote: string;
  confidence: number;
}

export type TriageContext = { input: TriageInput; models: Models } & NormalisedPart &
  ExtractPart &
  FlagsPart &
  RulesPart &
  ModelsPart &
  DecidePart & { reasons: string[] };

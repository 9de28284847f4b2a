/**
 * The codes of DOMAIN.md. Each list is the single source of truth for its
 * union type; add to a list, never rename a value.
 */
export const ROLES = ['resident', 'grid_worker', 'dispatcher', 'handler', 'leader', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const STAFF_ROLES = ['grid_worker', 'dispatcher', 'handler', 'leader', 'admin'] as const;

export const UNIT_LEVELS = ['district', 'street', 'community', 'grid'] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];

export const CHANNELS = [
  'miniprogram',
  'grid_patrol',
  'walk_in',
  'hotline_12345',
  'police_110',
  'department',
] as const;
export type Channel = (typeof CHANNELS)[number];

export const CATEGORIES = [
  'labor',
  'neighbor',
  'family',
  'property',
  'land',
  'contract',
  'consumer',
  'medical',
  'traffic',
  'campus',
  'public_order',
  'safety_hazard',
  'environment',
  'urban',
  'demolition',
  'other',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const DEPARTMENTS = [
  'hrss',
  'justice',
  'women_federation',
  'housing',
  'natural_resources',
  'market',
  'health',
  'police',
  'education',
  'emergency',
  'ecology',
  'urban_mgmt',
  'center',
  'petition',
  'civil_affairs',
  'agriculture',
  'court',
] as const;
export type Department = (typeof DEPARTMENTS)[number];

/** DOMAIN.md: each category's default department. */
export const DEFAULT_DEPARTMENT: Record<Category, Department> = {
  labor: 'hrss',
  neighbor: 'justice',
  family: 'justice',
  property: 'housing',
  land: 'natural_resources',
  contract: 'justice',
  consumer: 'market',
  medical: 'health',
  traffic: 'police',
  campus: 'education',
  public_order: 'police',
  safety_hazard: 'emergency',
  environment: 'ecology',
  urban: 'urban_mgmt',
  demolition: 'housing',
  other: 'center',
};

export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/**
 * Life-safety and scale flags the triage raises beside the risk level, each
 * quoting the words that raised it (DOMAIN.md "Flags"). `self_harm`,
 * `violence_threat`, and `hazard_active` together with `vulnerable_person`
 * always make a ticket high; `self_harm` is answered as a crisis.
 */
export const TRIAGE_FLAGS = ['self_harm', 'violence_threat', 'vulnerable_person', 'hazard_active', 'group', 'large_amount'] as const;
export type TriageFlagCode = (typeof TRIAGE_FLAGS)[number];
export interface TriageFlag {
  code: TriageFlagCode;
  /** the words of the report that raised it, quoted */
  evidence: string;
}

export const TIERS = ['community', 'street', 'district'] as const;
export type Tier = (typeof TIERS)[number];

/** DOMAIN.md 分级化解: low → community, medium → street, high → district. */
export const TIER_BY_RISK: Record<RiskLevel, Tier> = {
  low: 'community',
  medium: 'street',
  high: 'district',
};

export const STATUSES = [
  'submitted',
  'accepted',
  'dispatched',
  'in_progress',
  'resolved',
  'closed',
  'declined',
] as const;
export type TicketStatus = (typeof STATUSES)[number];

/** States in which the matter is still being worked on. */
export const OPEN_STATUSES = ['submitted', 'accepted', 'dispatched', 'in_progress'] as const;
export const FINAL_STATUSES = ['closed', 'declined'] as const;

export const ACTIONS = [
  'accept',
  'decline',
  'dispatch',
  'sign',
  'return',
  'feedback',
  'evaluate',
  'return_visit',
  'escalate',
  'settle_on_site',
  'supervise',
  'comment',
] as const;
export type TicketAction = (typeof ACTIONS)[number];

export const OUTCOMES = ['mediated', 'handled', 'referred_to_court', 'unresolved'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const SATISFACTIONS = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;
export type Satisfaction = (typeof SATISFACTIONS)[number];

/** How a return visit (回访) was made. */
export const RETURN_VISIT_METHODS = ['phone', 'visit', 'sms'] as const;
export type ReturnVisitMethod = (typeof RETURN_VISIT_METHODS)[number];

/** Which running clock a supervision notice (督办单) is about; `manual` when a person issued it. */
export const SUPERVISION_KINDS = ['sign', 'resolve', 'manual'] as const;
export type SupervisionKind = (typeof SUPERVISION_KINDS)[number];

/** 联合调处: the lead department files feedback, assisting ones add notes. */
export const DEPARTMENT_ROLES = ['lead', 'assist'] as const;
export type DepartmentRole = (typeof DEPARTMENT_ROLES)[number];

/** 上报: the centre one level up; none above the district. */
export const NEXT_LEVEL: Record<UnitLevel, UnitLevel | null> = {
  grid: 'community',
  community: 'street',
  street: 'district',
  district: null,
};

export const COLORS = ['blue', 'yellow', 'red'] as const;
export type DeadlineColor = (typeof COLORS)[number];

export function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}

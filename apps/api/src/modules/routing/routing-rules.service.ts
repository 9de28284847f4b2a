import { Injectable } from '@nestjs/common';
import {
  CATEGORIES,
  DEFAULT_DEPARTMENT,
  DEPARTMENTS,
  isOneOf,
  RISK_LEVELS,
  TIER_BY_RISK,
  TIERS,
  type Category,
  type Department as DepartmentCode,
  type RiskLevel,
  type Tier,
} from '@zongzhi/shared';
import type { AuthUser } from '../../common/auth/auth-user';
import { Clock } from '../../common/clock';
import { NotFoundError, ValidationError } from '../../common/errors';
import { newId } from '../../common/ids';
import { ConfigChangesRepository } from '../admin/config-changes.repository';
import type { Department } from '../org/department.entity';
import { OrgService, type Placement } from '../org/org.service';
import type { PutRoutingRulesDto } from './dto';
import type { RoutingRule } from './routing-rule.entity';
import { RoutingRulesRepository } from './routing-rules.repository';

export interface EffectiveRules {
  departmentByCategory: Record<Category, DepartmentCode>;
  tierByRisk: Record<RiskLevel, Tier>;
}

/**
 * Routing as data: category → department code and risk → tier, per district,
 * DOMAIN.md by default. Read on every intake and staff view, so kept in memory
 * per district and dropped on every edit (one process owns the writes).
 */
@Injectable()
export class RoutingRulesService {
  private cache = new Map<string, RoutingRule | null>();

  constructor(
    private readonly repo: RoutingRulesRepository,
    private readonly org: OrgService,
    private readonly audit: ConfigChangesRepository,
    private readonly clock: Clock,
  ) {}

  async effective(districtId: string): Promise<EffectiveRules> {
    let stored = this.cache.get(districtId);
    if (stored === undefined) {
      stored = await this.repo.findForDistrict(districtId);
      this.cache.set(districtId, stored);
    }
    return {
      departmentByCategory: { ...DEFAULT_DEPARTMENT, ...(stored?.departmentByCategory ?? {}) },
      tierByRisk: { ...TIER_BY_RISK, ...(stored?.tierByRisk ?? {}) },
    };
  }

  /** The centre whose queue receives a new report, by the district's risk → tier rule. */
  async centreFor(placement: Placement, riskLevel: RiskLevel): Promise<string> {
    const rules = await this.effective(placement.districtId);
    return this.org.centreFor(placement, rules.tierByRisk[riskLevel]);
  }

  /** The suggested department code for a ticket: the dispatcher's override, else the rule for its category. */
  async suggestedCode(t: { districtId: string; category: Category | null; suggestedDepartment: DepartmentCode | null }): Promise<DepartmentCode | null> {
    if (t.suggestedDepartment) return t.suggestedDepartment;
    if (!t.category) return null;
    return (await this.effective(t.districtId)).departmentByCategory[t.category];
  }

  /** The department with the suggested code at the ticket's centre, or the nearest unit above that has one. */
  async suggestedDepartment(t: { districtId: string; unitId: string; category: Category | null; suggestedDepartment: DepartmentCode | null }): Promise<Department | undefined> {
    const code = await this.suggestedCode(t);
    return code ? this.org.nearestDepartment(t.unitId, code) : undefined;
  }

  async view(user: AuthUser, districtId?: string) {
    const district = await this.districtFor(user, districtId);
    const stored = await this.repo.findForDistrict(district);
    return {
      districtId: district,
      ...(await this.effective(district)),
      overrides: { departmentByCategory: stored?.departmentByCategory ?? {}, tierByRisk: stored?.tierByRisk ?? {} },
      defaults: { departmentByCategory: DEFAULT_DEPARTMENT, tierByRisk: TIER_BY_RISK },
      updatedAt: stored?.updatedAt.toISOString() ?? null,
      updatedBy: stored?.updatedBy ?? null,
    };
  }

  /** Replaces the district's overrides (absent keys return to DOMAIN.md) and records who changed what. */
  async update(user: AuthUser, dto: PutRoutingRulesDto) {
    const district = await this.districtFor(user, dto.districtId);
    const departmentByCategory = validMap(dto.departmentByCategory, 'departmentByCategory', CATEGORIES, DEPARTMENTS, '未知的类别', '未知的部门代码');
    const tierByRisk = validMap(dto.tierByRisk, 'tierByRisk', RISK_LEVELS, TIERS, '未知的风险等级', '未知的层级');
    const now = this.clock.now();
    await this.repo.transaction(async (m) => {
      const before = await this.repo.findForDistrict(district, m);
      await this.repo.save(m, { districtId: district, departmentByCategory, tierByRisk, updatedBy: user.id, updatedAt: now });
      await this.audit.record(m, {
        id: newId(),
        kind: 'routing_rules',
        scopeId: district,
        actorId: user.id,
        oldValue: before ? { departmentByCategory: before.departmentByCategory, tierByRisk: before.tierByRisk } : null,
        newValue: { departmentByCategory, tierByRisk },
        at: now,
      });
    });
    this.cache.delete(district);
    return this.view(user, district);
  }

  async history(user: AuthUser) {
    await this.districtFor(user);
    return (await this.audit.latest('routing_rules')).map((c) => ({ id: c.id, districtId: c.scopeId, actorId: c.actorId, old: c.oldValue, new: c.newValue, at: c.at.toISOString() }));
  }

  /** A district in the user's own tree; 404 for any other. */
  private async districtFor(user: AuthUser, districtId?: string): Promise<string> {
    const own = user.unitId ? await this.org.districtOf(user.unitId) : undefined;
    const id = districtId ?? own?.id;
    const unit = await this.org.unit(id);
    if (!unit || unit.level !== 'district') throw new ValidationError({ districtId: '不是区/县单位' });
    if (!user.unitId || !(await this.org.subtree(user.unitId)).has(unit.id)) throw new NotFoundError('未找到该区/县');
    return unit.id;
  }
}

function validMap<K extends string, V extends string>(
  raw: Record<string, unknown> | undefined,
  field: string,
  keys: readonly K[],
  values: readonly V[],
  badKey: string,
  badValue: string,
): Partial<Record<K, V>> {
  const out: Partial<Record<K, V>> = {};
  const errors: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw ?? {})) {
    if (!isOneOf(keys, k)) errors[`${field}.${k}`] = badKey;
    else if (!isOneOf(values, v)) errors[`${field}.${k}`] = badValue;
    else out[k] = v;
  }
  if (Object.keys(errors).length) throw new ValidationError(errors);
  return out;
}

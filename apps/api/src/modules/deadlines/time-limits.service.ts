import { Injectable } from '@nestjs/common';
import { DEFAULT_TIME_LIMITS, effectiveTimeLimit, RISK_LEVELS, type Category, type RiskLevel, type TimeLimit, type TimeLimitRule } from '@zongzhi/shared';
import type { AuthUser } from '../../common/auth/auth-user';
import { Clock } from '../../common/clock';
import { ValidationError } from '../../common/errors';
import { newId } from '../../common/ids';
import { ConfigChangesRepository } from '../admin/config-changes.repository';
import type { PutTimeLimitsDto } from './dto';
import type { TimeLimitRuleRow } from './time-limit-rule.entity';
import { TimeLimitsRepository } from './time-limits.repository';

const toRule = (r: TimeLimitRuleRow): TimeLimitRule => ({ riskLevel: r.riskLevel, category: r.category, signMinutes: r.signMinutes, resolveMinutes: r.resolveMinutes });

/** 时限 as data: DOMAIN.md defaults, overridden per risk level and per category by an admin. */
@Injectable()
export class TimeLimitsService {
  private rules?: TimeLimitRule[];

  constructor(
    private readonly repo: TimeLimitsRepository,
    private readonly audit: ConfigChangesRepository,
    private readonly clock: Clock,
  ) {}

  private async current(): Promise<TimeLimitRule[]> {
    this.rules ??= (await this.repo.all()).map(toRule);
    return this.rules;
  }

  async limitFor(riskLevel: RiskLevel, category: Category | null): Promise<TimeLimit> {
    return effectiveTimeLimit(await this.current(), riskLevel, category);
  }

  async view() {
    const rules = await this.current();
    return {
      defaults: DEFAULT_TIME_LIMITS,
      rules,
      byRiskLevel: Object.fromEntries(RISK_LEVELS.map((r) => [r, effectiveTimeLimit(rules, r, null)])),
    };
  }

  /** Replaces the rule set; the change (old, new, who, when) is recorded. */
  async replace(user: AuthUser, dto: PutTimeLimitsDto) {
    const errors: Record<string, string> = {};
    const seen = new Set<string>();
    const now = this.clock.now();
    const rows: TimeLimitRuleRow[] = dto.rules.map((r, i) => {
      const ruleKey = `${r.riskLevel}:${r.category ?? '*'}`;
      if (seen.has(ruleKey)) errors[`rules.${i}`] = '同一风险等级和类别的规则重复';
      seen.add(ruleKey);
      if (r.resolveMinutes < r.signMinutes) errors[`rules.${i}.resolveMinutes`] = '办结时限不能短于签收时限';
      return { ruleKey, riskLevel: r.riskLevel, category: r.category ?? null, signMinutes: r.signMinutes, resolveMinutes: r.resolveMinutes, updatedBy: user.id, updatedAt: now };
    });
    if (Object.keys(errors).length) throw new ValidationError(errors);
    await this.repo.transaction(async (m) => {
      const before = await this.repo.all(m);
      await this.repo.replaceAll(m, rows);
      await this.audit.record(m, { id: newId(), kind: 'time_limits', scopeId: null, actorId: user.id, oldValue: before.map(toRule), newValue: rows.map(toRule), at: now });
    });
    this.rules = undefined;
    return this.view();
  }

  async changes() {
    return (await this.audit.latest('time_limits')).map((c) => ({ id: c.id, actorId: c.actorId, old: c.oldValue, new: c.newValue, at: c.at.toISOString() }));
  }
}

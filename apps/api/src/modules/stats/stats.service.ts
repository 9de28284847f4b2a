import { Injectable } from '@nestjs/common';
import { CATEGORY_LABELS, CHANNEL_LABELS, RISK_LEVEL_LABELS, STATUS_LABELS, type Category, type Channel, type RiskLevel, type TicketStatus } from '@zongzhi/shared';
import type { AuthUser } from '../../common/auth/auth-user';
import { Clock } from '../../common/clock';
import { ForbiddenError } from '../../common/errors';
import { OrgService } from '../org/org.service';
import { TicketPolicy } from '../tickets/ticket-policy.service';
import { TicketsRepository } from '../tickets/tickets.repository';
import type { BreakdownDimension, StatsBreakdownQuery, StatsPeriodQuery, StatsScopeQuery } from './dto';
import { chinaDate, daysOf, resolvePeriod, type Period } from './period';
import { StatsRepository, type StatsScope } from './stats.repository';

/** A ratio rounded to 4 places; null when nothing was counted (no 0/0 = 0 %). */
export const rate = (part: number, whole: number): number | null => (whole > 0 ? Math.round((part / whole) * 10000) / 10000 : null);

const toDate = (v: Date | string | null) => (v === null ? null : v instanceof Date ? v : new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(v) ? v : `${v.replace(' ', 'T')}Z`));

/**
 * The centre's figures, exactly as DOMAIN.md defines them, for leaders,
 * dispatchers and admins over their own unit (and below).
 */
@Injectable()
export class StatsService {
  constructor(
    private readonly repo: StatsRepository,
    private readonly org: OrgService,
    private readonly clock: Clock,
    private readonly tickets: TicketsRepository,
    private readonly policy: TicketPolicy,
  ) {}

  /** The viewer's unit subtree, narrowed to `unitId` when asked (403 outside it). */
  private async scope(user: AuthUser, unitId?: string): Promise<StatsScope> {
    const own = user.unitId ? [...(await this.org.subtree(user.unitId))] : [];
    const scope: StatsScope = { unitIds: own, byLocation: user.role !== 'dispatcher' };
    if (unitId) {
      if (!own.includes(unitId)) throw new ForbiddenError('只能查看本单位及下级单位的统计');
      scope.filterUnitId = unitId;
      scope.filterUnitIds = [...(await this.org.subtree(unitId))];
    }
    return scope;
  }

  private period(q: StatsPeriodQuery): Period {
    return resolvePeriod(q, this.clock.now());
  }

  async summary(user: AuthUser, q: StatsPeriodQuery) {
    const scope = await this.scope(user, q.unitId);
    const period = this.period(q);
    const now = this.clock.now();
    const [accepted, resolved, evaluations, closures, byColor, byCategory, byRiskLevel, received] = await Promise.all([
      this.repo.accepted(scope, period),
      this.repo.resolved(scope, period),
      this.repo.evaluations(scope, period),
      this.repo.closures(scope, period),
      this.repo.openByColor(scope, now),
      this.repo.accepted(scope, period, 'category'),
      this.repo.accepted(scope, period, 'riskLevel'),
      this.repo.received(scope, period),
    ]);
    const r = resolved.get('all') ?? { resolved: 0, resolvedSuccessfully: 0, resolvedOnTime: 0 };
    const asRecord = (m: Map<string | null, number>) => Object.fromEntries([...m].filter(([k]) => k !== null) as [string, number][]);
    return {
      from: period.from.toISOString(),
      to: period.to.toISOString(),
      unitId: q.unitId ?? user.unitId,
      received: received.get('all') ?? 0,
      accepted: accepted.get('all') ?? 0,
      resolved: r.resolved,
      resolvedSuccessfully: r.resolvedSuccessfully,
      resolvedOnTime: r.resolvedOnTime,
      evaluations: evaluations.evaluations,
      satisfied: evaluations.satisfied,
      closed: closures.closed,
      returnVisited: closures.returnVisited,
      resolutionRate: rate(r.resolvedSuccessfully, r.resolved),
      onTimeRate: rate(r.resolvedOnTime, r.resolved),
      satisfactionRate: rate(evaluations.satisfied, evaluations.evaluations),
      returnVisitRate: rate(closures.returnVisited, closures.closed),
      /** Accepted in the period, by current category / risk level. */
      byCategory: asRecord(byCategory),
      byRiskLevel: asRecord(byRiskLevel),
      /** Open dispatched tickets now. */
      byColor,
    };
  }

  private async labelOf(by: BreakdownDimension, key: string | null): Promise<string> {
    if (key === null) return by === 'department' ? '未交办' : by === 'category' || by === 'riskLevel' ? '未分类' : '位置待核实';
    switch (by) {
      case 'category':
        return CATEGORY_LABELS[key as Category] ?? key;
      case 'riskLevel':
        return RISK_LEVEL_LABELS[key as RiskLevel] ?? key;
      case 'channel':
        return CHANNEL_LABELS[key as Channel] ?? key;
      case 'department':
        return (await this.org.department(key))?.name ?? key;
      default: {
        const u = await this.org.unit(key);
        return u ? u.name + (by === 'unit' ? '综治中心' : '') : key;
      }
    }
  }

  async breakdown(user: AuthUser, q: StatsBreakdownQuery) {
    const scope = await this.scope(user, q.unitId);
    const period = this.period(q);
    const by = q.by ?? 'category';
    const [received, accepted, resolved] = await Promise.all([
      this.repo.received(scope, period, by),
      this.repo.accepted(scope, period, by),
      this.repo.resolved(scope, period, by),
    ]);
    const keys = new Set<string | null>([...received.keys(), ...accepted.keys(), ...resolved.keys()]);
    const items = await Promise.all(
      [...keys].map(async (key) => {
        const r = resolved.get(key);
        return {
          key,
          label: await this.labelOf(by, key),
          received: received.get(key) ?? 0,
          accepted: accepted.get(key) ?? 0,
          resolved: r?.resolved ?? 0,
          resolutionRate: rate(r?.resolvedSuccessfully ?? 0, r?.resolved ?? 0),
          onTimeRate: rate(r?.resolvedOnTime ?? 0, r?.resolved ?? 0),
        };
      }),
    );
    items.sort((a, b) => b.received - a.received || b.accepted - a.accepted || a.label.localeCompare(b.label));
    return { by, from: period.from.toISOString(), to: period.to.toISOString(), items };
  }

  async trend(user: AuthUser, q: StatsPeriodQuery) {
    const scope = await this.scope(user, q.unitId);
    const period = this.period(q);
    const days = daysOf(period);
    const [received, accepted, resolved] = await Promise.all([
      this.repo.daily(scope, days, 'received'),
      this.repo.daily(scope, days, 'accepted'),
      this.repo.daily(scope, days, 'resolved'),
    ]);
    return {
      from: period.from.toISOString(),
      to: period.to.toISOString(),
      days: days.map((d, i) => ({ date: d.date, received: received[i], accepted: accepted[i], resolved: resolved[i] })),
    };
  }

  /** 红色预警: overdue open tickets, who holds them, for how long; `allowedActions` so the UI offers 督办 only where it would succeed. */
  async redList(user: AuthUser, q: StatsScopeQuery) {
    const scope = await this.scope(user, q.unitId);
    const now = this.clock.now();
    const rows = await this.repo.red(scope, now, 200);
    const items = await Promise.all(
      rows.map(async (r) => {
        const stage = r.status === 'dispatched' ? 'sign' : 'resolve';
        const deadline = toDate(stage === 'sign' ? r.sign_deadline : r.resolve_deadline)!;
        const ticket = await this.tickets.findById(r.id);
        const department = await this.org.department(r.department_id);
        const unit = await this.org.unit(r.unit_id);
        return {
          id: r.id,
          caseCode: r.case_code,
          status: r.status,
          statusLabel: STATUS_LABELS[r.status as TicketStatus] ?? r.status,
          text: r.text.length > 80 ? `${r.text.slice(0, 80)}…` : r.text,
          category: r.category,
          riskLevel: r.risk_level,
          stage,
          deadline: deadline.toISOString(),
          overdueMinutes: Math.max(0, Math.floor((now.getTime() - deadline.getTime()) / 60_000)),
          departmentId: r.department_id,
          departmentName: department?.name ?? null,
          unitId: r.unit_id,
          unitName: unit ? `${unit.name}综治中心` : null,
          supervisedCount: Number(r.supervised) || 0,
          allowedActions: ticket ? (await this.policy.allowedActions(user, ticket)).filter((a) => a === 'supervise') : [],
        };
      }),
    );
    return { now: now.toISOString(), items, total: items.length };
  }

  async map(user: AuthUser, q: StatsPeriodQuery) {
    const scope = await this.scope(user, q.unitId);
    const period = this.period(q);
    const area = scope.filterUnitIds ?? scope.unitIds;
    const [points, units] = await Promise.all([this.repo.points(scope, period, 2000), this.repo.units(area)]);
    return {
      from: period.from.toISOString(),
      to: period.to.toISOString(),
      points: points.map((p) => ({ id: p.id, caseCode: p.case_code, lat: Number(p.lat), lng: Number(p.lng), riskLevel: p.risk_level, category: p.category, status: p.status })),
      areas: units.filter((u) => u.boundary?.length).map((u) => ({ id: u.id, name: u.name, level: u.level, boundary: u.boundary })),
    };
  }

  async areas(user: AuthUser) {
    const anchor = user.unitId ?? user.gridId;
    const district = anchor ? await this.org.districtOf(anchor) : await this.org.defaultDistrict();
    const rows = district ? await this.repo.units([...(await this.org.subtree(district.id))]) : [];
    return { items: rows.filter((u) => u.boundary?.length).map((u) => ({ id: u.id, name: u.name, level: u.level, parentId: u.parent_id, boundary: u.boundary })) };
  }

  /** The units the viewer may pick on the dashboard. */
  async units(user: AuthUser) {
    const own = user.unitId ? [...(await this.org.subtree(user.unitId))] : [];
    const rows = await this.repo.units(own);
    return { items: rows.map((u) => ({ id: u.id, code: u.code, name: u.name, level: u.level, parentId: u.parent_id })) };
  }

  /** For tests and callers that want the day key of an instant. */
  static dayOf(at: Date): string {
    return chinaDate(at);
  }
}

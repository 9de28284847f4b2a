import { Injectable } from '@nestjs/common';
import { maskPersonalNumbersIn, OPEN_STATUSES, type TicketStatus } from '@zongzhi/shared';
import type { AuthUser } from '../../common/auth/auth-user';
import { Clock } from '../../common/clock';
import { ConflictError, ForbiddenError, IllegalTransitionError, ValidationError } from '../../common/errors';
import { newId } from '../../common/ids';
import { OrgService } from '../org/org.service';
import { RoutingRulesService } from '../routing/routing-rules.service';
import { HistoryFactory } from '../tickets/history.factory';
import { TicketAccessService } from '../tickets/ticket-access.service';
import { TicketPolicy } from '../tickets/ticket-policy.service';
import { TicketsRepository } from '../tickets/tickets.repository';
import { toCsv } from './csv';
import type { TriageOverrideDto } from './dto';
import type { TriageValues } from './triage-override.entity';
import { TriageOverridesRepository } from './triage-overrides.repository';

const CSV_HEADER = [
  'overridden_at',
  'case_code',
  'channel',
  'text',
  'engine_category',
  'engine_risk_level',
  'engine_department',
  'engine_confidence',
  'before_category',
  'before_risk_level',
  'before_department',
  'after_category',
  'after_risk_level',
  'after_department',
  'reason',
  'actor_id',
] as const;

/**
 * 研判纠偏: a dispatcher corrects category, risk or department with a
 * reason. The engine's suggestion (tickets.triage) is never touched; the
 * current values change, and the correction is kept for review and retraining.
 */
@Injectable()
export class TriageOverrideService {
  constructor(
    private readonly tickets: TicketsRepository,
    private readonly repo: TriageOverridesRepository,
    private readonly access: TicketAccessService,
    private readonly policy: TicketPolicy,
    private readonly routing: RoutingRulesService,
    private readonly history: HistoryFactory,
    private readonly org: OrgService,
    private readonly clock: Clock,
  ) {}

  async override(user: AuthUser, ticketId: string, dto: TriageOverrideDto) {
    const t = await this.access.assertCanView(user, await this.tickets.findById(ticketId));
    if (user.role !== 'dispatcher' || !(await this.policy.mayAct(user, t, 'dispatch'))) throw new ForbiddenError('只有受理调度员可以调整研判结果');
    if (!(OPEN_STATUSES as readonly TicketStatus[]).includes(t.status)) throw new IllegalTransitionError('已办结或不予受理的案件不能调整研判结果');
    const reason = dto.reason.trim();
    if (!reason) throw new ValidationError({ reason: '请填写调整理由' });
    if (!dto.category && !dto.riskLevel && !dto.department) throw new ValidationError({ category: '请至少调整类别、风险等级或部门中的一项' });

    const before: TriageValues = { category: t.category, riskLevel: t.riskLevel, department: await this.routing.suggestedCode(t) };
    const category = dto.category ?? t.category;
    const riskLevel = dto.riskLevel ?? t.riskLevel;
    const suggestedDepartment = dto.department ?? t.suggestedDepartment;
    const after: TriageValues = { category, riskLevel, department: await this.routing.suggestedCode({ ...t, category, suggestedDepartment }) };
    if (before.category === after.category && before.riskLevel === after.riskLevel && before.department === after.department) {
      throw new ValidationError({ category: '与当前研判结果相同,无需调整' });
    }
    const now = this.clock.now();
    const entry = await this.history.byUser(user, { ticketId: t.id, action: 'comment', from: t.status, to: t.status, note: reason, data: { override: { before, after } }, at: now });
    await this.tickets.transaction(async (m) => {
      if (!(await this.tickets.updateIfStatus(m, t.id, t.status, { category, riskLevel, suggestedDepartment }, now))) throw new ConflictError();
      await this.repo.insert(m, { id: newId(), ticketId: t.id, actorId: user.id, before, after, reason, at: now });
      await this.tickets.insertHistory(m, entry);
    });
    return { ticketId: t.id, before, after, reason, at: now.toISOString() };
  }

  async exportCsv(user: AuthUser): Promise<string> {
    const units = user.unitId ? [...(await this.org.subtree(user.unitId))] : [];
    const rows = (await this.repo.forUnits(units)).map(({ override: o, ticket: t }) => [
      o.at.toISOString(),
      t.caseCode,
      t.channel,
      // An export leaves the system: phone and ID numbers in the text go masked, however written.
      maskPersonalNumbersIn(t.text),
      t.triage?.category,
      t.triage?.riskLevel,
      t.triage?.department,
      t.triage?.confidence,
      o.before.category,
      o.before.riskLevel,
      o.before.department,
      o.after.category,
      o.after.riskLevel,
      o.after.department,
      maskPersonalNumbersIn(o.reason),
      o.actorId,
    ]);
    return toCsv(CSV_HEADER, rows);
  }
}

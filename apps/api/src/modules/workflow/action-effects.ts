import { Injectable } from '@nestjs/common';
import { deadlinesFrom, type TicketAction } from '@zongzhi/shared';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { DomainError, ValidationError } from '../../common/errors';
import { TimeLimitsService } from '../deadlines/time-limits.service';
import { SupervisionService } from '../deadlines/supervision.service';
import { OrgService } from '../org/org.service';
import type { TicketHistory } from '../tickets/ticket-history.entity';
import type { Ticket } from '../tickets/ticket.entity';
import { TicketsRepository, type TicketPatch } from '../tickets/tickets.repository';
import { UploadsService } from '../uploads/uploads.service';
import type { TicketActionDto } from './dto';

/** What an action writes besides the status: ticket fields, history data, and rows written with it. */
export interface Effect {
  patch: TicketPatch;
  data: Record<string, unknown>;
  /** Runs in the transaction after the status change and the history row. */
  within?: (m: EntityManager, entry: TicketHistory) => Promise<void>;
}

const NO_CLOCKS: TicketPatch = { departmentId: null, dispatchedAt: null, signDeadline: null, signYellowAt: null, resolveDeadline: null, resolveYellowAt: null };

/**
 * Per-action consequences, kept apart from the state machine's checks. Each
 * one validates what only it knows (a department of the right unit, a level
 * up) before anything is written.
 */
@Injectable()
export class ActionEffects {
  constructor(
    private readonly tickets: TicketsRepository,
    private readonly org: OrgService,
    private readonly limits: TimeLimitsService,
    private readonly supervision: SupervisionService,
    private readonly uploads: UploadsService,
  ) {}

  async of(action: TicketAction, t: Ticket, p: TicketActionDto, actor: AuthUser, now: Date): Promise<Effect> {
    const photos = (within?: Effect['within']): Effect['within'] => async (m, entry) => {
      await this.uploads.attach(m, actor.id, p.photoIds, { ticketId: t.id, historyId: entry.id });
      await within?.(m, entry);
    };
    const photoData = p.photoIds?.length ? { photoIds: p.photoIds } : {};
    switch (action) {
      case 'accept':
      case 'sign':
        return { patch: {}, data: {} };
      case 'decline':
        return { patch: {}, data: { guidance: p.guidance!.trim() } };
      case 'dispatch':
        return this.dispatch(t, p, now);
      case 'return':
        return { patch: NO_CLOCKS, data: { departmentId: t.departmentId }, within: (m) => this.tickets.clearDepartments(m, t.id) };
      case 'feedback':
      case 'settle_on_site':
        return { patch: {}, data: { outcome: p.outcome, ...photoData }, within: photos() };
      case 'evaluate': {
        if (p.satisfaction !== 'unsatisfied') return { patch: {}, data: { satisfaction: p.satisfaction } };
        // 重办: the department gets a full handling time again, from now; the old deadline has usually passed
        // and would turn the reopened ticket red at once (the sign clock stays: it is already signed for).
        const limit = await this.limits.limitFor(t.riskLevel ?? 'low', t.category);
        const d = deadlinesFrom(now, limit);
        return {
          patch: { reopenCountPlusOne: true, resolveDeadline: d.resolveDeadline, resolveYellowAt: d.resolveYellowAt },
          data: { satisfaction: p.satisfaction },
        };
      }
      case 'return_visit':
        return { patch: {}, data: { method: p.method } };
      case 'escalate': {
        const up = await this.org.parentOf(t.unitId);
        if (!up) throw new DomainError('TICKET.NO_LEVEL_UP', '已是区级综治中心,没有更高一级可以上报');
        return {
          patch: { ...NO_CLOCKS, unitId: up.id },
          data: { fromUnitId: t.unitId, toUnitId: up.id },
          within: (m) => this.tickets.clearDepartments(m, t.id),
        };
      }
      case 'supervise':
        return {
          patch: {},
          data: { auto: false, kind: 'manual' },
          within: (m, entry) => this.supervision.issue(m, t, 'manual', null, entry, actor.id),
        };
      case 'comment':
        return { patch: {}, data: photoData, within: photos() };
    }
  }

  /** 交办: a lead department (and assisting ones) where this centre may dispatch; both clocks start. */
  private async dispatch(t: Ticket, p: TicketActionDto, now: Date): Promise<Effect> {
    const allowed = new Set((await this.org.dispatchableDepartments(t.unitId)).map((d) => d.id));
    const lead = p.departmentId!;
    if (!allowed.has(lead)) throw new ValidationError({ departmentId: '只能交办给本级或下级单位的部门' });
    const assists = [...new Set(p.departmentIds ?? [])];
    if (assists.includes(lead)) throw new ValidationError({ departmentIds: '协办部门不能与牵头部门相同' });
    if (assists.some((id) => !allowed.has(id))) throw new ValidationError({ departmentIds: '只能请本级或下级单位的部门协办' });
    const limit = await this.limits.limitFor(t.riskLevel ?? 'low', t.category);
    const d = deadlinesFrom(now, limit);
    return {
      patch: { departmentId: lead, dispatchedAt: now, ...d },
      data: { departmentId: lead, departmentIds: assists, signDeadline: d.signDeadline.toISOString(), resolveDeadline: d.resolveDeadline.toISOString() },
      within: (m) => this.tickets.replaceDepartments(m, t.id, lead, assists, now),
    };
  }
}

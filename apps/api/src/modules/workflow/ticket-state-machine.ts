import { Injectable } from '@nestjs/common';
import { ACTION_LABELS, missingFields, STATUS_LABELS, targetStatus, transitionFor, type RequiredField, type TicketAction } from '@zongzhi/shared';
import type { AuthUser } from '../../common/auth/auth-user';
import { Clock } from '../../common/clock';
import { ConflictError, ForbiddenError, IllegalTransitionError, ValidationError } from '../../common/errors';
import { TicketEvents } from '../events/ticket-events';
import { HistoryFactory } from '../tickets/history.factory';
import { TicketAccessService } from '../tickets/ticket-access.service';
import { TicketPolicy } from '../tickets/ticket-policy.service';
import type { Ticket } from '../tickets/ticket.entity';
import { TicketsRepository } from '../tickets/tickets.repository';
import { ActionEffects } from './action-effects';
import type { TicketActionDto } from './dto';

const MISSING: Record<RequiredField, string> = {
  note: '请填写理由或说明',
  guidance: '请填写给群众的指引',
  departmentId: '请选择承办部门',
  outcome: '请选择办理结果',
  satisfaction: '请选择评价',
  method: '请选择回访方式',
};

/**
 * The one way a ticket changes. In order: may the user see it (404), may
 * they do this to it (403), does the table allow it from the current status
 * (409), is the payload complete (400), then in one transaction a
 * compare-and-set on the status (409 when someone else won) and the history
 * row. An illegal or lost action writes nothing.
 */
@Injectable()
export class TicketStateMachine {
  constructor(
    private readonly tickets: TicketsRepository,
    private readonly access: TicketAccessService,
    private readonly policy: TicketPolicy,
    private readonly effects: ActionEffects,
    private readonly history: HistoryFactory,
    private readonly clock: Clock,
    private readonly events: TicketEvents,
  ) {}

  async apply(ticketId: string, action: TicketAction, actor: AuthUser, payload: Omit<TicketActionDto, 'action'>): Promise<Ticket> {
    const t = await this.access.assertCanView(actor, await this.tickets.findById(ticketId));
    if (!(await this.policy.mayAct(actor, t, action))) throw new ForbiddenError(`无权对该案件执行「${ACTION_LABELS[action]}」`);
    if (!transitionFor(action).from.includes(t.status)) {
      throw new IllegalTransitionError(`「${STATUS_LABELS[t.status]}」的案件不能「${ACTION_LABELS[action]}」`);
    }
    const missing = missingFields(action, payload);
    if (missing.length) throw new ValidationError(Object.fromEntries(missing.map((f) => [f, MISSING[f]])));

    const to = targetStatus(action, t.status, { satisfaction: payload.satisfaction }) ?? t.status;
    const now = this.clock.now();
    const effect = await this.effects.of(action, t, { action, ...payload }, actor, now);
    const entry = await this.history.byUser(actor, { ticketId: t.id, action, from: t.status, to, note: payload.note, data: effect.data, visibility: payload.visibility, at: now });

    await this.tickets.transaction(async (m) => {
      if (!(await this.tickets.updateIfStatus(m, t.id, t.status, { ...effect.patch, status: to }, now))) throw new ConflictError();
      await this.tickets.insertHistory(m, entry);
      await effect.within?.(m, entry);
    });
    const after = (await this.tickets.findById(t.id))!;
    // After commit: listeners (notifications) cannot roll the change back, and their failures are swallowed.
    await this.events.emit({ action, from: t.status, to, ticket: after, fromUnitId: t.unitId, actorId: actor.id, note: entry.note, data: entry.data, at: now });
    return after;
  }
}

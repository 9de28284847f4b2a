import { Global, Injectable, Logger, Module } from '@nestjs/common';
import type { TicketAction, TicketStatus } from '@zongzhi/shared';
import type { Ticket } from '../tickets/ticket.entity';

/** Something that happened to a ticket, told after its transaction committed. */
export interface TicketEvent {
  action: TicketAction;
  from: TicketStatus;
  to: TicketStatus;
  /** The ticket as it is after the change. */
  ticket: Ticket;
  /** The ticket's centre before the change (differs from ticket.unitId after 上报). */
  fromUnitId: string;
  actorId: string;
  /** The history row's note (reason of a return, escalation, supervision …). */
  note: string | null;
  /** The history row's details (departmentId, satisfaction, auto …). */
  data: Record<string, unknown> | null;
  at: Date;
}

export type TicketEventListener = (e: TicketEvent) => Promise<void>;

/**
 * The post-commit hook of the ticket lifecycle. Emitters call `emit` only
 * after their transaction committed; a listener's failure is logged and
 * swallowed, so a side effect can never undo or fail the change that caused it.
 */
@Injectable()
export class TicketEvents {
  private readonly logger = new Logger('TicketEvents');
  private readonly listeners: TicketEventListener[] = [];

  on(listener: TicketEventListener) {
    this.listeners.push(listener);
  }

  async emit(e: TicketEvent): Promise<void> {
    for (const listener of this.listeners) {
      try {
        await listener(e);
      } catch (err) {
        this.logger.error(`listener failed on ${e.action} of ${e.ticket.id}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  }
}

@Global()
@Module({ providers: [TicketEvents], exports: [TicketEvents] })
export class TicketEventsModule {}

import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { SupervisionKind } from '@zongzhi/shared';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { Clock } from '../../common/clock';
import { isDuplicateKey } from '../../common/db-errors';
import { ForbiddenError, NotFoundError } from '../../common/errors';
import { newId } from '../../common/ids';
import { AppConfig } from '../../config/app-config';
import { OrgService } from '../org/org.service';
import { TicketEvents } from '../events/ticket-events';
import { HistoryFactory } from '../tickets/history.factory';
import type { TicketHistory } from '../tickets/ticket-history.entity';
import type { Ticket } from '../tickets/ticket.entity';
import { TicketsRepository } from '../tickets/tickets.repository';
import type { SupervisionNotice } from './supervision-notice.entity';
import { SupervisionRepository, type NoticeAddressees } from './supervision.repository';

const SWEEP_EVERY_MS = 60_000;
const SWEEP_BATCH = 200;

/**
 * 督办. Manual notices come from the state machine's `supervise`; automatic
 * ones from a sweep that runs every minute (not under NODE_ENV=test, where
 * tests call `sweep()` themselves) and issues one notice per crossed deadline.
 */
@Injectable()
export class SupervisionService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Supervision');
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;

  constructor(
    private readonly repo: SupervisionRepository,
    private readonly tickets: TicketsRepository,
    private readonly history: HistoryFactory,
    private readonly org: OrgService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly events: TicketEvents,
  ) {}

  onModuleInit() {
    if (this.config.NODE_ENV === 'test') return;
    this.timer = setInterval(() => {
      this.sweep().catch((e: unknown) => this.logger.error(e instanceof Error ? e.stack : String(e)));
    }, SWEEP_EVERY_MS);
    this.timer.unref();
  }

  async onModuleDestroy() {
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** Writes the notice for a history row already being written in `m`. */
  async issue(m: EntityManager, t: Ticket, kind: SupervisionKind, deadlineAt: Date | null, entry: TicketHistory, issuedBy: string | null) {
    await this.repo.insert(m, {
      id: newId(),
      ticketId: t.id,
      kind,
      deadlineAt,
      departmentId: t.departmentId,
      unitId: t.unitId,
      issuedBy,
      note: entry.note,
      historyId: entry.id,
      createdAt: entry.at,
      readAt: null,
      readBy: null,
    });
  }

  /** One pass; returns how many notices it issued. Concurrent calls share the pass in progress. */
  sweep(): Promise<number> {
    this.running ??= this.sweepOnce().finally(() => (this.running = undefined));
    return this.running;
  }

  private async sweepOnce(): Promise<number> {
    const now = this.clock.now();
    let issued = 0;
    for (const t of await this.repo.findCrossedWithoutNotice(now, SWEEP_BATCH)) {
      const kind: SupervisionKind = t.status === 'dispatched' ? 'sign' : 'resolve';
      const deadline = kind === 'sign' ? t.signDeadline! : t.resolveDeadline!;
      const entry = this.history.bySystem({
        ticketId: t.id,
        action: 'supervise',
        from: t.status,
        to: t.status,
        note: kind === 'sign' ? '超过签收时限未签收,自动督办' : '超过办结时限未办结,自动督办',
        data: { auto: true, kind, deadline: deadline.toISOString() },
        at: now,
      });
      try {
        const done = await this.tickets.transaction(async (m) => {
          // Only while the ticket still sits in the state whose clock ran out.
          if (!(await this.tickets.updateIfStatus(m, t.id, t.status, {}, now))) return false;
          await this.issue(m, t, kind, deadline, entry, null);
          await this.tickets.insertHistory(m, entry);
          return true;
        });
        if (done) {
          issued++;
          // After commit: 督办 reaches the department, and the ticket turning red reaches its centre.
          await this.events.emit({ action: 'supervise', from: t.status, to: t.status, ticket: t, fromUnitId: t.unitId, actorId: entry.actorId, note: entry.note, data: entry.data, at: now });
        }
      } catch (e) {
        // Another sweep issued this crossing's notice first: the unique key kept it to one.
        if (!isDuplicateKey(e)) throw e;
      }
    }
    return issued;
  }

  /** Handlers see their department's notices; centre staff those of their centre and the centres below it. */
  private async addresseesOf(user: AuthUser): Promise<NoticeAddressees> {
    if (user.role === 'handler') return { departmentId: user.departmentId ?? undefined };
    if (user.unitId && CENTRE_ROLES.includes(user.role)) return { unitIds: [...(await this.org.subtree(user.unitId))] };
    return {};
  }

  async listFor(user: AuthUser, opts: { unread?: boolean } = {}) {
    const to = await this.addresseesOf(user);
    const [items, unread] = await Promise.all([this.repo.addressedTo(to, { unreadOnly: opts.unread === true }), this.repo.countUnreadAddressedTo(to)]);
    return { items: items.map(toNoticeResponse), unread };
  }

  /**
   * The addressee (a handler of the notice's department) marks it read; the
   * first read is kept. Centre staff who can see it may not mark it (403);
   * anyone who cannot see it gets 404, so ids do not leak.
   */
  async markRead(user: AuthUser, id: string) {
    const n = await this.repo.findById(id);
    if (!n) throw new NotFoundError('未找到该督办单');
    if (user.role !== 'handler' || !user.departmentId || n.departmentId !== user.departmentId) {
      if ((await this.addresseesOf(user)).unitIds?.includes(n.unitId)) throw new ForbiddenError('只有承办部门可以标记督办单已读');
      throw new NotFoundError('未找到该督办单');
    }
    if (!n.readAt) await this.repo.markReadIfUnread(id, user.id, this.clock.now());
    return toNoticeResponse((await this.repo.findById(id))!);
  }
}

const CENTRE_ROLES: readonly string[] = ['dispatcher', 'leader', 'admin'];

function toNoticeResponse(n: SupervisionNotice) {
  return {
    id: n.id,
    ticketId: n.ticketId,
    kind: n.kind,
    deadlineAt: n.deadlineAt?.toISOString() ?? null,
    departmentId: n.departmentId,
    unitId: n.unitId,
    note: n.note,
    createdAt: n.createdAt.toISOString(),
    readAt: n.readAt?.toISOString() ?? null,
    readBy: n.readBy,
  };
}

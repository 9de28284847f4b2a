import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { DataSource, IsNull, LessThanOrEqual } from 'typeorm';
import { Clock } from '../../common/clock';
import { AppConfig } from '../../config/app-config';
import { Ticket } from '../tickets/ticket.entity';
import { CrisisAlerts } from './crisis-alerts';

const WATCH_EVERY_MS = 60_000;
const BATCH = 100;

/**
 * The crisis clock: a crisis ticket still waiting to be accepted when its hour
 * is up is chased once, with a message to the centre's dispatchers and leaders
 * and an SMS to those on duty (and to leaders with a phone). Runs every minute
 * (not under NODE_ENV=test, where tests call `sweep()`).
 */
@Injectable()
export class CrisisWatch implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('CrisisWatch');
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;

  constructor(
    private readonly db: DataSource,
    private readonly alerts: CrisisAlerts,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  onModuleInit() {
    if (this.config.NODE_ENV === 'test') return;
    this.timer = setInterval(() => {
      this.sweep().catch((e: unknown) => this.logger.error(e instanceof Error ? e.stack : String(e)));
    }, WATCH_EVERY_MS);
    this.timer.unref();
  }

  async onModuleDestroy() {
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** One pass; returns how many tickets it chased. Concurrent calls share the pass in progress. */
  sweep(): Promise<number> {
    this.running ??= this.sweepOnce().finally(() => (this.running = undefined));
    return this.running;
  }

  private async sweepOnce(): Promise<number> {
    const now = this.clock.now();
    const due = await this.db.getRepository(Ticket).find({
      where: { urgent: true, status: 'submitted', acceptChasedAt: IsNull(), acceptDeadline: LessThanOrEqual(now) },
      order: { acceptDeadline: 'ASC' },
      take: BATCH,
    });
    let chased = 0;
    for (const t of due) {
      const done = await this.db.transaction(async (m) => {
        // Exactly once, and only while it still waits: another instance or an accept may get there first.
        const r = await m
          .createQueryBuilder()
          .update(Ticket)
          .set({ acceptChasedAt: now })
          .where("id = :id AND status = 'submitted' AND accept_chased_at IS NULL", { id: t.id })
          .execute();
        if ((r.affected ?? 0) !== 1) return false;
        await this.alerts.write(m, t, 'crisis_unaccepted', now);
        return true;
      });
      if (done) chased++;
    }
    return chased;
  }
}

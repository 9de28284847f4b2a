import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { chinaDay } from '@zongzhi/shared';
import { Clock } from '../../common/clock';
import { AppConfig } from '../../config/app-config';
import { PatrolsRepository } from './patrols.repository';

/**
 * Closes patrols still open after the midnight (UTC+8) following their start
 * as 未正常结束 (`abandoned`), ended at the last thing recorded on them.
 * Runs on a timer (not under NODE_ENV=test, where tests call `sweep()`).
 */
@Injectable()
export class PatrolsSweeper implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Patrols');
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly repo: PatrolsRepository,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  onModuleInit() {
    if (this.config.NODE_ENV === 'test' || !this.config.PATROL_SWEEP_INTERVAL_SECONDS) return;
    this.timer = setInterval(() => {
      this.sweep().catch((e: unknown) => this.logger.error(e instanceof Error ? e.message : String(e)));
    }, this.config.PATROL_SWEEP_INTERVAL_SECONDS * 1000);
    this.timer.unref();
  }

  onModuleDestroy() {
    if (this.timer) clearInterval(this.timer);
  }

  async sweep(): Promise<number> {
    const today = chinaDay(this.clock.now());
    let closed = 0;
    for (const p of await this.repo.openBefore(today, 500)) {
      const [entries, found] = await Promise.all([this.repo.entriesOf([p.id]), this.repo.ticketsOf([p.id])]);
      const last = Math.max(p.startedAt.getTime(), ...entries.map((e) => e.at.getTime()), ...found.map((f) => f.ticket.createdAt.getTime()));
      if (await this.repo.closeIfOpen(p.id, 'abandoned', new Date(last), null)) closed++;
    }
    return closed;
  }
}

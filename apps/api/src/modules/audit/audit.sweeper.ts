import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { RateLimiter } from '../auth/rate-limiter';
import { AuditService } from './audit.service';

/**
 * Deletes audit rows older than AUDIT_RETENTION_DAYS on a timer (idempotent,
 * safe in every instance), and with them spent rate-limit counters.
 */
@Injectable()
export class AuditSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private readonly logger = new Logger('Audit');

  constructor(
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly limiter: RateLimiter,
  ) {}

  /** The number of audit rows deleted. */
  async sweep(): Promise<number> {
    await this.limiter.sweep();
    return this.audit.sweep(this.config.AUDIT_RETENTION_DAYS);
  }

  onApplicationBootstrap() {
    const seconds = this.config.AUDIT_SWEEP_INTERVAL_SECONDS;
    if (!seconds) return;
    const run = () => this.sweep().catch((e: unknown) => this.logger.warn(`audit sweep failed: ${e instanceof Error ? e.message : String(e)}`));
    this.timer = setInterval(run, seconds * 1000);
    this.timer.unref();
  }

  onApplicationShutdown() {
    if (this.timer) clearInterval(this.timer);
  }
}

import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock';
import { AppConfig } from '../../config/app-config';
import { AuthSession } from '../auth/auth-session.entity';
import { RateLimiter } from '../auth/rate-limiter';
import { RefreshToken } from '../auth/refresh-token.entity';
import { AuditService } from './audit.service';

/**
 * Deletes audit rows older than AUDIT_RETENTION_DAYS on a timer (idempotent,
 * safe in every instance), and with them spent rate-limit counters and
 * login sessions and refresh tokens that expired more than a day ago.
 */
@Injectable()
export class AuditSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private readonly logger = new Logger('Audit');

  constructor(
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly limiter: RateLimiter,
    private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  /** The number of audit rows deleted. */
  async sweep(): Promise<number> {
    await this.limiter.sweep();
    // Every login adds a session and every refresh a token row: forget those that can never be used again.
    const dayAgo = new Date(this.clock.now().getTime() - 86_400_000);
    // Query builder, not raw SQL: it writes the date the way each engine stores it (SQLite keeps text).
    await this.db.createQueryBuilder().delete().from(RefreshToken).where('expires_at < :dayAgo', { dayAgo }).execute();
    await this.db.createQueryBuilder().delete().from(AuthSession).where('expires_at < :dayAgo', { dayAgo }).andWhere('id NOT IN (SELECT session_id FROM refresh_tokens)').execute();
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

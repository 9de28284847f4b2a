import { Global, Injectable, Module } from '@nestjs/common';
import { InjectRepository, TypeOrmModule } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Clock } from '../../common/clock';
import { RateLimitedError } from '../../common/errors';
import { RateLimit } from './rate-limit.entity';

/**
 * How one bucket counts failures: within `windowSeconds` of the first,
 * the first `freeFailures` cost nothing; each one after makes the next try
 * wait 1 s, 2 s, 4 s … (at most `maxDelaySeconds`); at `lockAfter` the
 * bucket is locked for `lockSeconds`.
 */
export interface LimitPolicy {
  windowSeconds: number;
  freeFailures: number;
  lockAfter: number;
  lockSeconds: number;
  maxDelaySeconds?: number;
}

export interface FailureOutcome {
  failures: number;
  /** True only for the failure that crossed `lockAfter` (record the lock once). */
  lockedNow: boolean;
  blockedUntil: Date | null;
}

/**
 * Failure counters in the database (`rate_limits`), so a restart or a second
 * API process does not reset them. Works on MariaDB and the embedded DB: one
 * conditional UPDATE, an INSERT for a new bucket.
 */
@Injectable()
export class RateLimiter {
  constructor(
    @InjectRepository(RateLimit) private readonly repo: Repository<RateLimit>,
    private readonly clock: Clock,
  ) {}

  /** Throws 429 (with Retry-After) while the bucket waits out a delay or a lock. */
  async assertAllowed(bucket: string, message: string): Promise<void> {
    const row = await this.repo.findOneBy({ bucket });
    const now = this.clock.now().getTime();
    if (row?.blockedUntil && row.blockedUntil.getTime() > now) {
      throw new RateLimitedError(message, Math.ceil((row.blockedUntil.getTime() - now) / 1000));
    }
  }

  async recordFailure(bucket: string, policy: LimitPolicy, retried = false): Promise<FailureOutcome> {
    const now = this.clock.now();
    const windowStartedBefore = new Date(now.getTime() - policy.windowSeconds * 1000);
    // MariaDB applies SET assignments left to right: `failures` is computed from the old window_start before it moves.
    const updated = await this.repo
      .createQueryBuilder()
      .update(RateLimit)
      .set({
        failures: () => 'CASE WHEN window_start < :before THEN 1 ELSE failures + 1 END',
        windowStart: () => 'CASE WHEN window_start < :before THEN :now ELSE window_start END',
      })
      .where('bucket = :bucket')
      .setParameters({ before: windowStartedBefore, now, bucket })
      .execute();
    if (!updated.affected) {
      try {
        await this.repo.insert({ bucket, failures: 1, windowStart: now, blockedUntil: null });
      } catch (e) {
        if (retried) throw e;
        return this.recordFailure(bucket, policy, true); // a parallel failure inserted it first
      }
    }
    const row = (await this.repo.findOneBy({ bucket }))!;
    let blockedUntil: Date | null = null;
    if (row.failures >= policy.lockAfter) {
      blockedUntil = new Date(now.getTime() + policy.lockSeconds * 1000);
    } else if (row.failures >= policy.freeFailures) {
      const delay = Math.min(2 ** (row.failures - policy.freeFailures), policy.maxDelaySeconds ?? 60);
      blockedUntil = new Date(now.getTime() + delay * 1000);
    }
    if (blockedUntil) await this.repo.update({ bucket }, { blockedUntil });
    return { failures: row.failures, lockedNow: row.failures === policy.lockAfter, blockedUntil };
  }

  /**
   * Counts a try BEFORE it is made, and refuses it (429) when it is one past
   * `lockAfter`. The count is one conditional UPDATE, so a burst of parallel
   * tries cannot all pass a check before any failure is written: at most
   * `lockAfter` tries get through per window, across requests and processes.
   * A try that succeeds gives its count back with `refund`.
   */
  async take(bucket: string, policy: LimitPolicy, message: string): Promise<FailureOutcome> {
    const o = await this.recordFailure(bucket, policy);
    if (o.failures > policy.lockAfter) {
      const wait = o.blockedUntil ? Math.ceil((o.blockedUntil.getTime() - this.clock.now().getTime()) / 1000) : policy.lockSeconds;
      throw new RateLimitedError(message, Math.max(1, wait));
    }
    return o;
  }

  /** Gives back a try counted by `take` that succeeded; lifts a delay it set when the count falls below the free tries. */
  async refund(bucket: string, policy: LimitPolicy): Promise<void> {
    await this.repo
      .createQueryBuilder()
      .update(RateLimit)
      .set({ failures: () => 'CASE WHEN failures > 0 THEN failures - 1 ELSE 0 END' })
      .where('bucket = :bucket', { bucket })
      .execute();
    const row = await this.repo.findOneBy({ bucket });
    if (row && row.failures < policy.freeFailures && row.blockedUntil) await this.repo.update({ bucket }, { blockedUntil: null });
  }

  /** Counts an attempt of any outcome (a plain rate, e.g. lookups per IP per hour). */
  recordAttempt(bucket: string, max: number, windowSeconds: number): Promise<FailureOutcome> {
    return this.recordFailure(bucket, { windowSeconds, freeFailures: max, lockAfter: max, lockSeconds: windowSeconds });
  }

  /** Forgets buckets whose window began more than a day ago and that block nothing any more (the table stays small). */
  async sweep(): Promise<number> {
    const now = this.clock.now();
    const r = await this.repo
      .createQueryBuilder()
      .delete()
      .from(RateLimit)
      .where('window_start < :dayAgo', { dayAgo: new Date(now.getTime() - 86_400_000) })
      .andWhere('(blocked_until IS NULL OR blocked_until < :now)', { now })
      .execute();
    return r.affected ?? 0;
  }

  async reset(bucket: string): Promise<void> {
    await this.repo.delete({ bucket });
  }
}

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([RateLimit])],
  providers: [RateLimiter],
  exports: [RateLimiter],
})
export class RateLimitModule {}

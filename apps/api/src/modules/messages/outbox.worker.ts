import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { AppConfig } from '../../config/app-config';
import { SMS_PROVIDER, type SmsProvider } from '../auth/sms.provider';
import type { OutboxItem, SmsPayload, WechatPayload } from './outbox.entity';
import { OutboxRepository } from './outbox.repository';
import { SendFailure, WechatSubscribeClient } from './wechat-subscribe.client';

/** Waits after the 1st, 2nd … failed attempt; after the last one the item is failed for good. */
export const BACKOFF_MS = [60_000, 5 * 60_000, 15 * 60_000, 60 * 60_000, 3 * 60 * 60_000];
export const MAX_ATTEMPTS = BACKOFF_MS.length + 1;
const LEASE_MS = 2 * 60_000;
const BATCH = 50;

/**
 * Sends the outbox: polls every NOTIFY_INTERVAL_SECONDS (not under
 * NODE_ENV=test, where tests call `drain()`), leases each due item, sends it,
 * and on failure schedules the next attempt with backoff. Logs ids and
 * errcodes only, never a number or an openid.
 */
@Injectable()
export class OutboxWorker implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Outbox');
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;

  constructor(
    private readonly repo: OutboxRepository,
    private readonly wechat: WechatSubscribeClient,
    @Inject(SMS_PROVIDER) private readonly sms: SmsProvider,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  onModuleInit() {
    if (this.config.NODE_ENV === 'test' || !this.config.NOTIFY_INTERVAL_SECONDS) return;
    this.timer = setInterval(() => {
      this.drain().catch((e: unknown) => this.logger.error(e instanceof Error ? e.message : String(e)));
    }, this.config.NOTIFY_INTERVAL_SECONDS * 1000);
    this.timer.unref();
  }

  async onModuleDestroy() {
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** One pass over the due items; returns how many were sent. Concurrent calls share the pass. */
  drain(): Promise<number> {
    this.running ??= this.drainOnce().finally(() => (this.running = undefined));
    return this.running;
  }

  private async drainOnce(): Promise<number> {
    const now = this.clock.now();
    let sent = 0;
    for (const item of await this.repo.findDue(now, BATCH)) {
      if (!(await this.repo.claim(item, now, new Date(now.getTime() + LEASE_MS)))) continue;
      const attempts = item.attempts + 1;
      try {
        await this.deliver(item);
        await this.repo.markSent(item.id, attempts, this.clock.now());
        sent++;
      } catch (e) {
        const failure = e instanceof SendFailure ? e : new SendFailure(e instanceof Error ? e.message : 'send failed');
        if (failure.permanent || attempts >= MAX_ATTEMPTS) {
          await this.repo.markFailed(item.id, attempts, failure.message);
          this.logger.warn(`outbox ${item.id} (${item.channel}) failed for good after ${attempts} attempt(s): ${failure.message}`);
        } else {
          await this.repo.markRetry(item.id, attempts, new Date(now.getTime() + BACKOFF_MS[attempts - 1]), failure.message);
        }
      }
    }
    return sent;
  }

  private async deliver(item: OutboxItem) {
    if (item.channel === 'wechat') return this.wechat.send(item.payload as WechatPayload);
    const { phone, text } = item.payload as SmsPayload;
    try {
      await this.sms.send(phone, text);
    } catch (e) {
      // Provider errors may echo the request; keep only that it failed.
      throw new SendFailure(`sms: ${e instanceof Error ? e.message.replace(/\d{7,}/g, '[n]') : 'failed'}`);
    }
  }
}

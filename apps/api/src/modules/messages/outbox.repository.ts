import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, LessThanOrEqual, Repository } from 'typeorm';
import { OutboxItem } from './outbox.entity';

@Injectable()
export class OutboxRepository {
  constructor(@InjectRepository(OutboxItem) private readonly items: Repository<OutboxItem>) {}

  async insertMany(m: EntityManager, rows: OutboxItem[]) {
    if (rows.length) await m.createQueryBuilder().insert().into(OutboxItem).values(rows as never).updateEntity(false).execute();
  }

  findDue(now: Date, limit: number) {
    return this.items.find({ where: { status: 'pending', nextAttemptAt: LessThanOrEqual(now) }, order: { nextAttemptAt: 'ASC', id: 'ASC' }, take: limit });
  }

  /** Leases a due item to this worker until `leaseUntil`; false when another worker took it first. */
  async claim(item: OutboxItem, now: Date, leaseUntil: Date): Promise<boolean> {
    const r = await this.items
      .createQueryBuilder()
      .update(OutboxItem)
      .set({ nextAttemptAt: leaseUntil })
      .where('id = :id AND status = :pending AND attempts = :attempts AND next_attempt_at <= :now', { id: item.id, pending: 'pending', attempts: item.attempts, now })
      .execute();
    return (r.affected ?? 0) === 1;
  }

  async markSent(id: string, attempts: number, at: Date) {
    await this.items.update({ id }, { status: 'sent', attempts, sentAt: at, lastError: null });
  }

  async markRetry(id: string, attempts: number, next: Date, error: string) {
    await this.items.update({ id }, { attempts, nextAttemptAt: next, lastError: error.slice(0, 200) });
  }

  async markFailed(id: string, attempts: number, error: string) {
    await this.items.update({ id }, { status: 'failed', attempts, lastError: error.slice(0, 200) });
  }

  forMessage(messageId: string) {
    return this.items.findBy({ messageId });
  }
}

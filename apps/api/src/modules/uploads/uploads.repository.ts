import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, IsNull, LessThan, MoreThan, Repository } from 'typeorm';
import { Upload } from './upload.entity';

/** What a photo is attached to: a ticket (optionally one of its history rows), or a patrol log entry. */
export type AttachTarget = { ticketId: string; historyId?: string | null } | { patrolEntryId: string };

/** An upload that belongs to nothing yet: the only kind its owner may attach and the sweep may remove. */
const UNATTACHED = { ticketId: IsNull(), patrolEntryId: IsNull() };

@Injectable()
export class UploadsRepository {
  constructor(@InjectRepository(Upload) private readonly uploads: Repository<Upload>) {}

  countByOwnerSince(ownerId: string, since: Date): Promise<number> {
    return this.uploads.countBy({ ownerId, createdAt: MoreThan(since) });
  }

  async insert(upload: Upload): Promise<void> {
    await this.uploads.createQueryBuilder().insert().into(Upload).values(upload).updateEntity(false).execute();
  }

  async deleteById(id: string): Promise<void> {
    await this.uploads.delete({ id });
  }

  /**
   * Claims the owner's unattached uploads for a ticket or a patrol entry in
   * the given order and returns how many it claimed. The condition that both
   * targets are still null makes a second claim of the same photo (or a
   * concurrent one, for either kind of target) claim nothing.
   */
  async attachOwned(m: EntityManager, ownerId: string, ids: readonly string[], target: AttachTarget, at: Date): Promise<number> {
    const order: Record<string, string> = {};
    const cases = ids.map((id, i) => {
      order[`p${i}`] = id;
      return `WHEN :p${i} THEN ${i}`;
    });
    const owner =
      'patrolEntryId' in target
        ? { ticketId: null, historyId: null, patrolEntryId: target.patrolEntryId }
        : { ticketId: target.ticketId, historyId: target.historyId ?? null, patrolEntryId: null };
    await m
      .createQueryBuilder()
      .update(Upload)
      .set({ ...owner, attachedAt: at, sortOrder: () => `CASE id ${cases.join(' ')} ELSE 0 END` })
      .where({ id: In([...ids]), ownerId, ...UNATTACHED })
      .setParameters(order)
      .execute();
    // Counted rather than read from `affected`, which not every driver reports.
    const claimedBy = 'patrolEntryId' in target ? { patrolEntryId: target.patrolEntryId } : { ticketId: target.ticketId };
    return m.getRepository(Upload).countBy({ id: In([...ids]), ...claimedBy, attachedAt: at });
  }

  /** Every photo of these tickets, in one query, in upload order within each report or history row. */
  findByTickets(ticketIds: readonly string[]): Promise<Pick<Upload, 'id' | 'ticketId' | 'historyId'>[]> {
    return this.uploads.find({
      select: { id: true, ticketId: true, historyId: true },
      where: { ticketId: In([...ticketIds]) },
      order: { sortOrder: 'ASC', createdAt: 'ASC', id: 'ASC' },
    });
  }

  /** Every photo of these patrol log entries, in one query, in upload order within each entry. */
  findByPatrolEntries(entryIds: readonly string[]): Promise<Pick<Upload, 'id' | 'patrolEntryId'>[]> {
    return this.uploads.find({
      select: { id: true, patrolEntryId: true },
      where: { patrolEntryId: In([...entryIds]) },
      order: { sortOrder: 'ASC', createdAt: 'ASC', id: 'ASC' },
    });
  }

  findUnattachedCreatedBefore(before: Date, limit: number): Promise<Pick<Upload, 'id'>[]> {
    return this.uploads.find({ select: { id: true }, where: { ...UNATTACHED, createdAt: LessThan(before) }, take: limit, order: { createdAt: 'ASC' } });
  }

  /** Deletes those of `ids` still unattached and returns the ones it deleted. */
  async deleteUnattached(ids: readonly string[]): Promise<string[]> {
    if (!ids.length) return [];
    await this.uploads.delete({ id: In([...ids]), ...UNATTACHED });
    const left = new Set((await this.uploads.find({ select: { id: true }, where: { id: In([...ids]) } })).map((u) => u.id));
    return ids.filter((id) => !left.has(id));
  }
}

import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AuditEntry } from './audit-entry.entity';

export interface AuditFilter {
  action?: string;
  actorId?: string;
  ip?: string;
  targetId?: string;
  from?: Date;
  to?: Date;
  page: number;
  pageSize: number;
}

/**
 * The only code that touches `audit_log`: it appends, reads, and deletes by
 * age for the retention sweep. There is deliberately no update and no delete
 * of a chosen row (audit-log.spec.ts keeps it so).
 */
@Injectable()
export class AuditRepository {
  constructor(@InjectRepository(AuditEntry) private readonly repo: Repository<AuditEntry>) {}

  async append(entry: AuditEntry): Promise<void> {
    await this.repo.createQueryBuilder().insert().into(AuditEntry).values(entry as never).updateEntity(false).execute();
  }

  async list(f: AuditFilter): Promise<{ items: AuditEntry[]; total: number }> {
    const qb = this.repo.createQueryBuilder('a');
    if (f.action) qb.andWhere('a.action = :action', { action: f.action });
    if (f.actorId) qb.andWhere('a.actorId = :actorId', { actorId: f.actorId });
    if (f.ip) qb.andWhere('a.ip = :ip', { ip: f.ip });
    if (f.targetId) qb.andWhere('a.targetId = :targetId', { targetId: f.targetId });
    if (f.from) qb.andWhere('a.at >= :from', { from: f.from });
    if (f.to) qb.andWhere('a.at < :to', { to: f.to });
    qb.orderBy('a.at', 'DESC').addOrderBy('a.id', 'DESC').skip((f.page - 1) * f.pageSize).take(f.pageSize);
    const [items, total] = await qb.getManyAndCount();
    return { items, total };
  }

  /** Retention: rows older than `before` go; nothing else can be deleted. */
  async sweepOlderThan(before: Date): Promise<number> {
    const r = await this.repo.createQueryBuilder().delete().from(AuditEntry).where('at < :before', { before }).execute();
    return r.affected ?? 0;
  }
}

import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager, Repository, SelectQueryBuilder } from 'typeorm';
import type { Category, RiskLevel, TicketStatus } from '@zongzhi/shared';
import { TicketHistory } from './ticket-history.entity';
import { Ticket } from './ticket.entity';

/** What a viewer may see, as a set-based condition. */
export type TicketScope =
  | { kind: 'reporter'; userId: string }
  | { kind: 'units'; unitIds: string[]; byLocation: boolean }
  | { kind: 'department'; departmentId: string }
  | { kind: 'grid'; gridId: string; userId: string };

export interface TicketFilters {
  status?: TicketStatus;
  riskLevel?: RiskLevel;
  category?: Category;
  page: number;
  pageSize: number;
}

@Injectable()
export class TicketsRepository {
  constructor(
    @InjectRepository(Ticket) private readonly tickets: Repository<Ticket>,
    @InjectRepository(TicketHistory) private readonly history: Repository<TicketHistory>,
    private readonly db: DataSource,
  ) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  findById(id: string) {
    return this.tickets.findOneBy({ id });
  }

  findByCaseCode(caseCode: string) {
    return this.tickets.findOneBy({ caseCode });
  }

  findByReporterAndKey(reporterId: string, idempotencyKey: string) {
    return this.tickets.findOneBy({ reporterId, idempotencyKey });
  }

  historyOf(ticketId: string) {
    return this.history.find({ where: { ticketId }, order: { at: 'ASC', id: 'ASC' } });
  }

  /** One round trip each: no re-select of generated columns (ids come from the app). */
  async insertWithHistory(m: EntityManager, ticket: Ticket, entry: TicketHistory) {
    await m.createQueryBuilder().insert().into(Ticket).values(ticket).updateEntity(false).execute();
    await m.createQueryBuilder().insert().into(TicketHistory).values(entry as never).updateEntity(false).execute();
  }

  async findVisible(scope: TicketScope, f: TicketFilters): Promise<{ items: Ticket[]; total: number }> {
    const q = this.tickets.createQueryBuilder('t');
    this.applyScope(q, scope);
    if (f.status) q.andWhere('t.status = :status', { status: f.status });
    if (f.riskLevel) q.andWhere('t.risk_level = :risk', { risk: f.riskLevel });
    if (f.category) q.andWhere('t.category = :category', { category: f.category });
    q.orderBy('t.created_at', 'DESC').addOrderBy('t.id', 'DESC');
    q.skip((f.page - 1) * f.pageSize).take(f.pageSize);
    const [items, total] = await q.getManyAndCount();
    return { items, total };
  }

  private applyScope(q: SelectQueryBuilder<Ticket>, scope: TicketScope) {
    switch (scope.kind) {
      case 'reporter':
        q.where('t.reporter_id = :uid', { uid: scope.userId });
        return;
      case 'department':
        q.where('t.department_id = :dep', { dep: scope.departmentId });
        return;
      case 'grid':
        q.where(new Brackets((b) => b.where('t.grid_id = :grid', { grid: scope.gridId }).orWhere('t.reporter_id = :uid', { uid: scope.userId })));
        return;
      case 'units':
        if (!scope.unitIds.length) {
          q.where('1 = 0');
          return;
        }
        q.where(
          new Brackets((b) => {
            b.where('t.unit_id IN (:...units)', { units: scope.unitIds });
            if (scope.byLocation) {
              b.orWhere('t.street_id IN (:...units)').orWhere('t.community_id IN (:...units)').orWhere('t.grid_id IN (:...units)');
            }
          }),
        );
        return;
    }
  }
}

import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager, Repository, SelectQueryBuilder } from 'typeorm';
import type { Category, Channel, DeadlineColor, RiskLevel, TicketStatus } from '@zongzhi/shared';
import { TicketDepartment } from './ticket-department.entity';
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
  color?: DeadlineColor;
  channel?: Channel;
  /** Tickets queued at this unit or below, or located in it. */
  unitIds?: string[];
  unitId?: string;
  /** Tickets held by this department, as lead or assisting. */
  departmentId?: string;
  from?: Date;
  to?: Date;
  q?: string;
  /** true: only tickets a department sent back (last status change was `return`); false: none of those. */
  returned?: boolean;
  /** true: only crisis tickets (self_harm); false: none of those. */
  urgent?: boolean;
  sort?: 'newest' | 'urgent';
  page: number;
  pageSize: number;
}

/** Fields a state change may write besides the status. */
export type TicketPatch = Partial<
  Pick<
    Ticket,
    | 'unitId'
    | 'departmentId'
    | 'dispatchedAt'
    | 'signDeadline'
    | 'signYellowAt'
    | 'resolveDeadline'
    | 'resolveYellowAt'
    | 'category'
    | 'riskLevel'
    | 'suggestedDepartment'
  >
> & { status?: TicketStatus; reopenCountPlusOne?: boolean };

/** SQL twins of `colorOf`/`deadlineColor`: stored yellow-from instants make them plain comparisons. */
const COLOR_SQL: Record<DeadlineColor, string> = {
  red: `((t.status = 'dispatched' AND t.sign_deadline <= :now) OR (t.status = 'in_progress' AND t.resolve_deadline <= :now))`,
  yellow: `((t.status = 'dispatched' AND t.sign_yellow_at <= :now AND t.sign_deadline > :now) OR (t.status = 'in_progress' AND t.resolve_yellow_at <= :now AND t.resolve_deadline > :now))`,
  blue: `((t.status = 'dispatched' AND t.dispatched_at IS NOT NULL AND t.sign_yellow_at > :now) OR (t.status = 'in_progress' AND t.dispatched_at IS NOT NULL AND t.resolve_yellow_at > :now))`,
};

/**
 * The action of a ticket's latest status change, in the trail's own order
 * (`historyOf`: seq, then at, id for rows from before `seq` existed). Rows
 * that keep the status (comments, supervision notes) do not count, nor does
 * intake (`from_status` NULL); an escalation does (accepted → accepted one level
 * up: the new centre did not send it out, so it was not returned to them). Served by idx_ticket_history_ticket_seq.
 */
const LAST_MOVE_SQL = `(SELECT lm.action FROM ticket_history lm WHERE lm.ticket_id = t.id AND (lm.from_status <> lm.to_status OR lm.action = 'escalate') ORDER BY lm.seq DESC, lm.at DESC, lm.id DESC LIMIT 1)`;

@Injectable()
export class TicketsRepository {
  constructor(
    @InjectRepository(Ticket) private readonly tickets: Repository<Ticket>,
    @InjectRepository(TicketHistory) private readonly history: Repository<TicketHistory>,
    @InjectRepository(TicketDepartment) private readonly departments: Repository<TicketDepartment>,
    private readonly db: DataSource,
  ) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  findById(id: string, m?: EntityManager) {
    return (m ? m.getRepository(Ticket) : this.tickets).findOneBy({ id });
  }

  findByCaseCode(caseCode: string) {
    return this.tickets.findOneBy({ caseCode });
  }

  findByReporterAndKey(reporterId: string, idempotencyKey: string) {
    return this.tickets.findOneBy({ reporterId, idempotencyKey });
  }

  historyOf(ticketId: string) {
    return this.history.find({ where: { ticketId }, order: { seq: 'ASC', at: 'ASC', id: 'ASC' } });
  }

  countHistory(ticketId: string) {
    return this.history.countBy({ ticketId });
  }

  departmentsOf(ticketId: string) {
    return this.departments.find({ where: { ticketId }, order: { role: 'DESC', assignedAt: 'ASC' } });
  }

  async isAssigned(ticketId: string, departmentId: string): Promise<boolean> {
    return (await this.departments.countBy({ ticketId, departmentId })) > 0;
  }

  /**
   * The intake hot path on MySQL/MariaDB: START TRANSACTION, both INSERTs and
   * COMMIT as one multi-statement query — one round trip instead of four. On
   * an error the server stops at the failing statement, so the same
   * connection rolls back before it returns to the pool. Returns false where
   * this is not available; callers then use
   * `insertWithHistory` in a normal transaction.
   */
  async insertNewInOneTrip(ticket: Ticket, entry: TicketHistory): Promise<boolean> {
    const type = this.db.options.type;
    if (type !== 'mysql' && type !== 'mariadb' && type !== 'better-sqlite3') return false;
    entry.seq = 1;
    const t = this.insertStatement(Ticket, ticket);
    const h = this.insertStatement(TicketHistory, entry);
    if (type === 'better-sqlite3') {
      // In-process SQLite has no round trips to save; the prepared INSERTs skip
      // the query builder, which is most of the cost here (bench/intake --db sqlite).
      await this.db.transaction(async (m) => {
        await m.query(t.sql, t.params);
        await m.query(h.sql, h.params);
      });
      return true;
    }
    const runner = this.db.createQueryRunner('master');
    try {
      await runner.query(`START TRANSACTION; ${t.sql}; ${h.sql}; COMMIT`, [...t.params, ...h.params]);
    } catch (e) {
      await runner.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      await runner.release();
    }
    return true;
  }

  private readonly insertSql = new Map<Function, { sql: string; columns: ReturnType<DataSource['getMetadata']>['columns'] }>();

  /** `INSERT INTO t (…) VALUES (?, …)` for every column, values prepared as TypeORM would (JSON, transformers, dates). */
  private insertStatement<T extends object>(entity: new () => T, row: T): { sql: string; params: unknown[] } {
    let cached = this.insertSql.get(entity);
    if (!cached) {
      const meta = this.db.getMetadata(entity);
      const columns = meta.columns;
      const names = columns.map((c) => `\`${c.databaseName}\``).join(', ');
      cached = { sql: `INSERT INTO \`${meta.tableName}\` (${names}) VALUES (${columns.map(() => '?').join(', ')})`, columns };
      this.insertSql.set(entity, cached);
    }
    const params = cached.columns.map((c) => {
      const v = this.db.driver.preparePersistentValue(c.getEntityValue(row, true), c);
      return v === undefined ? null : v;
    });
    return { sql: cached.sql, params };
  }

  /** One round trip each: no re-select of generated columns (ids come from the app). */
  async insertWithHistory(m: EntityManager, ticket: Ticket, entry: TicketHistory) {
    await m.createQueryBuilder().insert().into(Ticket).values(ticket).updateEntity(false).execute();
    // A new ticket's trail starts at 1: no need to ask the database.
    entry.seq = 1;
    await m.createQueryBuilder().insert().into(TicketHistory).values(entry as never).updateEntity(false).execute();
  }

  /** Appends to the trail. Callers hold the ticket's row lock (a fresh insert or `updateIfStatus` first), so `seq` cannot collide. */
  async insertHistory(m: EntityManager, entry: TicketHistory) {
    const [{ last }] = (await m.query('SELECT COALESCE(MAX(seq), 0) AS last FROM ticket_history WHERE ticket_id = ?', [entry.ticketId])) as { last: number | string }[];
    entry.seq = Number(last) + 1;
    await m.createQueryBuilder().insert().into(TicketHistory).values(entry as never).updateEntity(false).execute();
  }

  /**
   * The compare-and-set at the heart of the state machine: writes only while
   * the ticket is still in `from`. Returns false when another request got
   * there first (InnoDB re-reads the row under its lock, so exactly one wins).
   */
  async updateIfStatus(m: EntityManager, id: string, from: TicketStatus, patch: TicketPatch, now: Date): Promise<boolean> {
    const { reopenCountPlusOne, ...fields } = patch;
    const set: Record<string, unknown> = { ...fields, updatedAt: now };
    if (reopenCountPlusOne) set.reopenCount = () => 'reopen_count + 1';
    const r = await m
      .createQueryBuilder()
      .update(Ticket)
      .set(set)
      .where('id = :id AND status = :from', { id, from })
      .execute();
    return (r.affected ?? 0) === 1;
  }

  async replaceDepartments(m: EntityManager, ticketId: string, lead: string, assists: string[], at: Date) {
    await this.clearDepartments(m, ticketId);
    const rows: TicketDepartment[] = [
      { ticketId, departmentId: lead, role: 'lead', assignedAt: at },
      ...assists.map((departmentId) => ({ ticketId, departmentId, role: 'assist' as const, assignedAt: at })),
    ];
    await m.createQueryBuilder().insert().into(TicketDepartment).values(rows).updateEntity(false).execute();
  }

  async clearDepartments(m: EntityManager, ticketId: string) {
    await m.createQueryBuilder().delete().from(TicketDepartment).where('ticket_id = :ticketId', { ticketId }).execute();
  }

  async findVisible(scope: TicketScope, f: TicketFilters, now = new Date()): Promise<{ items: Ticket[]; total: number }> {
    const q = this.tickets.createQueryBuilder('t');
    this.applyScope(q, scope);
    this.applyFilters(q, f);
    q.setParameter('now', now);
    if (f.sort === 'urgent') {
      // A crisis waiting to be accepted comes before everything else.
      q.addSelect(`CASE WHEN t.urgent = :crisisTrue AND t.status = 'submitted' THEN 0 ELSE 1 END`, 'urg_crisis')
        .setParameter('crisisTrue', true)
        .addSelect(`CASE t.risk_level WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END`, 'urg_risk')
        .addSelect(`CASE WHEN ${COLOR_SQL.red} THEN 0 WHEN ${COLOR_SQL.yellow} THEN 1 ELSE 2 END`, 'urg_color')
        .addSelect(`CASE t.status WHEN 'dispatched' THEN t.sign_deadline WHEN 'in_progress' THEN t.resolve_deadline ELSE NULL END`, 'urg_deadline')
        .addSelect(`CASE WHEN t.status IN ('dispatched', 'in_progress') AND t.dispatched_at IS NOT NULL THEN 0 ELSE 1 END`, 'urg_noclock')
        .orderBy('urg_crisis', 'ASC')
        .addOrderBy('urg_risk', 'ASC')
        .addOrderBy('urg_color', 'ASC')
        .addOrderBy('urg_noclock', 'ASC')
        .addOrderBy('urg_deadline', 'ASC')
        .addOrderBy('t.created_at', 'ASC');
    } else {
      q.orderBy('t.created_at', 'DESC');
    }
    q.addOrderBy('t.id', 'DESC');
    q.offset((f.page - 1) * f.pageSize).limit(f.pageSize);
    const [items, total] = await q.getManyAndCount();
    return { items, total };
  }

  private applyFilters(q: SelectQueryBuilder<Ticket>, f: TicketFilters) {
    if (f.status) q.andWhere('t.status = :status', { status: f.status });
    if (f.riskLevel) q.andWhere('t.risk_level = :risk', { risk: f.riskLevel });
    if (f.urgent !== undefined) q.andWhere('t.urgent = :urgent', { urgent: f.urgent });
    if (f.category) q.andWhere('t.category = :category', { category: f.category });
    if (f.channel) q.andWhere('t.channel = :channel', { channel: f.channel });
    if (f.color) q.andWhere(COLOR_SQL[f.color]);
    if (f.returned === true) q.andWhere(`${LAST_MOVE_SQL} = 'return'`);
    if (f.returned === false) q.andWhere(`COALESCE(${LAST_MOVE_SQL}, '') <> 'return'`);
    if (f.from) q.andWhere('t.created_at >= :from', { from: f.from });
    if (f.to) q.andWhere('t.created_at < :to', { to: f.to });
    if (f.unitId && f.unitIds?.length) {
      q.andWhere(
        new Brackets((b) =>
          b
            .where('t.unit_id IN (:...filterUnits)', { filterUnits: f.unitIds })
            .orWhere('t.street_id = :filterUnit OR t.community_id = :filterUnit OR t.grid_id = :filterUnit', { filterUnit: f.unitId }),
        ),
      );
    }
    if (f.departmentId) {
      q.andWhere(
        new Brackets((b) =>
          b
            .where('t.department_id = :filterDep', { filterDep: f.departmentId })
            .orWhere('t.id IN (SELECT fd.ticket_id FROM ticket_departments fd WHERE fd.department_id = :filterDep)'),
        ),
      );
    }
    if (f.q) {
      const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      const code = `%${f.q.replace(/[-\s]/g, '').toUpperCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      q.andWhere(new Brackets((b) => b.where('t.text LIKE :like', { like }).orWhere(`REPLACE(t.case_code, '-', '') LIKE :code`, { code })));
    }
  }

  private applyScope(q: SelectQueryBuilder<Ticket>, scope: TicketScope) {
    switch (scope.kind) {
      case 'reporter':
        q.where('t.reporter_id = :uid', { uid: scope.userId });
        return;
      case 'department':
        q.where(
          new Brackets((b) =>
            b
              .where('t.department_id = :dep', { dep: scope.departmentId })
              .orWhere('t.id IN (SELECT sd.ticket_id FROM ticket_departments sd WHERE sd.department_id = :dep)'),
          ),
        );
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

import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, LessThan, Repository } from 'typeorm';
import type { PatrolStatus } from '@zongzhi/shared';
import { TicketHistory } from '../tickets/ticket-history.entity';
import { Ticket } from '../tickets/ticket.entity';
import { Patrol, PatrolEntry, PatrolTicket } from './patrol.entity';

@Injectable()
export class PatrolsRepository {
  constructor(
    @InjectRepository(Patrol) private readonly patrols: Repository<Patrol>,
    @InjectRepository(PatrolEntry) private readonly entries: Repository<PatrolEntry>,
    @InjectRepository(PatrolTicket) private readonly links: Repository<PatrolTicket>,
    @InjectRepository(Ticket) private readonly tickets: Repository<Ticket>,
    @InjectRepository(TicketHistory) private readonly history: Repository<TicketHistory>,
    private readonly db: DataSource,
  ) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  /** Throws a duplicate-key error while the worker still has an open patrol. */
  async insert(p: Patrol) {
    await this.patrols.createQueryBuilder().insert().into(Patrol).values(p).updateEntity(false).execute();
  }

  findById(id: string) {
    return this.patrols.findOneBy({ id });
  }

  findOpenOf(workerId: string) {
    return this.patrols.findOneBy({ openWorkerId: workerId });
  }

  async insertEntry(m: EntityManager, e: PatrolEntry) {
    await m.createQueryBuilder().insert().into(PatrolEntry).values(e).updateEntity(false).execute();
  }

  async insertLink(m: EntityManager, link: PatrolTicket) {
    await m.createQueryBuilder().insert().into(PatrolTicket).values(link).updateEntity(false).execute();
  }

  /** Closes an open patrol; false when it was no longer open (finished or swept meanwhile). */
  async closeIfOpen(id: string, status: Exclude<PatrolStatus, 'open'>, endedAt: Date, finishNote: string | null): Promise<boolean> {
    const r = await this.patrols
      .createQueryBuilder()
      .update(Patrol)
      .set({ status, endedAt, openWorkerId: null, ...(finishNote !== null ? { finishNote } : {}) })
      .where('id = :id AND status = :open', { id, open: 'open' })
      .execute();
    return (r.affected ?? 0) === 1;
  }

  byWorkerOnDay(workerId: string, day: string) {
    return this.patrols.find({ where: { workerId, day }, order: { startedAt: 'ASC', id: 'ASC' } });
  }

  inGridsOnDay(gridIds: string[], day: string) {
    if (!gridIds.length) return Promise.resolve([]);
    return this.patrols.find({ where: { gridId: In(gridIds), day }, order: { workerId: 'ASC', startedAt: 'ASC', id: 'ASC' } });
  }

  openBefore(day: string, limit: number) {
    return this.patrols.find({ where: { status: 'open', day: LessThan(day) }, order: { day: 'ASC', id: 'ASC' }, take: limit });
  }

  entriesOf(patrolIds: string[]) {
    if (!patrolIds.length) return Promise.resolve([]);
    return this.entries.find({ where: { patrolId: In(patrolIds) }, order: { at: 'ASC', id: 'ASC' } });
  }

  /** The tickets found on these patrols, each with its patrol id. */
  async ticketsOf(patrolIds: string[]): Promise<{ patrolId: string; ticket: Ticket }[]> {
    if (!patrolIds.length) return [];
    const links = await this.links.find({ where: { patrolId: In(patrolIds) }, order: { linkedAt: 'ASC' } });
    if (!links.length) return [];
    const byId = new Map((await this.tickets.findBy({ id: In(links.map((l) => l.ticketId)) })).map((t) => [t.id, t]));
    return links.filter((l) => byId.has(l.ticketId)).map((l) => ({ patrolId: l.patrolId, ticket: byId.get(l.ticketId)! }));
  }

  /** Which of these tickets were settled on the spot (现场化解). */
  async settledOnSite(ticketIds: string[]): Promise<Set<string>> {
    if (!ticketIds.length) return new Set();
    const rows = await this.history.find({ select: { ticketId: true }, where: { ticketId: In(ticketIds), action: 'settle_on_site' } });
    return new Set(rows.map((r) => r.ticketId));
  }
}

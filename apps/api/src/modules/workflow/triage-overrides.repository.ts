import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { Ticket } from '../tickets/ticket.entity';
import { TriageOverride } from './triage-override.entity';

export interface OverrideExportRow {
  override: TriageOverride;
  ticket: Ticket;
}

@Injectable()
export class TriageOverridesRepository {
  constructor(
    @InjectRepository(TriageOverride) private readonly repo: Repository<TriageOverride>,
    @InjectRepository(Ticket) private readonly tickets: Repository<Ticket>,
  ) {}

  async insert(m: EntityManager, o: TriageOverride) {
    await m.createQueryBuilder().insert().into(TriageOverride).values(o as never).updateEntity(false).execute();
  }

  /** Overrides of tickets queued at or located in these units, oldest first, with the ticket. */
  async forUnits(unitIds: string[], limit = 10_000): Promise<OverrideExportRow[]> {
    if (!unitIds.length) return [];
    const overrides = await this.repo
      .createQueryBuilder('o')
      .innerJoin(Ticket, 't', 't.id = o.ticket_id')
      .where('(t.unit_id IN (:...units) OR t.street_id IN (:...units) OR t.community_id IN (:...units) OR t.grid_id IN (:...units))', { units: unitIds })
      .orderBy('o.at', 'ASC')
      .addOrderBy('o.id', 'ASC')
      .limit(limit)
      .getMany();
    if (!overrides.length) return [];
    const byId = new Map(
      (await this.tickets.createQueryBuilder('t').whereInIds([...new Set(overrides.map((o) => o.ticketId))]).getMany()).map((t) => [t.id, t]),
    );
    return overrides.map((o) => ({ override: o, ticket: byId.get(o.ticketId)! }));
  }
}

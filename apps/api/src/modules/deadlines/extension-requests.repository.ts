import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { ExtensionRequest, type ExtensionStatus } from './extension-request.entity';

@Injectable()
export class ExtensionRequestsRepository {
  constructor(@InjectRepository(ExtensionRequest) private readonly repo: Repository<ExtensionRequest>) {}

  /** Throws a duplicate-key error when the ticket already has a pending request. */
  async insert(m: EntityManager, r: ExtensionRequest) {
    await m.createQueryBuilder().insert().into(ExtensionRequest).values(r as never).updateEntity(false).execute();
  }

  findForTicket(ticketId: string, id: string) {
    return this.repo.findOneBy({ id, ticketId });
  }

  /** Decides a request that is still pending; false when someone decided it first. */
  async decide(m: EntityManager, id: string, status: Exclude<ExtensionStatus, 'pending'>, by: string, at: Date, note: string | null): Promise<boolean> {
    const r = await m
      .createQueryBuilder()
      .update(ExtensionRequest)
      .set({ status, pendingKey: null, decidedBy: by, decidedAt: at, decisionNote: note })
      .where("id = :id AND status = 'pending'", { id })
      .execute();
    return (r.affected ?? 0) === 1;
  }

  /** Requests on tickets queued at these centres, or held by this department. */
  list(to: { unitIds?: string[]; departmentId?: string }, status: ExtensionStatus | undefined, limit = 50) {
    const q = this.repo.createQueryBuilder('r').innerJoin('tickets', 't', 't.id = r.ticket_id');
    if (to.departmentId) q.where('r.department_id = :dep', { dep: to.departmentId });
    else if (to.unitIds?.length) q.where('t.unit_id IN (:...units)', { units: to.unitIds });
    else q.where('1 = 0');
    if (status) q.andWhere('r.status = :status', { status });
    return q.addSelect('t.case_code', 'case_code').orderBy('r.created_at', 'ASC').addOrderBy('r.id', 'ASC').limit(limit).getRawAndEntities();
  }
}

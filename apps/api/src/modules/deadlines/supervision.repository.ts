import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, EntityManager, Repository } from 'typeorm';
import { Ticket } from '../tickets/ticket.entity';
import { SupervisionNotice } from './supervision-notice.entity';

export interface NoticeAddressees {
  departmentId?: string;
  unitIds?: string[];
}

@Injectable()
export class SupervisionRepository {
  constructor(
    @InjectRepository(SupervisionNotice) private readonly notices: Repository<SupervisionNotice>,
    @InjectRepository(Ticket) private readonly tickets: Repository<Ticket>,
  ) {}

  /** Throws a duplicate-key error when this crossing already has its notice. */
  async insert(m: EntityManager, notice: SupervisionNotice) {
    await m.createQueryBuilder().insert().into(SupervisionNotice).values(notice as never).updateEntity(false).execute();
  }

  /** Open tickets whose running clock has run out and that have no notice for that deadline yet. */
  findCrossedWithoutNotice(now: Date, limit: number) {
    return this.tickets
      .createQueryBuilder('t')
      .where(`((t.status = 'dispatched' AND t.sign_deadline <= :now) OR (t.status = 'in_progress' AND t.resolve_deadline <= :now))`, { now })
      .andWhere(
        `NOT EXISTS (SELECT 1 FROM supervision_notices n WHERE n.ticket_id = t.id
           AND n.kind = CASE t.status WHEN 'dispatched' THEN 'sign' ELSE 'resolve' END
           AND n.deadline_at = CASE t.status WHEN 'dispatched' THEN t.sign_deadline ELSE t.resolve_deadline END)`,
      )
      .orderBy('t.id', 'ASC')
      .limit(limit)
      .getMany();
  }

  forTicket(ticketId: string) {
    return this.notices.find({ where: { ticketId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  findById(id: string) {
    return this.notices.findOne({ where: { id } });
  }

  /** Notices addressed to a department, or to any of these centres; newest first. */
  addressedTo(to: NoticeAddressees, opts: { unreadOnly?: boolean; limit?: number } = {}) {
    const q = this.addressedQuery(to);
    if (opts.unreadOnly) q.andWhere('n.read_at IS NULL');
    return q.orderBy('n.created_at', 'DESC').addOrderBy('n.id', 'DESC').limit(opts.limit ?? 50).getMany();
  }

  countUnreadAddressedTo(to: NoticeAddressees) {
    return this.addressedQuery(to).andWhere('n.read_at IS NULL').getCount();
  }

  /** Sets the read state only while unread, so the first reader and time are kept. */
  async markReadIfUnread(id: string, userId: string, at: Date) {
    await this.notices
      .createQueryBuilder()
      .update(SupervisionNotice)
      .set({ readAt: at, readBy: userId })
      .where('id = :id AND read_at IS NULL', { id })
      .execute();
  }

  private addressedQuery(to: NoticeAddressees) {
    return this.notices.createQueryBuilder('n').where(
      new Brackets((b) => {
        b.where('1 = 0');
        if (to.departmentId) b.orWhere('n.department_id = :dep', { dep: to.departmentId });
        if (to.unitIds?.length) b.orWhere('n.unit_id IN (:...units)', { units: to.unitIds });
      }),
    );
  }
}

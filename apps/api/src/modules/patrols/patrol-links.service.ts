import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { ValidationError } from '../../common/errors';
import { PatrolsRepository } from './patrols.repository';

/** What intake needs of patrols: is this the reporter's open patrol, and the link written with the ticket. */
@Injectable()
export class PatrolLinks {
  constructor(private readonly repo: PatrolsRepository) {}

  /** 400 on `patrolId` alike for someone else's, an unknown and a finished patrol: nothing is revealed. */
  async assertOpenFor(user: AuthUser, patrolId: string) {
    const p = await this.repo.findById(patrolId);
    if (!p || p.workerId !== user.id || p.status !== 'open') throw new ValidationError({ patrolId: '巡查不存在或已结束' });
  }

  async link(m: EntityManager, patrolId: string, ticketId: string) {
    await this.repo.insertLink(m, { patrolId, ticketId, linkedAt: new Date() });
  }
}

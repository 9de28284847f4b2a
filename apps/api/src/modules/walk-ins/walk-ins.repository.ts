import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { WalkIn } from './walk-in.entity';

@Injectable()
export class WalkInsRepository {
  constructor(@InjectRepository(WalkIn) private readonly walkIns: Repository<WalkIn>) {}

  async insert(m: EntityManager, w: WalkIn) {
    await m.createQueryBuilder().insert().into(WalkIn).values(w).updateEntity(false).execute();
  }

  findById(id: string) {
    return this.walkIns.findOneBy({ id });
  }

  findByTicket(ticketId: string) {
    return this.walkIns.findOneBy({ ticketId });
  }
}

import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { RoutingRule } from './routing-rule.entity';

@Injectable()
export class RoutingRulesRepository {
  constructor(
    @InjectRepository(RoutingRule) private readonly repo: Repository<RoutingRule>,
    private readonly db: DataSource,
  ) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  findForDistrict(districtId: string, m?: EntityManager) {
    return (m ? m.getRepository(RoutingRule) : this.repo).findOneBy({ districtId });
  }


  async save(m: EntityManager, rule: RoutingRule) {
    await m.getRepository(RoutingRule).save(rule);
  }
}

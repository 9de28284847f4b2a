import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { TimeLimitRuleRow } from './time-limit-rule.entity';

@Injectable()
export class TimeLimitsRepository {
  constructor(
    @InjectRepository(TimeLimitRuleRow) private readonly repo: Repository<TimeLimitRuleRow>,
    private readonly db: DataSource,
  ) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  all(m?: EntityManager) {
    return (m ? m.getRepository(TimeLimitRuleRow) : this.repo).find({ order: { ruleKey: 'ASC' } });
  }


  async replaceAll(m: EntityManager, rows: TimeLimitRuleRow[]) {
    await m.createQueryBuilder().delete().from(TimeLimitRuleRow).execute();
    if (rows.length) await m.createQueryBuilder().insert().into(TimeLimitRuleRow).values(rows).updateEntity(false).execute();
  }
}

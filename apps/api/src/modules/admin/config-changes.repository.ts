import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { ConfigChange } from './config-change.entity';

@Injectable()
export class ConfigChangesRepository {
  constructor(@InjectRepository(ConfigChange) private readonly repo: Repository<ConfigChange>) {}

  async record(m: EntityManager, change: ConfigChange) {
    await m.createQueryBuilder().insert().into(ConfigChange).values(change as never).updateEntity(false).execute();
  }

  latest(kind: string, limit = 50) {
    return this.repo.find({ where: { kind }, order: { at: 'DESC', id: 'DESC' }, take: limit });
  }
}

import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import type { HotlineSource } from '@zongzhi/shared';
import { HotlineOrder } from './hotline-order.entity';

@Injectable()
export class HotlineOrdersRepository {
  constructor(@InjectRepository(HotlineOrder) private readonly orders: Repository<HotlineOrder>) {}

  findBySourceAndNo(source: HotlineSource, orderNo: string) {
    return this.orders.findOneBy({ source, orderNo });
  }

  /** Throws a duplicate-key error when the order was taken in already. */
  async insert(m: EntityManager, o: HotlineOrder) {
    await m.createQueryBuilder().insert().into(HotlineOrder).values(o).updateEntity(false).execute();
  }
}

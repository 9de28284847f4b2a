import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { HotlineSource } from '@zongzhi/shared';
import { DATETIME } from '../../database/columns';

/**
 * A 12345 work order or 110 referral taken in, with its ticket. The unique
 * key on (source, order number) is what makes a re-sent order — even two
 * imports racing — end in one ticket: the loser's ticket rolls back with it.
 */
@Entity('hotline_orders')
@Index('uq_hotline_orders_source_no', ['source', 'orderNo'], { unique: true })
export class HotlineOrder {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 20 })
  source: HotlineSource;

  @Column({ name: 'order_no', type: 'varchar', length: 64 })
  orderNo: string;

  @Column({ name: 'ticket_id', type: 'varchar', length: 36 })
  ticketId: string;

  /** When the hotline took the call (their clock); null when not given. */
  @Column({ name: 'received_at', ...DATETIME, nullable: true })
  receivedAt: Date | null;

  @Column({ name: 'imported_by', type: 'varchar', length: 36 })
  importedBy: string;

  @Column({ name: 'created_at', ...DATETIME })
  createdAt: Date;
}

import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { MessageKind } from '@zongzhi/shared';
import { DATETIME } from '../../database/columns';

/** One entry of a user's in-app message box (站内消息). */
@Entity('messages')
@Index('idx_messages_user_created', ['userId', 'createdAt'])
@Index('idx_messages_user_read', ['userId', 'readAt'])
export class Message {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId: string;

  @Column({ type: 'varchar', length: 32 })
  kind: MessageKind;

  @Column({ type: 'varchar', length: 100 })
  title: string;

  @Column({ type: 'varchar', length: 500 })
  body: string;

  @Column({ name: 'ticket_id', type: 'varchar', length: 36, nullable: true })
  ticketId: string | null;

  @Column({ name: 'read_at', ...DATETIME, nullable: true })
  readAt: Date | null;

  @Column({ name: 'created_at', ...DATETIME })
  createdAt: Date;
}

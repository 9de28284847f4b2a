import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DATETIME } from '../../database/columns';

/**
 * One photo, re-encoded and stripped of all metadata. Its files are named by
 * the id alone (`<id>.jpg`, `<id>.thumb.jpg`); the uploader's file name is
 * never kept. An upload belongs to at most one thing: a ticket (optionally
 * through one of its history rows) or a patrol log entry; rows that belong to
 * neither and are older than 24 h are swept with their files.
 */
@Entity('uploads')
@Index('idx_uploads_owner_created', ['ownerId', 'createdAt'])
@Index('idx_uploads_ticket_created', ['ticketId', 'createdAt'])
@Index('idx_uploads_patrol_entry', ['patrolEntryId'])
export class Upload {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'owner_id', type: 'varchar', length: 36 })
  ownerId: string;

  /** The ticket it illustrates; null until attached (only then may others see it). */
  @Column({ name: 'ticket_id', type: 'varchar', length: 36, nullable: true })
  ticketId: string | null;

  /** The ticket history row (feedback, handling note …) it belongs to; null for the report's own photos. */
  @Column({ name: 'history_id', type: 'varchar', length: 36, nullable: true })
  historyId: string | null;

  /** The patrol log entry (网格日志) it illustrates; null unless attached to one. Never set together with `ticketId`. */
  @Column({ name: 'patrol_entry_id', type: 'varchar', length: 36, nullable: true })
  patrolEntryId: string | null;

  /** Position within its report, history row or patrol entry, as the uploader ordered them. */
  @Column({ name: 'sort_order', type: 'smallint', default: 0 })
  sortOrder: number;

  @Column({ type: 'int' })
  width: number;

  @Column({ type: 'int' })
  height: number;

  /** Stored bytes of both derivatives. */
  @Column({ type: 'int' })
  bytes: number;

  @Column({ name: 'created_at', ...DATETIME })
  createdAt: Date;

  @Column({ name: 'attached_at', ...DATETIME, nullable: true })
  attachedAt: Date | null;
}

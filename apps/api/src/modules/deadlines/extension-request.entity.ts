import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DATETIME } from '../../database/columns';

export const EXTENSION_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type ExtensionStatus = (typeof EXTENSION_STATUSES)[number];

/** 延期申请: the handler asks for a later resolve deadline; a dispatcher decides. */
@Entity('extension_requests')
@Index('idx_extension_requests_status_created', ['status', 'createdAt'])
@Index('idx_extension_requests_ticket', ['ticketId'])
// Equals ticket_id while pending, null once decided: at most one pending request per ticket.
@Index('uq_extension_requests_pending', ['pendingKey'], { unique: true })
export class ExtensionRequest {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'ticket_id', type: 'varchar', length: 36 })
  ticketId: string;

  @Column({ name: 'pending_key', type: 'varchar', length: 36, nullable: true })
  pendingKey: string | null;

  @Column({ name: 'requested_by', type: 'varchar', length: 36 })
  requestedBy: string;

  @Column({ name: 'department_id', type: 'varchar', length: 36 })
  departmentId: string;

  @Column({ type: 'text' })
  reason: string;

  @Column({ name: 'current_deadline', ...DATETIME })
  currentDeadline: Date;

  @Column({ name: 'requested_deadline', ...DATETIME })
  requestedDeadline: Date;

  @Column({ type: 'varchar', length: 10 })
  status: ExtensionStatus;

  @Column({ name: 'decided_by', type: 'varchar', length: 36, nullable: true })
  decidedBy: string | null;

  @Column({ name: 'decided_at', ...DATETIME, nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'decision_note', type: 'text', nullable: true })
  decisionNote: string | null;

  @Column({ name: 'created_at', ...DATETIME })
  createdAt: Date;
}

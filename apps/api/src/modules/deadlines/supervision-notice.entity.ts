import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { SupervisionKind } from '@zongzhi/shared';
import { DATETIME } from '../../database/columns';

/**
 * 督办单, addressed to the handling department and the centre holding the
 * ticket. An automatic notice exists once per crossed deadline: the unique key
 * (ticket, kind, deadline) holds even when two sweeps race; manual notices
 * have no deadline and repeat freely.
 */
@Entity('supervision_notices')
@Index('uq_supervision_notices_crossing', ['ticketId', 'kind', 'deadlineAt'], { unique: true })
@Index('idx_supervision_notices_department', ['departmentId', 'createdAt'])
@Index('idx_supervision_notices_unit', ['unitId', 'createdAt'])
export class SupervisionNotice {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'ticket_id', type: 'varchar', length: 36 })
  ticketId: string;

  @Column({ type: 'varchar', length: 8 })
  kind: SupervisionKind;

  /** The deadline that was crossed; null for a manual notice. */
  @Column({ name: 'deadline_at', ...DATETIME, nullable: true })
  deadlineAt: Date | null;

  @Column({ name: 'department_id', type: 'varchar', length: 36, nullable: true })
  departmentId: string | null;

  /** The centre whose queue holds the ticket (the dispatching centre). */
  @Column({ name: 'unit_id', type: 'varchar', length: 36 })
  unitId: string;

  /** Null when the sweep issued it. */
  @Column({ name: 'issued_by', type: 'varchar', length: 36, nullable: true })
  issuedBy: string | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ name: 'history_id', type: 'varchar', length: 36 })
  historyId: string;

  @Column({ name: 'created_at', ...DATETIME })
  createdAt: Date;

  /** When a handler of the addressed department first opened it; null while unread. */
  @Column({ name: 'read_at', ...DATETIME, nullable: true })
  readAt: Date | null;

  @Column({ name: 'read_by', type: 'varchar', length: 36, nullable: true })
  readBy: string | null;
}

import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Role, TicketAction, TicketStatus } from '@zongzhi/shared';
import { DATETIME } from '../../database/columns';

export const NOTE_VISIBILITIES = ['public', 'internal'] as const;
export type NoteVisibility = (typeof NOTE_VISIBILITIES)[number];

/** The case trail: one row per action, intake included. */
@Entity('ticket_history')
@Index('idx_ticket_history_ticket_at', ['ticketId', 'at'])
@Index('idx_ticket_history_ticket_seq', ['ticketId', 'seq'])
export class TicketHistory {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'ticket_id', type: 'varchar', length: 36 })
  ticketId: string;

  /** `submit` for intake, otherwise a DOMAIN.md action. */
  @Column({ type: 'varchar', length: 20 })
  action: TicketAction | 'submit';

  @Column({ name: 'from_status', type: 'varchar', length: 20, nullable: true })
  fromStatus: TicketStatus | null;

  @Column({ name: 'to_status', type: 'varchar', length: 20 })
  toStatus: TicketStatus;

  @Column({ name: 'actor_id', type: 'varchar', length: 36 })
  actorId: string;

  /** `system` for the automatic supervision sweep. */
  @Column({ name: 'actor_role', type: 'varchar', length: 16 })
  actorRole: Role | 'system';

  /** Who acted, as the public trail shows it (their unit or department, never a staff member's phone). */
  @Column({ name: 'actor_label', type: 'varchar', length: 80 })
  actorLabel: string;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  /**
   * Who may read the note: `public` (the resident too) or `internal` (staff
   * only). Dispatch instructions and staff comments are internal by default.
   */
  @Column({ type: 'varchar', length: 10, default: 'internal' })
  visibility: NoteVisibility;

  /** Action details: outcome, satisfaction, department, photo ids … */
  @Column({ type: 'simple-json', nullable: true })
  data: Record<string, unknown> | null;

  @Column({ ...DATETIME })
  at: Date;

  /** Position in the ticket's trail (1 = intake); set on insert while the ticket row is locked, so the order never depends on clocks. */
  @Column({ type: 'int', default: 0 })
  seq?: number;
}

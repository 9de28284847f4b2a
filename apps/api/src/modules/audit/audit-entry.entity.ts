import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DATETIME } from '../../database/columns';

/**
 * 审计日志 (等保 2.0 三级): who did what, when, from where. Append-only: the
 * code has no path that updates a row, and deletes only by age
 * (AUDIT_RETENTION_DAYS). Phone and ID numbers are stored masked.
 */
@Entity('audit_log')
@Index('idx_audit_log_at', ['at'])
@Index('idx_audit_log_action_at', ['action', 'at'])
@Index('idx_audit_log_actor_at', ['actorId', 'at'])
export class AuditEntry {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ ...DATETIME })
  at: Date;

  /** See AUDIT_ACTIONS. */
  @Column({ type: 'varchar', length: 40 })
  action: string;

  @Column({ name: 'actor_id', type: 'varchar', length: 36, nullable: true })
  actorId: string | null;

  @Column({ name: 'actor_role', type: 'varchar', length: 16, nullable: true })
  actorRole: string | null;

  /** A username, or a masked phone for residents; what the admin reads as "who". */
  @Column({ name: 'actor_label', type: 'varchar', length: 64, nullable: true })
  actorLabel: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip: string | null;

  @Column({ name: 'target_type', type: 'varchar', length: 32, nullable: true })
  targetType: string | null;

  @Column({ name: 'target_id', type: 'varchar', length: 64, nullable: true })
  targetId: string | null;

  @Column({ type: 'simple-json', nullable: true })
  detail: Record<string, unknown> | null;
}

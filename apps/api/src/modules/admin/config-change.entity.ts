import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DATETIME } from '../../database/columns';

/** Audit trail of admin configuration edits (routing rules, time limits): who, when, old, new. */
@Entity('config_changes')
@Index('idx_config_changes_kind_at', ['kind', 'at'])
export class ConfigChange {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  /** `routing_rules` or `time_limits`. */
  @Column({ type: 'varchar', length: 32 })
  kind: string;

  /** What was edited within the kind, e.g. the district id. */
  @Column({ name: 'scope_id', type: 'varchar', length: 36, nullable: true })
  scopeId: string | null;

  @Column({ name: 'actor_id', type: 'varchar', length: 36 })
  actorId: string;

  @Column({ name: 'old_value', type: 'simple-json', nullable: true })
  oldValue: unknown;

  @Column({ name: 'new_value', type: 'simple-json' })
  newValue: unknown;

  @Column({ ...DATETIME })
  at: Date;
}

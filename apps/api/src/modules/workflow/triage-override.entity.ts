import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Category, Department as DepartmentCode, RiskLevel } from '@zongzhi/shared';
import { DATETIME } from '../../database/columns';

export interface TriageValues {
  category: Category | null;
  riskLevel: RiskLevel | null;
  department: DepartmentCode | null;
}

/** A dispatcher's correction of the triage, kept for review and retraining. */
@Entity('triage_overrides')
@Index('idx_triage_overrides_at', ['at'])
@Index('idx_triage_overrides_ticket', ['ticketId'])
export class TriageOverride {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'ticket_id', type: 'varchar', length: 36 })
  ticketId: string;

  @Column({ name: 'actor_id', type: 'varchar', length: 36 })
  actorId: string;

  @Column({ type: 'simple-json' })
  before: TriageValues;

  @Column({ type: 'simple-json' })
  after: TriageValues;

  @Column({ type: 'text' })
  reason: string;

  @Column({ ...DATETIME })
  at: Date;
}

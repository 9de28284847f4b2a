import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Category, RiskLevel } from '@zongzhi/shared';
import { DATETIME } from '../../database/columns';

/** An admin's time limit for a risk level, optionally narrowed to one category. */
@Entity('time_limit_rules')
export class TimeLimitRuleRow {
  /** `<riskLevel>:<category|*>`: one rule per pair by construction. */
  @PrimaryColumn({ name: 'rule_key', type: 'varchar', length: 40 })
  ruleKey: string;

  @Column({ name: 'risk_level', type: 'varchar', length: 8 })
  riskLevel: RiskLevel;

  @Column({ type: 'varchar', length: 24, nullable: true })
  category: Category | null;

  @Column({ name: 'sign_minutes', type: 'int' })
  signMinutes: number;

  @Column({ name: 'resolve_minutes', type: 'int' })
  resolveMinutes: number;

  @Column({ name: 'updated_by', type: 'varchar', length: 36 })
  updatedBy: string;

  @Column({ name: 'updated_at', ...DATETIME })
  updatedAt: Date;
}

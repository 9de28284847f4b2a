import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Category, Department as DepartmentCode, RiskLevel, Tier } from '@zongzhi/shared';
import { DATETIME } from '../../database/columns';

/** A district's routing rules as an admin set them; absent keys fall back to DOMAIN.md. */
@Entity('routing_rules')
export class RoutingRule {
  @PrimaryColumn({ name: 'district_id', type: 'varchar', length: 36 })
  districtId: string;

  @Column({ name: 'department_by_category', type: 'simple-json' })
  departmentByCategory: Partial<Record<Category, DepartmentCode>>;

  @Column({ name: 'tier_by_risk', type: 'simple-json' })
  tierByRisk: Partial<Record<RiskLevel, Tier>>;

  @Column({ name: 'updated_by', type: 'varchar', length: 36 })
  updatedBy: string;

  @Column({ name: 'updated_at', ...DATETIME })
  updatedAt: Date;
}

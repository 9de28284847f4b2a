import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Department as DepartmentCode } from '@zongzhi/shared';

/** A department of a unit: district bureaus (人社局 …) and street stations (司法所 …). */
@Entity('departments')
@Index('uq_departments_unit_code', ['unitId', 'code'], { unique: true })
export class Department {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 32 })
  code: DepartmentCode;

  @Column({ type: 'varchar', length: 80 })
  name: string;

  @Column({ name: 'unit_id', type: 'varchar', length: 36 })
  unitId: string;
}

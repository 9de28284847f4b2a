import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { UnitLevel } from '@zongzhi/shared';
import { decimalToNumber } from '../../database/columns';

/** A ring of [lng, lat] points in GCJ-02. */
export type Polygon = [number, number][];

/** One node of district → street → community → grid; each has a 综治中心. */
@Entity('org_units')
@Index('idx_org_units_parent', ['parentId'])
export class OrgUnit {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 40 })
  @Index('uq_org_units_code', { unique: true })
  code: string;

  @Column({ type: 'varchar', length: 80 })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  level: UnitLevel;

  @Column({ name: 'parent_id', type: 'varchar', length: 36, nullable: true })
  parentId: string | null;

  /** Grid boundary (GCJ-02 [lng, lat] ring); null above grid level. */
  @Column({ type: 'simple-json', nullable: true })
  boundary: Polygon | null;

  @Column({ name: 'center_lat', type: 'decimal', precision: 10, scale: 7, nullable: true, transformer: decimalToNumber })
  centerLat: number | null;

  @Column({ name: 'center_lng', type: 'decimal', precision: 10, scale: 7, nullable: true, transformer: decimalToNumber })
  centerLng: number | null;
}

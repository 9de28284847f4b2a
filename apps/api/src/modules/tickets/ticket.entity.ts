import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Category, Channel, Department as DepartmentCode, RiskLevel, Tier, TicketStatus, TriageFlag } from '@zongzhi/shared';
import { DATETIME, decimalToNumber } from '../../database/columns';

export interface StoredTriage {
  category: Category;
  riskLevel: RiskLevel;
  department: DepartmentCode;
  tier: Tier;
  reasons: string[];
  confidence: number;
  /** life-safety and scale flags with their evidence; absent on tickets filed before flags existed */
  flags?: TriageFlag[];
}

/** One report, whatever its channel: one ticket, one case code. */
@Entity('tickets')
@Index('uq_tickets_case_code', ['caseCode'], { unique: true })
@Index('uq_tickets_reporter_idem', ['reporterId', 'idempotencyKey'], { unique: true })
@Index('idx_tickets_unit_status', ['unitId', 'status'])
@Index('idx_tickets_department_status', ['departmentId', 'status'])
@Index('idx_tickets_grid', ['gridId'])
@Index('idx_tickets_reporter_created', ['reporterId', 'createdAt'])
@Index('idx_tickets_created', ['createdAt'])
@Index('idx_tickets_status_sign_deadline', ['status', 'signDeadline'])
@Index('idx_tickets_status_resolve_deadline', ['status', 'resolveDeadline'])
@Index('idx_tickets_status_accept_deadline', ['status', 'acceptDeadline'])
export class Ticket {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'case_code', type: 'varchar', length: 16 })
  caseCode: string;

  @Column({ type: 'varchar', length: 20 })
  status: TicketStatus;

  @Column({ type: 'varchar', length: 20 })
  channel: Channel;

  @Column({ type: 'text' })
  text: string;

  @Column({ name: 'reporter_id', type: 'varchar', length: 36 })
  reporterId: string;

  @Column({ name: 'idempotency_key', type: 'varchar', length: 64, nullable: true })
  idempotencyKey: string | null;

  @Column({ name: 'contact_phone', type: 'varchar', length: 20, nullable: true })
  contactPhone: string | null;

  @Column({ type: 'boolean', default: false })
  anonymous: boolean;

  @Column({ type: 'decimal', precision: 10, scale: 7, nullable: true, transformer: decimalToNumber })
  lat: number | null;

  @Column({ type: 'decimal', precision: 10, scale: 7, nullable: true, transformer: decimalToNumber })
  lng: number | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  address: string | null;

  /** True when the report had no location or fell outside every grid (位置待核实). */
  @Column({ name: 'location_unverified', type: 'boolean', default: false })
  locationUnverified: boolean;

  @Column({ name: 'grid_id', type: 'varchar', length: 36, nullable: true })
  gridId: string | null;

  @Column({ name: 'community_id', type: 'varchar', length: 36, nullable: true })
  communityId: string | null;

  @Column({ name: 'street_id', type: 'varchar', length: 36, nullable: true })
  streetId: string | null;

  @Column({ name: 'district_id', type: 'varchar', length: 36 })
  districtId: string;

  /** The centre (org unit) whose queue holds the ticket now. */
  @Column({ name: 'unit_id', type: 'varchar', length: 36 })
  unitId: string;

  @Column({ name: 'department_id', type: 'varchar', length: 36, nullable: true })
  departmentId: string | null;

  /** The engine's suggestion as made at intake; never overwritten. */
  @Column({ type: 'simple-json', nullable: true })
  triage: StoredTriage | null;

  /** Current values (after any dispatcher override). */
  @Column({ type: 'varchar', length: 24, nullable: true })
  category: Category | null;

  @Column({ name: 'risk_level', type: 'varchar', length: 8, nullable: true })
  riskLevel: RiskLevel | null;

  /** Current suggested department code after a dispatcher override; null = the routing rules' choice for `category`. */
  @Column({ name: 'suggested_department', type: 'varchar', length: 32, nullable: true })
  suggestedDepartment: DepartmentCode | null;

  /** When the running clocks started (dispatch); null while no department holds the ticket. */
  @Column({ name: 'dispatched_at', ...DATETIME, nullable: true })
  dispatchedAt: Date | null;

  @Column({ name: 'sign_deadline', ...DATETIME, nullable: true })
  signDeadline: Date | null;

  /** When the sign-for clock turns yellow (two thirds used); stored so lists filter by colour in SQL. */
  @Column({ name: 'sign_yellow_at', ...DATETIME, nullable: true })
  signYellowAt: Date | null;

  @Column({ name: 'resolve_deadline', ...DATETIME, nullable: true })
  resolveDeadline: Date | null;

  @Column({ name: 'resolve_yellow_at', ...DATETIME, nullable: true })
  resolveYellowAt: Date | null;

  /** A crisis (the triage raised self_harm): queued first at the district centre, one hour to accept. */
  @Column({ type: 'boolean', default: false })
  urgent: boolean;

  /** 受理时限: by when a submitted ticket must be accepted (1 hour in a crisis, else 24 hours). */
  @Column({ name: 'accept_deadline', ...DATETIME, nullable: true })
  acceptDeadline: Date | null;

  /** When the centre was chased because a crisis ticket passed its acceptance clock (once per ticket). */
  @Column({ name: 'accept_chased_at', ...DATETIME, nullable: true })
  acceptChasedAt: Date | null;

  /** 重办: how often the resident sent it back as unsatisfied. */
  @Column({ name: 'reopen_count', type: 'int', default: 0 })
  reopenCount: number;

  @Column({ name: 'created_at', ...DATETIME })
  createdAt: Date;

  @Column({ name: 'updated_at', ...DATETIME })
  updatedAt: Date;
}

import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { DepartmentRole } from '@zongzhi/shared';
import { DATETIME } from '../../database/columns';

/** 联合调处: the departments holding a dispatched ticket — one lead, any assisting. */
@Entity('ticket_departments')
@Index('idx_ticket_departments_department', ['departmentId'])
export class TicketDepartment {
  @PrimaryColumn({ name: 'ticket_id', type: 'varchar', length: 36 })
  ticketId: string;

  @PrimaryColumn({ name: 'department_id', type: 'varchar', length: 36 })
  departmentId: string;

  @Column({ type: 'varchar', length: 8 })
  role: DepartmentRole;

  @Column({ name: 'assigned_at', ...DATETIME })
  assignedAt: Date;
}

import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Role } from '@zongzhi/shared';
import { DATETIME } from '../../database/columns';

@Entity('users')
@Index('uq_users_username', ['username'], { unique: true })
@Index('uq_users_phone', ['phone'], { unique: true })
@Index('uq_users_wechat_openid', ['wechatOpenid'], { unique: true })
export class User {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 16 })
  role: Role;

  @Column({ name: 'display_name', type: 'varchar', length: 64 })
  displayName: string;

  /** Staff login name; null for residents. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  username: string | null;

  @Column({ name: 'password_hash', type: 'varchar', length: 255, nullable: true })
  passwordHash: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  phone: string | null;

  @Column({ name: 'wechat_openid', type: 'varchar', length: 64, nullable: true })
  wechatOpenid: string | null;

  @Column({ name: 'unit_id', type: 'varchar', length: 36, nullable: true })
  unitId: string | null;

  @Column({ name: 'department_id', type: 'varchar', length: 36, nullable: true })
  departmentId: string | null;

  @Column({ name: 'grid_id', type: 'varchar', length: 36, nullable: true })
  gridId: string | null;

  /** 值班: since when this dispatcher is on duty (null: off duty). The one on duty gets crisis SMS. */
  @Column({ name: 'on_duty_since', ...DATETIME, nullable: true })
  onDutySince: Date | null;

  @Column({ name: 'created_at', ...DATETIME })
  createdAt: Date;

  /** A disabled account's tokens stop working on their next request; it cannot log in. */
  @Column({ name: 'disabled_at', ...DATETIME, nullable: true })
  disabledAt?: Date | null;
}

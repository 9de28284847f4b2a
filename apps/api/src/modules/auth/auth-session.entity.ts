import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DATETIME } from '../../database/columns';

/**
 * One login: the family of its rotating refresh tokens. Every access token
 * names its session (`sid`); logging out or reusing a rotated refresh token
 * revokes the session, and with it every token of the family.
 */
@Entity('auth_sessions')
@Index('idx_auth_sessions_user', ['userId'])
export class AuthSession {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip: string | null;

  @Column({ name: 'created_at', ...DATETIME })
  createdAt: Date;

  /** Refresh never extends past this: a new login is needed. */
  @Column({ name: 'expires_at', ...DATETIME })
  expiresAt: Date;

  @Column({ name: 'revoked_at', ...DATETIME, nullable: true })
  revokedAt: Date | null;

  /** `logout`, `refresh_reuse`, `account_changed`. */
  @Column({ name: 'revoke_reason', type: 'varchar', length: 32, nullable: true })
  revokeReason: string | null;
}

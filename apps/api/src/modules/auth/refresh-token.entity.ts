import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DATETIME } from '../../database/columns';

/** A refresh token, kept only as its SHA-256; usable once (rotation), then `used_at` is set. */
@Entity('refresh_tokens')
@Index('idx_refresh_tokens_session', ['sessionId'])
export class RefreshToken {
  @PrimaryColumn({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash: string;

  @Column({ name: 'session_id', type: 'varchar', length: 36 })
  sessionId: string;

  @Column({ name: 'created_at', ...DATETIME })
  createdAt: Date;

  @Column({ name: 'expires_at', ...DATETIME })
  expiresAt: Date;

  @Column({ name: 'used_at', ...DATETIME, nullable: true })
  usedAt: Date | null;
}

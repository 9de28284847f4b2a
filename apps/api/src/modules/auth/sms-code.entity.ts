import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DATETIME } from '../../database/columns';

/** An issued SMS login code. Only its hash is kept; rows double as the send log for rate limits. */
@Entity('sms_codes')
@Index('idx_sms_codes_phone_created', ['phone', 'createdAt'])
@Index('idx_sms_codes_ip_created', ['ip', 'createdAt'])
export class SmsCode {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 20 })
  phone: string;

  @Column({ name: 'code_hash', type: 'varchar', length: 64 })
  codeHash: string;

  @Column({ type: 'varchar', length: 64 })
  ip: string;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ name: 'expires_at', ...DATETIME })
  expiresAt: Date;

  @Column({ name: 'consumed_at', ...DATETIME, nullable: true })
  consumedAt: Date | null;

  @Column({ name: 'created_at', ...DATETIME })
  createdAt: Date;
}

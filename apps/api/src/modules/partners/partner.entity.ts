import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DATETIME } from '../../database/columns';

/** What a partner key may do: file reports, read the ones it filed, read public-space reports of its area. */
export const PARTNER_SCOPES = ['file', 'read_own', 'read_public'] as const;
export type PartnerScope = (typeof PARTNER_SCOPES)[number];

/** The channels a partner system files under (DOMAIN.md intake channels). */
export const PARTNER_CHANNELS = ['hotline_12345', 'police_110', 'department'] as const;
export type PartnerChannel = (typeof PARTNER_CHANNELS)[number];

/**
 * Another system (the city's 12345 platform, the 110 system, a department's
 * own system, a dashboard) that talks Open311 to us with an API key. Only a
 * SHA-256 of the key is stored: keys are 256-bit random, so a slow password
 * hash adds nothing, and the hash is the lookup index.
 */
@Entity('partners')
@Index('uq_partners_key_hash', ['keyHash'], { unique: true })
@Index('idx_partners_unit', ['unitId'])
export class Partner {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 80 })
  name: string;

  @Column({ type: 'varchar', length: 20 })
  channel: PartnerChannel;

  @Column({ type: 'simple-json' })
  scopes: PartnerScope[];

  /** The area: the org unit whose subtree the key files into and reads from. */
  @Column({ name: 'unit_id', type: 'varchar', length: 36 })
  unitId: string;

  /** The first characters of the key, so an admin can tell keys apart; not secret. */
  @Column({ name: 'key_prefix', type: 'varchar', length: 16 })
  keyPrefix: string;

  /** SHA-256 (hex) of the whole key. */
  @Column({ name: 'key_hash', type: 'varchar', length: 64 })
  keyHash: string;

  /** Requests per minute this key may make; more get 429 with Retry-After. */
  @Column({ name: 'rate_per_minute', type: 'int' })
  ratePerMinute: number;

  @Column({ name: 'created_by', type: 'varchar', length: 36 })
  createdBy: string;

  @Column({ name: 'created_at', ...DATETIME })
  createdAt: Date;

  @Column({ name: 'revoked_at', ...DATETIME, nullable: true })
  revokedAt: Date | null;
}

import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DATETIME } from '../../database/columns';

/**
 * A failure counter for one bucket (`login:user:<name>`, `login:ip:<ip>`,
 * `lookup:case:<code>`, …). In the database so that limits hold across
 * restarts and across several API processes.
 */
@Entity('rate_limits')
export class RateLimit {
  @PrimaryColumn({ type: 'varchar', length: 160 })
  bucket: string;

  @Column({ type: 'int' })
  failures: number;

  @Column({ name: 'window_start', ...DATETIME })
  windowStart: Date;

  /** No attempt is allowed before this (a growing delay or a lock). */
  @Column({ name: 'blocked_until', ...DATETIME, nullable: true })
  blockedUntil: Date | null;
}

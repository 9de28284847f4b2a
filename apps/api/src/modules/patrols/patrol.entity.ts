import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { PatrolStatus } from '@zongzhi/shared';
import { DATETIME, decimalToNumber } from '../../database/columns';

/** 网格日志: one patrol of a grid worker through their grid. */
@Entity('patrols')
@Index('idx_patrols_worker_day', ['workerId', 'day'])
@Index('idx_patrols_grid_day', ['gridId', 'day'])
@Index('idx_patrols_status_day', ['status', 'day'])
// Holds the worker's id only while the patrol is open: at most one open patrol per worker, also under races.
@Index('uq_patrols_open_worker', ['openWorkerId'], { unique: true })
export class Patrol {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'worker_id', type: 'varchar', length: 36 })
  workerId: string;

  @Column({ name: 'grid_id', type: 'varchar', length: 36 })
  gridId: string;

  @Column({ type: 'varchar', length: 12 })
  status: PatrolStatus;

  /** The China calendar day (UTC+8) it started, YYYY-MM-DD: the day view's key. */
  @Column({ type: 'varchar', length: 10 })
  day: string;

  @Column({ name: 'open_worker_id', type: 'varchar', length: 36, nullable: true })
  openWorkerId: string | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  note: string | null;

  @Column({ name: 'finish_note', type: 'varchar', length: 1000, nullable: true })
  finishNote: string | null;

  @Column({ name: 'started_at', ...DATETIME })
  startedAt: Date;

  /** Finished: when the worker ended it; abandoned: the last thing recorded on it. */
  @Column({ name: 'ended_at', ...DATETIME, nullable: true })
  endedAt: Date | null;
}

/**
 * A note, a location point, photos — or any mix — recorded on the way. Photos
 * are claimed through UploadsService.attach with the entry as the target
 * (`uploads.patrol_entry_id`), so the orphan sweep leaves them alone and
 * signed links work as for tickets.
 */
@Entity('patrol_entries')
@Index('idx_patrol_entries_patrol_at', ['patrolId', 'at'])
export class PatrolEntry {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'patrol_id', type: 'varchar', length: 36 })
  patrolId: string;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  note: string | null;

  @Column({ type: 'decimal', precision: 10, scale: 7, nullable: true, transformer: decimalToNumber })
  lat: number | null;

  @Column({ type: 'decimal', precision: 10, scale: 7, nullable: true, transformer: decimalToNumber })
  lng: number | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  address: string | null;

  @Column({ ...DATETIME })
  at: Date;
}

/** A ticket found on a patrol (each at most on one). */
@Entity('patrol_tickets')
@Index('idx_patrol_tickets_patrol', ['patrolId'])
export class PatrolTicket {
  @PrimaryColumn({ name: 'ticket_id', type: 'varchar', length: 36 })
  ticketId: string;

  @Column({ name: 'patrol_id', type: 'varchar', length: 36 })
  patrolId: string;

  @Column({ name: 'linked_at', ...DATETIME })
  linkedAt: Date;
}

import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DATETIME } from './columns';

/**
 * Facts about the database itself. The row `initialised` is written once, in
 * the same transaction as the demo seed (or without it): the seed runs only
 * into a database that never had this row, never because a table looks empty.
 */
@Entity('app_meta')
export class AppMeta {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  key: string;

  @Column({ type: 'varchar', length: 255 })
  value: string;

  @Column({ name: 'updated_at', ...DATETIME })
  updatedAt: Date;
}

export const INITIALISED = 'initialised';

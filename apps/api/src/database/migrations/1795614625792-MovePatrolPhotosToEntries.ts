import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Patrol log photos used to be stored with the patrol's id in `ticket_id` and
 * the entry's id in `history_id`. They move to their own column, matched on
 * both ids so a real ticket's photo can never be taken for a patrol's; down
 * puts them back the old way before the column goes.
 */
export class MovePatrolPhotosToEntries1795614625792 implements MigrationInterface {
  name = 'MovePatrolPhotosToEntries1795614625792';

  async up(q: QueryRunner): Promise<void> {
    await q.query("ALTER TABLE `uploads` ADD `patrol_entry_id` varchar(36) NULL");
    await q.query("CREATE INDEX `idx_uploads_patrol_entry` ON `uploads` (`patrol_entry_id`)");
    await q.query(
      'UPDATE `uploads` u JOIN `patrol_entries` e ON e.`id` = u.`history_id` AND e.`patrol_id` = u.`ticket_id` ' +
        'SET u.`patrol_entry_id` = e.`id`, u.`ticket_id` = NULL, u.`history_id` = NULL',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('UPDATE `uploads` u JOIN `patrol_entries` e ON e.`id` = u.`patrol_entry_id` SET u.`ticket_id` = e.`patrol_id`, u.`history_id` = e.`id`');
    await q.query("DROP INDEX `idx_uploads_patrol_entry` ON `uploads`");
    await q.query("ALTER TABLE `uploads` DROP COLUMN `patrol_entry_id`");
  }
}

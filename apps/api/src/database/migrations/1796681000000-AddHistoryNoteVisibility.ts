import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddHistoryNoteVisibility1796681000000 implements MigrationInterface {
  name = 'AddHistoryNoteVisibility1796681000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query("ALTER TABLE `ticket_history` ADD `visibility` varchar(10) NOT NULL DEFAULT 'internal'");
    // Rows already written: the resident's own words, the answer, the refusal and intake were always shown to
    // the resident; everything else (dispatch instructions, staff comments, overrides, extensions) stays internal.
    await q.query(
      "UPDATE `ticket_history` SET `visibility` = 'public' WHERE `actor_role` = 'resident' OR (`action` IN ('submit', 'accept', 'decline', 'feedback', 'settle_on_site', 'evaluate') AND `actor_role` <> 'system')",
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE `ticket_history` DROP COLUMN `visibility`');
  }
}

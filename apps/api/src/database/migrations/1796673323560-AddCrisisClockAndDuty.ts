import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddCrisisClockAndDuty1796673323560 implements MigrationInterface {
  name = 'AddCrisisClockAndDuty1796673323560';

  async up(q: QueryRunner): Promise<void> {
    await q.query("ALTER TABLE `tickets` ADD `urgent` tinyint NOT NULL DEFAULT 0");
    await q.query("ALTER TABLE `tickets` ADD `accept_deadline` datetime(3) NULL");
    await q.query("ALTER TABLE `tickets` ADD `accept_chased_at` datetime(3) NULL");
    await q.query("ALTER TABLE `users` ADD `on_duty_since` datetime(3) NULL");
    await q.query("CREATE INDEX `idx_tickets_status_accept_deadline` ON `tickets` (`status`, `accept_deadline`)");
    // Tickets already waiting get DOMAIN.md's 24-hour acceptance clock from when they were filed.
    await q.query("UPDATE `tickets` SET `accept_deadline` = `created_at` + INTERVAL 24 HOUR WHERE `status` = 'submitted'");
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query("DROP INDEX `idx_tickets_status_accept_deadline` ON `tickets`");
    await q.query("ALTER TABLE `users` DROP COLUMN `on_duty_since`");
    await q.query("ALTER TABLE `tickets` DROP COLUMN `accept_chased_at`");
    await q.query("ALTER TABLE `tickets` DROP COLUMN `accept_deadline`");
    await q.query("ALTER TABLE `tickets` DROP COLUMN `urgent`");
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddOpen311Partners1796674046664 implements MigrationInterface {
  name = 'AddOpen311Partners1796674046664';

  async up(q: QueryRunner): Promise<void> {
    await q.query("CREATE TABLE `partners` (`id` varchar(36) NOT NULL, `name` varchar(80) NOT NULL, `channel` varchar(20) NOT NULL, `scopes` text NOT NULL, `unit_id` varchar(36) NOT NULL, `key_prefix` varchar(16) NOT NULL, `key_hash` varchar(64) NOT NULL, `rate_per_minute` int NOT NULL, `created_by` varchar(36) NOT NULL, `created_at` datetime(3) NOT NULL, `revoked_at` datetime(3) NULL, INDEX `idx_partners_unit` (`unit_id`), UNIQUE INDEX `uq_partners_key_hash` (`key_hash`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query("DROP INDEX `uq_partners_key_hash` ON `partners`");
    await q.query("DROP INDEX `idx_partners_unit` ON `partners`");
    await q.query("DROP TABLE `partners`");
  }
}

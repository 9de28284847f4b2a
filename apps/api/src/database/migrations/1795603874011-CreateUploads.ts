import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateUploads1795603874011 implements MigrationInterface {
  name = 'CreateUploads1795603874011';

  async up(q: QueryRunner): Promise<void> {
    await q.query("CREATE TABLE `uploads` (`id` varchar(36) NOT NULL, `owner_id` varchar(36) NOT NULL, `ticket_id` varchar(36) NULL, `history_id` varchar(36) NULL, `sort_order` smallint NOT NULL DEFAULT '0', `width` int NOT NULL, `height` int NOT NULL, `bytes` int NOT NULL, `created_at` datetime(3) NOT NULL, `attached_at` datetime(3) NULL, INDEX `idx_uploads_ticket_created` (`ticket_id`, `created_at`), INDEX `idx_uploads_owner_created` (`owner_id`, `created_at`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query("DROP INDEX `idx_uploads_owner_created` ON `uploads`");
    await q.query("DROP INDEX `idx_uploads_ticket_created` ON `uploads`");
    await q.query("DROP TABLE `uploads`");
  }
}

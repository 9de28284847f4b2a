import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddChannelsAndMessages1795606110012 implements MigrationInterface {
  name = 'AddChannelsAndMessages1795606110012';

  async up(q: QueryRunner): Promise<void> {
    await q.query("CREATE TABLE `hotline_orders` (`id` varchar(36) NOT NULL, `source` varchar(20) NOT NULL, `order_no` varchar(64) NOT NULL, `ticket_id` varchar(36) NOT NULL, `received_at` datetime(3) NULL, `imported_by` varchar(36) NOT NULL, `created_at` datetime(3) NOT NULL, UNIQUE INDEX `uq_hotline_orders_source_no` (`source`, `order_no`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await q.query("CREATE TABLE `messages` (`id` varchar(36) NOT NULL, `user_id` varchar(36) NOT NULL, `kind` varchar(32) NOT NULL, `title` varchar(100) NOT NULL, `body` varchar(500) NOT NULL, `ticket_id` varchar(36) NULL, `read_at` datetime(3) NULL, `created_at` datetime(3) NOT NULL, INDEX `idx_messages_user_read` (`user_id`, `read_at`), INDEX `idx_messages_user_created` (`user_id`, `created_at`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await q.query("CREATE TABLE `notification_outbox` (`id` varchar(36) NOT NULL, `channel` varchar(8) NOT NULL, `message_id` varchar(36) NOT NULL, `user_id` varchar(36) NOT NULL, `payload` text NOT NULL, `status` varchar(8) NOT NULL, `attempts` int NOT NULL DEFAULT '0', `next_attempt_at` datetime(3) NOT NULL, `last_error` varchar(200) NULL, `created_at` datetime(3) NOT NULL, `sent_at` datetime(3) NULL, INDEX `idx_notification_outbox_due` (`status`, `next_attempt_at`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await q.query("CREATE TABLE `wechat_subscriptions` (`user_id` varchar(36) NOT NULL, `template_id` varchar(64) NOT NULL, `remaining` int NOT NULL DEFAULT '0', `updated_at` datetime(3) NOT NULL, PRIMARY KEY (`user_id`, `template_id`)) ENGINE=InnoDB");
    await q.query("CREATE TABLE `patrols` (`id` varchar(36) NOT NULL, `worker_id` varchar(36) NOT NULL, `grid_id` varchar(36) NOT NULL, `status` varchar(12) NOT NULL, `day` varchar(10) NOT NULL, `open_worker_id` varchar(36) NULL, `note` varchar(1000) NULL, `finish_note` varchar(1000) NULL, `started_at` datetime(3) NOT NULL, `ended_at` datetime(3) NULL, UNIQUE INDEX `uq_patrols_open_worker` (`open_worker_id`), INDEX `idx_patrols_status_day` (`status`, `day`), INDEX `idx_patrols_grid_day` (`grid_id`, `day`), INDEX `idx_patrols_worker_day` (`worker_id`, `day`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await q.query("CREATE TABLE `patrol_entries` (`id` varchar(36) NOT NULL, `patrol_id` varchar(36) NOT NULL, `note` varchar(1000) NULL, `lat` decimal(10,7) NULL, `lng` decimal(10,7) NULL, `address` varchar(200) NULL, `at` datetime(3) NOT NULL, INDEX `idx_patrol_entries_patrol_at` (`patrol_id`, `at`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await q.query("CREATE TABLE `patrol_tickets` (`ticket_id` varchar(36) NOT NULL, `patrol_id` varchar(36) NOT NULL, `linked_at` datetime(3) NOT NULL, INDEX `idx_patrol_tickets_patrol` (`patrol_id`), PRIMARY KEY (`ticket_id`)) ENGINE=InnoDB");
    await q.query("CREATE TABLE `walk_ins` (`id` varchar(36) NOT NULL, `ticket_id` varchar(36) NOT NULL, `visitor_name_enc` varchar(255) NOT NULL, `visitor_phone_enc` varchar(255) NOT NULL, `id_number_enc` varchar(255) NOT NULL, `id_number_masked` varchar(18) NOT NULL, `parties_enc` text NOT NULL, `unit_id` varchar(36) NOT NULL, `registered_by` varchar(36) NOT NULL, `created_at` datetime(3) NOT NULL, INDEX `idx_walk_ins_unit_created` (`unit_id`, `created_at`), UNIQUE INDEX `uq_walk_ins_ticket` (`ticket_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query("DROP INDEX `uq_walk_ins_ticket` ON `walk_ins`");
    await q.query("DROP INDEX `idx_walk_ins_unit_created` ON `walk_ins`");
    await q.query("DROP TABLE `walk_ins`");
    await q.query("DROP INDEX `idx_patrol_tickets_patrol` ON `patrol_tickets`");
    await q.query("DROP TABLE `patrol_tickets`");
    await q.query("DROP INDEX `idx_patrol_entries_patrol_at` ON `patrol_entries`");
    await q.query("DROP TABLE `patrol_entries`");
    await q.query("DROP INDEX `idx_patrols_worker_day` ON `patrols`");
    await q.query("DROP INDEX `idx_patrols_grid_day` ON `patrols`");
    await q.query("DROP INDEX `idx_patrols_status_day` ON `patrols`");
    await q.query("DROP INDEX `uq_patrols_open_worker` ON `patrols`");
    await q.query("DROP TABLE `patrols`");
    await q.query("DROP TABLE `wechat_subscriptions`");
    await q.query("DROP INDEX `idx_notification_outbox_due` ON `notification_outbox`");
    await q.query("DROP TABLE `notification_outbox`");
    await q.query("DROP INDEX `idx_messages_user_created` ON `messages`");
    await q.query("DROP INDEX `idx_messages_user_read` ON `messages`");
    await q.query("DROP TABLE `messages`");
    await q.query("DROP INDEX `uq_hotline_orders_source_no` ON `hotline_orders`");
    await q.query("DROP TABLE `hotline_orders`");
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateInitialSchema1795602986723 implements MigrationInterface {
  name = 'CreateInitialSchema1795602986723';

  async up(q: QueryRunner): Promise<void> {
    await q.query("CREATE TABLE `sms_codes` (`id` varchar(36) NOT NULL, `phone` varchar(20) NOT NULL, `code_hash` varchar(64) NOT NULL, `ip` varchar(64) NOT NULL, `attempts` int NOT NULL DEFAULT '0', `expires_at` datetime(3) NOT NULL, `consumed_at` datetime(3) NULL, `created_at` datetime(3) NOT NULL, INDEX `idx_sms_codes_ip_created` (`ip`, `created_at`), INDEX `idx_sms_codes_phone_created` (`phone`, `created_at`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await q.query("CREATE TABLE `departments` (`id` varchar(36) NOT NULL, `code` varchar(32) NOT NULL, `name` varchar(80) NOT NULL, `unit_id` varchar(36) NOT NULL, UNIQUE INDEX `uq_departments_unit_code` (`unit_id`, `code`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await q.query("CREATE TABLE `org_units` (`id` varchar(36) NOT NULL, `code` varchar(40) NOT NULL, `name` varchar(80) NOT NULL, `level` varchar(16) NOT NULL, `parent_id` varchar(36) NULL, `boundary` text NULL, `center_lat` decimal(10,7) NULL, `center_lng` decimal(10,7) NULL, UNIQUE INDEX `uq_org_units_code` (`code`), INDEX `idx_org_units_parent` (`parent_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await q.query("CREATE TABLE `ticket_history` (`id` varchar(36) NOT NULL, `ticket_id` varchar(36) NOT NULL, `action` varchar(20) NOT NULL, `from_status` varchar(20) NULL, `to_status` varchar(20) NOT NULL, `actor_id` varchar(36) NOT NULL, `actor_role` varchar(16) NOT NULL, `actor_label` varchar(80) NOT NULL, `note` text NULL, `data` text NULL, `at` datetime(3) NOT NULL, INDEX `idx_ticket_history_ticket_at` (`ticket_id`, `at`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await q.query("CREATE TABLE `tickets` (`id` varchar(36) NOT NULL, `case_code` varchar(16) NOT NULL, `status` varchar(20) NOT NULL, `channel` varchar(20) NOT NULL, `text` text NOT NULL, `reporter_id` varchar(36) NOT NULL, `idempotency_key` varchar(64) NULL, `contact_phone` varchar(20) NULL, `anonymous` tinyint NOT NULL DEFAULT 0, `lat` decimal(10,7) NULL, `lng` decimal(10,7) NULL, `address` varchar(200) NULL, `location_unverified` tinyint NOT NULL DEFAULT 0, `grid_id` varchar(36) NULL, `community_id` varchar(36) NULL, `street_id` varchar(36) NULL, `district_id` varchar(36) NOT NULL, `unit_id` varchar(36) NOT NULL, `department_id` varchar(36) NULL, `triage` text NULL, `category` varchar(24) NULL, `risk_level` varchar(8) NULL, `dispatched_at` datetime(3) NULL, `sign_deadline` datetime(3) NULL, `resolve_deadline` datetime(3) NULL, `created_at` datetime(3) NOT NULL, `updated_at` datetime(3) NOT NULL, INDEX `idx_tickets_created` (`created_at`), INDEX `idx_tickets_reporter_created` (`reporter_id`, `created_at`), INDEX `idx_tickets_grid` (`grid_id`), INDEX `idx_tickets_department_status` (`department_id`, `status`), INDEX `idx_tickets_unit_status` (`unit_id`, `status`), UNIQUE INDEX `uq_tickets_reporter_idem` (`reporter_id`, `idempotency_key`), UNIQUE INDEX `uq_tickets_case_code` (`case_code`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await q.query("CREATE TABLE `users` (`id` varchar(36) NOT NULL, `role` varchar(16) NOT NULL, `display_name` varchar(64) NOT NULL, `username` varchar(64) NULL, `password_hash` varchar(255) NULL, `phone` varchar(20) NULL, `wechat_openid` varchar(64) NULL, `unit_id` varchar(36) NULL, `department_id` varchar(36) NULL, `grid_id` varchar(36) NULL, `created_at` datetime(3) NOT NULL, UNIQUE INDEX `uq_users_wechat_openid` (`wechat_openid`), UNIQUE INDEX `uq_users_phone` (`phone`), UNIQUE INDEX `uq_users_username` (`username`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query("DROP INDEX `uq_users_username` ON `users`");
    await q.query("DROP INDEX `uq_users_phone` ON `users`");
    await q.query("DROP INDEX `uq_users_wechat_openid` ON `users`");
    await q.query("DROP TABLE `users`");
    await q.query("DROP INDEX `uq_tickets_case_code` ON `tickets`");
    await q.query("DROP INDEX `uq_tickets_reporter_idem` ON `tickets`");
    await q.query("DROP INDEX `idx_tickets_unit_status` ON `tickets`");
    await q.query("DROP INDEX `idx_tickets_department_status` ON `tickets`");
    await q.query("DROP INDEX `idx_tickets_grid` ON `tickets`");
    await q.query("DROP INDEX `idx_tickets_reporter_created` ON `tickets`");
    await q.query("DROP INDEX `idx_tickets_created` ON `tickets`");
    await q.query("DROP TABLE `tickets`");
    await q.query("DROP INDEX `idx_ticket_history_ticket_at` ON `ticket_history`");
    await q.query("DROP TABLE `ticket_history`");
    await q.query("DROP INDEX `idx_org_units_parent` ON `org_units`");
    await q.query("DROP INDEX `uq_org_units_code` ON `org_units`");
    await q.query("DROP TABLE `org_units`");
    await q.query("DROP INDEX `uq_departments_unit_code` ON `departments`");
    await q.query("DROP TABLE `departments`");
    await q.query("DROP INDEX `idx_sms_codes_phone_created` ON `sms_codes`");
    await q.query("DROP INDEX `idx_sms_codes_ip_created` ON `sms_codes`");
    await q.query("DROP TABLE `sms_codes`");
  }
}

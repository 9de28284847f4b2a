import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddTicketLifecycle1795604191622 implements MigrationInterface {
  name = 'AddTicketLifecycle1795604191622';

  async up(q: QueryRunner): Promise<void> {
    await q.query("CREATE TABLE `config_changes` (`id` varchar(36) NOT NULL, `kind` varchar(32) NOT NULL, `scope_id` varchar(36) NULL, `actor_id` varchar(36) NOT NULL, `old_value` text NULL, `new_value` text NOT NULL, `at` datetime(3) NOT NULL, INDEX `idx_config_changes_kind_at` (`kind`, `at`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await q.query("CREATE TABLE `extension_requests` (`id` varchar(36) NOT NULL, `ticket_id` varchar(36) NOT NULL, `pending_key` varchar(36) NULL, `requested_by` varchar(36) NOT NULL, `department_id` varchar(36) NOT NULL, `reason` text NOT NULL, `current_deadline` datetime(3) NOT NULL, `requested_deadline` datetime(3) NOT NULL, `status` varchar(10) NOT NULL, `decided_by` varchar(36) NULL, `decided_at` datetime(3) NULL, `decision_note` text NULL, `created_at` datetime(3) NOT NULL, UNIQUE INDEX `uq_extension_requests_pending` (`pending_key`), INDEX `idx_extension_requests_ticket` (`ticket_id`), INDEX `idx_extension_requests_status_created` (`status`, `created_at`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await q.query("CREATE TABLE `supervision_notices` (`id` varchar(36) NOT NULL, `ticket_id` varchar(36) NOT NULL, `kind` varchar(8) NOT NULL, `deadline_at` datetime(3) NULL, `department_id` varchar(36) NULL, `unit_id` varchar(36) NOT NULL, `issued_by` varchar(36) NULL, `note` text NULL, `history_id` varchar(36) NOT NULL, `created_at` datetime(3) NOT NULL, INDEX `idx_supervision_notices_unit` (`unit_id`, `created_at`), INDEX `idx_supervision_notices_department` (`department_id`, `created_at`), UNIQUE INDEX `uq_supervision_notices_crossing` (`ticket_id`, `kind`, `deadline_at`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await q.query("CREATE TABLE `time_limit_rules` (`rule_key` varchar(40) NOT NULL, `risk_level` varchar(8) NOT NULL, `category` varchar(24) NULL, `sign_minutes` int NOT NULL, `resolve_minutes` int NOT NULL, `updated_by` varchar(36) NOT NULL, `updated_at` datetime(3) NOT NULL, PRIMARY KEY (`rule_key`)) ENGINE=InnoDB");
    await q.query("CREATE TABLE `routing_rules` (`district_id` varchar(36) NOT NULL, `department_by_category` text NOT NULL, `tier_by_risk` text NOT NULL, `updated_by` varchar(36) NOT NULL, `updated_at` datetime(3) NOT NULL, PRIMARY KEY (`district_id`)) ENGINE=InnoDB");
    await q.query("CREATE TABLE `ticket_departments` (`ticket_id` varchar(36) NOT NULL, `department_id` varchar(36) NOT NULL, `role` varchar(8) NOT NULL, `assigned_at` datetime(3) NOT NULL, INDEX `idx_ticket_departments_department` (`department_id`), PRIMARY KEY (`ticket_id`, `department_id`)) ENGINE=InnoDB");
    await q.query("CREATE TABLE `triage_overrides` (`id` varchar(36) NOT NULL, `ticket_id` varchar(36) NOT NULL, `actor_id` varchar(36) NOT NULL, `before` text NOT NULL, `after` text NOT NULL, `reason` text NOT NULL, `at` datetime(3) NOT NULL, INDEX `idx_triage_overrides_ticket` (`ticket_id`), INDEX `idx_triage_overrides_at` (`at`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await q.query("ALTER TABLE `ticket_history` ADD `seq` int NOT NULL DEFAULT '0'");
    await q.query("ALTER TABLE `tickets` ADD `suggested_department` varchar(32) NULL");
    await q.query("ALTER TABLE `tickets` ADD `sign_yellow_at` datetime(3) NULL");
    await q.query("ALTER TABLE `tickets` ADD `resolve_yellow_at` datetime(3) NULL");
    await q.query("ALTER TABLE `tickets` ADD `reopen_count` int NOT NULL DEFAULT '0'");
    await q.query("CREATE INDEX `idx_ticket_history_ticket_seq` ON `ticket_history` (`ticket_id`, `seq`)");
    await q.query("CREATE INDEX `idx_tickets_status_resolve_deadline` ON `tickets` (`status`, `resolve_deadline`)");
    await q.query("CREATE INDEX `idx_tickets_status_sign_deadline` ON `tickets` (`status`, `sign_deadline`)");
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query("DROP INDEX `idx_tickets_status_sign_deadline` ON `tickets`");
    await q.query("DROP INDEX `idx_tickets_status_resolve_deadline` ON `tickets`");
    await q.query("DROP INDEX `idx_ticket_history_ticket_seq` ON `ticket_history`");
    await q.query("ALTER TABLE `tickets` DROP COLUMN `reopen_count`");
    await q.query("ALTER TABLE `tickets` DROP COLUMN `resolve_yellow_at`");
    await q.query("ALTER TABLE `tickets` DROP COLUMN `sign_yellow_at`");
    await q.query("ALTER TABLE `tickets` DROP COLUMN `suggested_department`");
    await q.query("ALTER TABLE `ticket_history` DROP COLUMN `seq`");
    await q.query("DROP INDEX `idx_triage_overrides_at` ON `triage_overrides`");
    await q.query("DROP INDEX `idx_triage_overrides_ticket` ON `triage_overrides`");
    await q.query("DROP TABLE `triage_overrides`");
    await q.query("DROP INDEX `idx_ticket_departments_department` ON `ticket_departments`");
    await q.query("DROP TABLE `ticket_departments`");
    await q.query("DROP TABLE `routing_rules`");
    await q.query("DROP TABLE `time_limit_rules`");
    await q.query("DROP INDEX `uq_supervision_notices_crossing` ON `supervision_notices`");
    await q.query("DROP INDEX `idx_supervision_notices_department` ON `supervision_notices`");
    await q.query("DROP INDEX `idx_supervision_notices_unit` ON `supervision_notices`");
    await q.query("DROP TABLE `supervision_notices`");
    await q.query("DROP INDEX `idx_extension_requests_status_created` ON `extension_requests`");
    await q.query("DROP INDEX `idx_extension_requests_ticket` ON `extension_requests`");
    await q.query("DROP INDEX `uq_extension_requests_pending` ON `extension_requests`");
    await q.query("DROP TABLE `extension_requests`");
    await q.query("DROP INDEX `idx_config_changes_kind_at` ON `config_changes`");
    await q.query("DROP TABLE `config_changes`");
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddSecurityAuditAndSessions1796673177666 implements MigrationInterface {
  name = 'AddSecurityAuditAndSessions1796673177666';

  async up(q: QueryRunner): Promise<void> {
    await q.query("CREATE TABLE `auth_sessions` (`id` varchar(36) NOT NULL, `user_id` varchar(36) NOT NULL, `ip` varchar(64) NULL, `created_at` datetime(3) NOT NULL, `expires_at` datetime(3) NOT NULL, `revoked_at` datetime(3) NULL, `revoke_reason` varchar(32) NULL, INDEX `idx_auth_sessions_user` (`user_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await q.query("CREATE TABLE `refresh_tokens` (`token_hash` varchar(64) NOT NULL, `session_id` varchar(36) NOT NULL, `created_at` datetime(3) NOT NULL, `expires_at` datetime(3) NOT NULL, `used_at` datetime(3) NULL, INDEX `idx_refresh_tokens_session` (`session_id`), PRIMARY KEY (`token_hash`)) ENGINE=InnoDB");
    await q.query("CREATE TABLE `rate_limits` (`bucket` varchar(160) NOT NULL, `failures` int NOT NULL, `window_start` datetime(3) NOT NULL, `blocked_until` datetime(3) NULL, PRIMARY KEY (`bucket`)) ENGINE=InnoDB");
    await q.query("CREATE TABLE `audit_log` (`id` varchar(36) NOT NULL, `at` datetime(3) NOT NULL, `action` varchar(40) NOT NULL, `actor_id` varchar(36) NULL, `actor_role` varchar(16) NULL, `actor_label` varchar(64) NULL, `ip` varchar(64) NULL, `target_type` varchar(32) NULL, `target_id` varchar(64) NULL, `detail` text NULL, INDEX `idx_audit_log_actor_at` (`actor_id`, `at`), INDEX `idx_audit_log_action_at` (`action`, `at`), INDEX `idx_audit_log_at` (`at`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await q.query("ALTER TABLE `users` ADD `disabled_at` datetime(3) NULL");
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query("ALTER TABLE `users` DROP COLUMN `disabled_at`");
    await q.query("DROP INDEX `idx_audit_log_at` ON `audit_log`");
    await q.query("DROP INDEX `idx_audit_log_action_at` ON `audit_log`");
    await q.query("DROP INDEX `idx_audit_log_actor_at` ON `audit_log`");
    await q.query("DROP TABLE `audit_log`");
    await q.query("DROP TABLE `rate_limits`");
    await q.query("DROP INDEX `idx_refresh_tokens_session` ON `refresh_tokens`");
    await q.query("DROP TABLE `refresh_tokens`");
    await q.query("DROP INDEX `idx_auth_sessions_user` ON `auth_sessions`");
    await q.query("DROP TABLE `auth_sessions`");
  }
}

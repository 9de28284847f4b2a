import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddSecurityAuditSessionsAndOpen311Partners1796675422718 implements MigrationInterface {
  name = 'AddSecurityAuditSessionsAndOpen311Partners1796675422718';

  async up(q: QueryRunner): Promise<void> {
    await q.query("CREATE TABLE \"auth_sessions\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"user_id\" varchar(36) NOT NULL, \"ip\" varchar(64), \"created_at\" datetime(3) NOT NULL, \"expires_at\" datetime(3) NOT NULL, \"revoked_at\" datetime(3), \"revoke_reason\" varchar(32))");
    await q.query("CREATE INDEX \"idx_auth_sessions_user\" ON \"auth_sessions\" (\"user_id\") ");
    await q.query("CREATE TABLE \"refresh_tokens\" (\"token_hash\" varchar(64) PRIMARY KEY NOT NULL, \"session_id\" varchar(36) NOT NULL, \"created_at\" datetime(3) NOT NULL, \"expires_at\" datetime(3) NOT NULL, \"used_at\" datetime(3))");
    await q.query("CREATE INDEX \"idx_refresh_tokens_session\" ON \"refresh_tokens\" (\"session_id\") ");
    await q.query("CREATE TABLE \"rate_limits\" (\"bucket\" varchar(160) PRIMARY KEY NOT NULL, \"failures\" integer NOT NULL, \"window_start\" datetime(3) NOT NULL, \"blocked_until\" datetime(3))");
    await q.query("CREATE TABLE \"audit_log\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"at\" datetime(3) NOT NULL, \"action\" varchar(40) NOT NULL, \"actor_id\" varchar(36), \"actor_role\" varchar(16), \"actor_label\" varchar(64), \"ip\" varchar(64), \"target_type\" varchar(32), \"target_id\" varchar(64), \"detail\" text)");
    await q.query("CREATE INDEX \"idx_audit_log_actor_at\" ON \"audit_log\" (\"actor_id\", \"at\") ");
    await q.query("CREATE INDEX \"idx_audit_log_action_at\" ON \"audit_log\" (\"action\", \"at\") ");
    await q.query("CREATE INDEX \"idx_audit_log_at\" ON \"audit_log\" (\"at\") ");
    await q.query("CREATE TABLE \"partners\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"name\" varchar(80) NOT NULL, \"channel\" varchar(20) NOT NULL, \"scopes\" text NOT NULL, \"unit_id\" varchar(36) NOT NULL, \"key_prefix\" varchar(16) NOT NULL, \"key_hash\" varchar(64) NOT NULL, \"rate_per_minute\" integer NOT NULL, \"created_by\" varchar(36) NOT NULL, \"created_at\" datetime(3) NOT NULL, \"revoked_at\" datetime(3))");
    await q.query("CREATE INDEX \"idx_partners_unit\" ON \"partners\" (\"unit_id\") ");
    await q.query("CREATE UNIQUE INDEX \"uq_partners_key_hash\" ON \"partners\" (\"key_hash\") ");
    await q.query("DROP INDEX \"uq_users_wechat_openid\"");
    await q.query("DROP INDEX \"uq_users_phone\"");
    await q.query("DROP INDEX \"uq_users_username\"");
    await q.query("CREATE TABLE \"temporary_users\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"role\" varchar(16) NOT NULL, \"display_name\" varchar(64) NOT NULL, \"username\" varchar(64), \"password_hash\" varchar(255), \"phone\" varchar(20), \"wechat_openid\" varchar(64), \"unit_id\" varchar(36), \"department_id\" varchar(36), \"grid_id\" varchar(36), \"created_at\" datetime(3) NOT NULL, \"on_duty_since\" datetime(3), \"disabled_at\" datetime(3))");
    await q.query("INSERT INTO \"temporary_users\"(\"id\", \"role\", \"display_name\", \"username\", \"password_hash\", \"phone\", \"wechat_openid\", \"unit_id\", \"department_id\", \"grid_id\", \"created_at\", \"on_duty_since\") SELECT \"id\", \"role\", \"display_name\", \"username\", \"password_hash\", \"phone\", \"wechat_openid\", \"unit_id\", \"department_id\", \"grid_id\", \"created_at\", \"on_duty_since\" FROM \"users\"");
    await q.query("DROP TABLE \"users\"");
    await q.query("ALTER TABLE \"temporary_users\" RENAME TO \"users\"");
    await q.query("CREATE UNIQUE INDEX \"uq_users_wechat_openid\" ON \"users\" (\"wechat_openid\") ");
    await q.query("CREATE UNIQUE INDEX \"uq_users_phone\" ON \"users\" (\"phone\") ");
    await q.query("CREATE UNIQUE INDEX \"uq_users_username\" ON \"users\" (\"username\") ");
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query("DROP INDEX \"uq_users_username\"");
    await q.query("DROP INDEX \"uq_users_phone\"");
    await q.query("DROP INDEX \"uq_users_wechat_openid\"");
    await q.query("ALTER TABLE \"users\" RENAME TO \"temporary_users\"");
    await q.query("CREATE TABLE \"users\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"role\" varchar(16) NOT NULL, \"display_name\" varchar(64) NOT NULL, \"username\" varchar(64), \"password_hash\" varchar(255), \"phone\" varchar(20), \"wechat_openid\" varchar(64), \"unit_id\" varchar(36), \"department_id\" varchar(36), \"grid_id\" varchar(36), \"created_at\" datetime(3) NOT NULL, \"on_duty_since\" datetime(3))");
    await q.query("INSERT INTO \"users\"(\"id\", \"role\", \"display_name\", \"username\", \"password_hash\", \"phone\", \"wechat_openid\", \"unit_id\", \"department_id\", \"grid_id\", \"created_at\", \"on_duty_since\") SELECT \"id\", \"role\", \"display_name\", \"username\", \"password_hash\", \"phone\", \"wechat_openid\", \"unit_id\", \"department_id\", \"grid_id\", \"created_at\", \"on_duty_since\" FROM \"temporary_users\"");
    await q.query("DROP TABLE \"temporary_users\"");
    await q.query("CREATE UNIQUE INDEX \"uq_users_username\" ON \"users\" (\"username\") ");
    await q.query("CREATE UNIQUE INDEX \"uq_users_phone\" ON \"users\" (\"phone\") ");
    await q.query("CREATE UNIQUE INDEX \"uq_users_wechat_openid\" ON \"users\" (\"wechat_openid\") ");
    await q.query("DROP INDEX \"uq_partners_key_hash\"");
    await q.query("DROP INDEX \"idx_partners_unit\"");
    await q.query("DROP TABLE \"partners\"");
    await q.query("DROP INDEX \"idx_audit_log_at\"");
    await q.query("DROP INDEX \"idx_audit_log_action_at\"");
    await q.query("DROP INDEX \"idx_audit_log_actor_at\"");
    await q.query("DROP TABLE \"audit_log\"");
    await q.query("DROP TABLE \"rate_limits\"");
    await q.query("DROP INDEX \"idx_refresh_tokens_session\"");
    await q.query("DROP TABLE \"refresh_tokens\"");
    await q.query("DROP INDEX \"idx_auth_sessions_user\"");
    await q.query("DROP TABLE \"auth_sessions\"");
  }
}

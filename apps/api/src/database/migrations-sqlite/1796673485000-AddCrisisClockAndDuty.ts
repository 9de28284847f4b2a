import type { MigrationInterface, QueryRunner } from 'typeorm';

/** SQLite's counterpart of the MySQL AddCrisisClockAndDuty1796673323560. */
export class AddCrisisClockAndDuty1796673485000 implements MigrationInterface {
  name = 'AddCrisisClockAndDuty1796673485000';

  async up(q: QueryRunner): Promise<void> {
    await q.query("DROP INDEX \"uq_tickets_case_code\"");
    await q.query("DROP INDEX \"uq_tickets_reporter_idem\"");
    await q.query("DROP INDEX \"idx_tickets_unit_status\"");
    await q.query("DROP INDEX \"idx_tickets_department_status\"");
    await q.query("DROP INDEX \"idx_tickets_grid\"");
    await q.query("DROP INDEX \"idx_tickets_reporter_created\"");
    await q.query("DROP INDEX \"idx_tickets_created\"");
    await q.query("DROP INDEX \"idx_tickets_status_sign_deadline\"");
    await q.query("DROP INDEX \"idx_tickets_status_resolve_deadline\"");
    await q.query("CREATE TABLE \"temporary_tickets\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"case_code\" varchar(16) NOT NULL, \"status\" varchar(20) NOT NULL, \"channel\" varchar(20) NOT NULL, \"text\" text NOT NULL, \"reporter_id\" varchar(36) NOT NULL, \"idempotency_key\" varchar(64), \"contact_phone\" varchar(20), \"anonymous\" boolean NOT NULL DEFAULT (0), \"lat\" decimal(10,7), \"lng\" decimal(10,7), \"address\" varchar(200), \"location_unverified\" boolean NOT NULL DEFAULT (0), \"grid_id\" varchar(36), \"community_id\" varchar(36), \"street_id\" varchar(36), \"district_id\" varchar(36) NOT NULL, \"unit_id\" varchar(36) NOT NULL, \"department_id\" varchar(36), \"triage\" text, \"category\" varchar(24), \"risk_level\" varchar(8), \"suggested_department\" varchar(32), \"dispatched_at\" datetime(3), \"sign_deadline\" datetime(3), \"sign_yellow_at\" datetime(3), \"resolve_deadline\" datetime(3), \"resolve_yellow_at\" datetime(3), \"reopen_count\" integer NOT NULL DEFAULT (0), \"created_at\" datetime(3) NOT NULL, \"updated_at\" datetime(3) NOT NULL, \"urgent\" boolean NOT NULL DEFAULT (0), \"accept_deadline\" datetime(3), \"accept_chased_at\" datetime(3))");
    await q.query("INSERT INTO \"temporary_tickets\"(\"id\", \"case_code\", \"status\", \"channel\", \"text\", \"reporter_id\", \"idempotency_key\", \"contact_phone\", \"anonymous\", \"lat\", \"lng\", \"address\", \"location_unverified\", \"grid_id\", \"community_id\", \"street_id\", \"district_id\", \"unit_id\", \"department_id\", \"triage\", \"category\", \"risk_level\", \"suggested_department\", \"dispatched_at\", \"sign_deadline\", \"sign_yellow_at\", \"resolve_deadline\", \"resolve_yellow_at\", \"reopen_count\", \"created_at\", \"updated_at\") SELECT \"id\", \"case_code\", \"status\", \"channel\", \"text\", \"reporter_id\", \"idempotency_key\", \"contact_phone\", \"anonymous\", \"lat\", \"lng\", \"address\", \"location_unverified\", \"grid_id\", \"community_id\", \"street_id\", \"district_id\", \"unit_id\", \"department_id\", \"triage\", \"category\", \"risk_level\", \"suggested_department\", \"dispatched_at\", \"sign_deadline\", \"sign_yellow_at\", \"resolve_deadline\", \"resolve_yellow_at\", \"reopen_count\", \"created_at\", \"updated_at\" FROM \"tickets\"");
    await q.query("DROP TABLE \"tickets\"");
    await q.query("ALTER TABLE \"temporary_tickets\" RENAME TO \"tickets\"");
    await q.query("CREATE UNIQUE INDEX \"uq_tickets_case_code\" ON \"tickets\" (\"case_code\") ");
    await q.query("CREATE UNIQUE INDEX \"uq_tickets_reporter_idem\" ON \"tickets\" (\"reporter_id\", \"idempotency_key\") ");
    await q.query("CREATE INDEX \"idx_tickets_unit_status\" ON \"tickets\" (\"unit_id\", \"status\") ");
    await q.query("CREATE INDEX \"idx_tickets_department_status\" ON \"tickets\" (\"department_id\", \"status\") ");
    await q.query("CREATE INDEX \"idx_tickets_grid\" ON \"tickets\" (\"grid_id\") ");
    await q.query("CREATE INDEX \"idx_tickets_reporter_created\" ON \"tickets\" (\"reporter_id\", \"created_at\") ");
    await q.query("CREATE INDEX \"idx_tickets_created\" ON \"tickets\" (\"created_at\") ");
    await q.query("CREATE INDEX \"idx_tickets_status_sign_deadline\" ON \"tickets\" (\"status\", \"sign_deadline\") ");
    await q.query("CREATE INDEX \"idx_tickets_status_resolve_deadline\" ON \"tickets\" (\"status\", \"resolve_deadline\") ");
    await q.query("DROP INDEX \"uq_users_username\"");
    await q.query("DROP INDEX \"uq_users_phone\"");
    await q.query("DROP INDEX \"uq_users_wechat_openid\"");
    await q.query("CREATE TABLE \"temporary_users\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"role\" varchar(16) NOT NULL, \"display_name\" varchar(64) NOT NULL, \"username\" varchar(64), \"password_hash\" varchar(255), \"phone\" varchar(20), \"wechat_openid\" varchar(64), \"unit_id\" varchar(36), \"department_id\" varchar(36), \"grid_id\" varchar(36), \"created_at\" datetime(3) NOT NULL, \"on_duty_since\" datetime(3))");
    await q.query("INSERT INTO \"temporary_users\"(\"id\", \"role\", \"display_name\", \"username\", \"password_hash\", \"phone\", \"wechat_openid\", \"unit_id\", \"department_id\", \"grid_id\", \"created_at\") SELECT \"id\", \"role\", \"display_name\", \"username\", \"password_hash\", \"phone\", \"wechat_openid\", \"unit_id\", \"department_id\", \"grid_id\", \"created_at\" FROM \"users\"");
    await q.query("DROP TABLE \"users\"");
    await q.query("ALTER TABLE \"temporary_users\" RENAME TO \"users\"");
    await q.query("CREATE UNIQUE INDEX \"uq_users_username\" ON \"users\" (\"username\") ");
    await q.query("CREATE UNIQUE INDEX \"uq_users_phone\" ON \"users\" (\"phone\") ");
    await q.query("CREATE UNIQUE INDEX \"uq_users_wechat_openid\" ON \"users\" (\"wechat_openid\") ");
    await q.query("CREATE INDEX \"idx_tickets_status_accept_deadline\" ON \"tickets\" (\"status\", \"accept_deadline\") ");
    // Tickets already waiting get DOMAIN.md's 24-hour acceptance clock from when they were filed.
    await q.query("UPDATE \"tickets\" SET \"accept_deadline\" = strftime('%Y-%m-%d %H:%M:%f', \"created_at\", '+24 hours') WHERE \"status\" = 'submitted'");
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query("DROP INDEX \"idx_tickets_status_accept_deadline\"");
    await q.query("DROP INDEX \"uq_users_wechat_openid\"");
    await q.query("DROP INDEX \"uq_users_phone\"");
    await q.query("DROP INDEX \"uq_users_username\"");
    await q.query("ALTER TABLE \"users\" RENAME TO \"temporary_users\"");
    await q.query("CREATE TABLE \"users\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"role\" varchar(16) NOT NULL, \"display_name\" varchar(64) NOT NULL, \"username\" varchar(64), \"password_hash\" varchar(255), \"phone\" varchar(20), \"wechat_openid\" varchar(64), \"unit_id\" varchar(36), \"department_id\" varchar(36), \"grid_id\" varchar(36), \"created_at\" datetime(3) NOT NULL)");
    await q.query("INSERT INTO \"users\"(\"id\", \"role\", \"display_name\", \"username\", \"password_hash\", \"phone\", \"wechat_openid\", \"unit_id\", \"department_id\", \"grid_id\", \"created_at\") SELECT \"id\", \"role\", \"display_name\", \"username\", \"password_hash\", \"phone\", \"wechat_openid\", \"unit_id\", \"department_id\", \"grid_id\", \"created_at\" FROM \"temporary_users\"");
    await q.query("DROP TABLE \"temporary_users\"");
    await q.query("CREATE UNIQUE INDEX \"uq_users_wechat_openid\" ON \"users\" (\"wechat_openid\") ");
    await q.query("CREATE UNIQUE INDEX \"uq_users_phone\" ON \"users\" (\"phone\") ");
    await q.query("CREATE UNIQUE INDEX \"uq_users_username\" ON \"users\" (\"username\") ");
    await q.query("DROP INDEX \"idx_tickets_status_resolve_deadline\"");
    await q.query("DROP INDEX \"idx_tickets_status_sign_deadline\"");
    await q.query("DROP INDEX \"idx_tickets_created\"");
    await q.query("DROP INDEX \"idx_tickets_reporter_created\"");
    await q.query("DROP INDEX \"idx_tickets_grid\"");
    await q.query("DROP INDEX \"idx_tickets_department_status\"");
    await q.query("DROP INDEX \"idx_tickets_unit_status\"");
    await q.query("DROP INDEX \"uq_tickets_reporter_idem\"");
    await q.query("DROP INDEX \"uq_tickets_case_code\"");
    await q.query("ALTER TABLE \"tickets\" RENAME TO \"temporary_tickets\"");
    await q.query("CREATE TABLE \"tickets\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"case_code\" varchar(16) NOT NULL, \"status\" varchar(20) NOT NULL, \"channel\" varchar(20) NOT NULL, \"text\" text NOT NULL, \"reporter_id\" varchar(36) NOT NULL, \"idempotency_key\" varchar(64), \"contact_phone\" varchar(20), \"anonymous\" boolean NOT NULL DEFAULT (0), \"lat\" decimal(10,7), \"lng\" decimal(10,7), \"address\" varchar(200), \"location_unverified\" boolean NOT NULL DEFAULT (0), \"grid_id\" varchar(36), \"community_id\" varchar(36), \"street_id\" varchar(36), \"district_id\" varchar(36) NOT NULL, \"unit_id\" varchar(36) NOT NULL, \"department_id\" varchar(36), \"triage\" text, \"category\" varchar(24), \"risk_level\" varchar(8), \"suggested_department\" varchar(32), \"dispatched_at\" datetime(3), \"sign_deadline\" datetime(3), \"sign_yellow_at\" datetime(3), \"resolve_deadline\" datetime(3), \"resolve_yellow_at\" datetime(3), \"reopen_count\" integer NOT NULL DEFAULT (0), \"created_at\" datetime(3) NOT NULL, \"updated_at\" datetime(3) NOT NULL)");
    await q.query("INSERT INTO \"tickets\"(\"id\", \"case_code\", \"status\", \"channel\", \"text\", \"reporter_id\", \"idempotency_key\", \"contact_phone\", \"anonymous\", \"lat\", \"lng\", \"address\", \"location_unverified\", \"grid_id\", \"community_id\", \"street_id\", \"district_id\", \"unit_id\", \"department_id\", \"triage\", \"category\", \"risk_level\", \"suggested_department\", \"dispatched_at\", \"sign_deadline\", \"sign_yellow_at\", \"resolve_deadline\", \"resolve_yellow_at\", \"reopen_count\", \"created_at\", \"updated_at\") SELECT \"id\", \"case_code\", \"status\", \"channel\", \"text\", \"reporter_id\", \"idempotency_key\", \"contact_phone\", \"anonymous\", \"lat\", \"lng\", \"address\", \"location_unverified\", \"grid_id\", \"community_id\", \"street_id\", \"district_id\", \"unit_id\", \"department_id\", \"triage\", \"category\", \"risk_level\", \"suggested_department\", \"dispatched_at\", \"sign_deadline\", \"sign_yellow_at\", \"resolve_deadline\", \"resolve_yellow_at\", \"reopen_count\", \"created_at\", \"updated_at\" FROM \"temporary_tickets\"");
    await q.query("DROP TABLE \"temporary_tickets\"");
    await q.query("CREATE INDEX \"idx_tickets_status_resolve_deadline\" ON \"tickets\" (\"status\", \"resolve_deadline\") ");
    await q.query("CREATE INDEX \"idx_tickets_status_sign_deadline\" ON \"tickets\" (\"status\", \"sign_deadline\") ");
    await q.query("CREATE INDEX \"idx_tickets_created\" ON \"tickets\" (\"created_at\") ");
    await q.query("CREATE INDEX \"idx_tickets_reporter_created\" ON \"tickets\" (\"reporter_id\", \"created_at\") ");
    await q.query("CREATE INDEX \"idx_tickets_grid\" ON \"tickets\" (\"grid_id\") ");
    await q.query("CREATE INDEX \"idx_tickets_department_status\" ON \"tickets\" (\"department_id\", \"status\") ");
    await q.query("CREATE INDEX \"idx_tickets_unit_status\" ON \"tickets\" (\"unit_id\", \"status\") ");
    await q.query("CREATE UNIQUE INDEX \"uq_tickets_reporter_idem\" ON \"tickets\" (\"reporter_id\", \"idempotency_key\") ");
    await q.query("CREATE UNIQUE INDEX \"uq_tickets_case_code\" ON \"tickets\" (\"case_code\") ");
  }
}

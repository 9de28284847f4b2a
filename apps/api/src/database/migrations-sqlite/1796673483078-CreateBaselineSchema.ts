import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The SQLite schema as the embedded database had it when sql.js built it with
 * `synchronize` (every table up to and including supervision notices' read
 * state). A file made by that version is adopted at this migration without
 * running it (see sqlite/prepare.ts); a new file starts here.
 */
export class CreateBaselineSchema1796673483078 implements MigrationInterface {
  name = 'CreateBaselineSchema1796673483078';

  async up(q: QueryRunner): Promise<void> {
    await q.query("CREATE TABLE \"hotline_orders\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"source\" varchar(20) NOT NULL, \"order_no\" varchar(64) NOT NULL, \"ticket_id\" varchar(36) NOT NULL, \"received_at\" datetime(3), \"imported_by\" varchar(36) NOT NULL, \"created_at\" datetime(3) NOT NULL)");
    await q.query("CREATE UNIQUE INDEX \"uq_hotline_orders_source_no\" ON \"hotline_orders\" (\"source\", \"order_no\") ");
    await q.query("CREATE TABLE \"messages\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"user_id\" varchar(36) NOT NULL, \"kind\" varchar(32) NOT NULL, \"title\" varchar(100) NOT NULL, \"body\" varchar(500) NOT NULL, \"ticket_id\" varchar(36), \"read_at\" datetime(3), \"created_at\" datetime(3) NOT NULL)");
    await q.query("CREATE INDEX \"idx_messages_user_read\" ON \"messages\" (\"user_id\", \"read_at\") ");
    await q.query("CREATE INDEX \"idx_messages_user_created\" ON \"messages\" (\"user_id\", \"created_at\") ");
    await q.query("CREATE TABLE \"notification_outbox\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"channel\" varchar(8) NOT NULL, \"message_id\" varchar(36) NOT NULL, \"user_id\" varchar(36) NOT NULL, \"payload\" text NOT NULL, \"status\" varchar(8) NOT NULL, \"attempts\" integer NOT NULL DEFAULT (0), \"next_attempt_at\" datetime(3) NOT NULL, \"last_error\" varchar(200), \"created_at\" datetime(3) NOT NULL, \"sent_at\" datetime(3))");
    await q.query("CREATE INDEX \"idx_notification_outbox_due\" ON \"notification_outbox\" (\"status\", \"next_attempt_at\") ");
    await q.query("CREATE TABLE \"wechat_subscriptions\" (\"user_id\" varchar(36) NOT NULL, \"template_id\" varchar(64) NOT NULL, \"remaining\" integer NOT NULL DEFAULT (0), \"updated_at\" datetime(3) NOT NULL, PRIMARY KEY (\"user_id\", \"template_id\"))");
    await q.query("CREATE TABLE \"patrols\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"worker_id\" varchar(36) NOT NULL, \"grid_id\" varchar(36) NOT NULL, \"status\" varchar(12) NOT NULL, \"day\" varchar(10) NOT NULL, \"open_worker_id\" varchar(36), \"note\" varchar(1000), \"finish_note\" varchar(1000), \"started_at\" datetime(3) NOT NULL, \"ended_at\" datetime(3))");
    await q.query("CREATE UNIQUE INDEX \"uq_patrols_open_worker\" ON \"patrols\" (\"open_worker_id\") ");
    await q.query("CREATE INDEX \"idx_patrols_status_day\" ON \"patrols\" (\"status\", \"day\") ");
    await q.query("CREATE INDEX \"idx_patrols_grid_day\" ON \"patrols\" (\"grid_id\", \"day\") ");
    await q.query("CREATE INDEX \"idx_patrols_worker_day\" ON \"patrols\" (\"worker_id\", \"day\") ");
    await q.query("CREATE TABLE \"patrol_entries\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"patrol_id\" varchar(36) NOT NULL, \"note\" varchar(1000), \"lat\" decimal(10,7), \"lng\" decimal(10,7), \"address\" varchar(200), \"at\" datetime(3) NOT NULL)");
    await q.query("CREATE INDEX \"idx_patrol_entries_patrol_at\" ON \"patrol_entries\" (\"patrol_id\", \"at\") ");
    await q.query("CREATE TABLE \"patrol_tickets\" (\"ticket_id\" varchar(36) PRIMARY KEY NOT NULL, \"patrol_id\" varchar(36) NOT NULL, \"linked_at\" datetime(3) NOT NULL)");
    await q.query("CREATE INDEX \"idx_patrol_tickets_patrol\" ON \"patrol_tickets\" (\"patrol_id\") ");
    await q.query("CREATE TABLE \"walk_ins\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"ticket_id\" varchar(36) NOT NULL, \"visitor_name_enc\" varchar(255) NOT NULL, \"visitor_phone_enc\" varchar(255) NOT NULL, \"id_number_enc\" varchar(255) NOT NULL, \"id_number_masked\" varchar(18) NOT NULL, \"parties_enc\" text NOT NULL, \"unit_id\" varchar(36) NOT NULL, \"registered_by\" varchar(36) NOT NULL, \"created_at\" datetime(3) NOT NULL)");
    await q.query("CREATE INDEX \"idx_walk_ins_unit_created\" ON \"walk_ins\" (\"unit_id\", \"created_at\") ");
    await q.query("CREATE UNIQUE INDEX \"uq_walk_ins_ticket\" ON \"walk_ins\" (\"ticket_id\") ");
    await q.query("CREATE TABLE \"config_changes\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"kind\" varchar(32) NOT NULL, \"scope_id\" varchar(36), \"actor_id\" varchar(36) NOT NULL, \"old_value\" text, \"new_value\" text NOT NULL, \"at\" datetime(3) NOT NULL)");
    await q.query("CREATE INDEX \"idx_config_changes_kind_at\" ON \"config_changes\" (\"kind\", \"at\") ");
    await q.query("CREATE TABLE \"sms_codes\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"phone\" varchar(20) NOT NULL, \"code_hash\" varchar(64) NOT NULL, \"ip\" varchar(64) NOT NULL, \"attempts\" integer NOT NULL DEFAULT (0), \"expires_at\" datetime(3) NOT NULL, \"consumed_at\" datetime(3), \"created_at\" datetime(3) NOT NULL)");
    await q.query("CREATE INDEX \"idx_sms_codes_ip_created\" ON \"sms_codes\" (\"ip\", \"created_at\") ");
    await q.query("CREATE INDEX \"idx_sms_codes_phone_created\" ON \"sms_codes\" (\"phone\", \"created_at\") ");
    await q.query("CREATE TABLE \"extension_requests\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"ticket_id\" varchar(36) NOT NULL, \"pending_key\" varchar(36), \"requested_by\" varchar(36) NOT NULL, \"department_id\" varchar(36) NOT NULL, \"reason\" text NOT NULL, \"current_deadline\" datetime(3) NOT NULL, \"requested_deadline\" datetime(3) NOT NULL, \"status\" varchar(10) NOT NULL, \"decided_by\" varchar(36), \"decided_at\" datetime(3), \"decision_note\" text, \"created_at\" datetime(3) NOT NULL)");
    await q.query("CREATE UNIQUE INDEX \"uq_extension_requests_pending\" ON \"extension_requests\" (\"pending_key\") ");
    await q.query("CREATE INDEX \"idx_extension_requests_ticket\" ON \"extension_requests\" (\"ticket_id\") ");
    await q.query("CREATE INDEX \"idx_extension_requests_status_created\" ON \"extension_requests\" (\"status\", \"created_at\") ");
    await q.query("CREATE TABLE \"supervision_notices\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"ticket_id\" varchar(36) NOT NULL, \"kind\" varchar(8) NOT NULL, \"deadline_at\" datetime(3), \"department_id\" varchar(36), \"unit_id\" varchar(36) NOT NULL, \"issued_by\" varchar(36), \"note\" text, \"history_id\" varchar(36) NOT NULL, \"created_at\" datetime(3) NOT NULL, \"read_at\" datetime(3), \"read_by\" varchar(36))");
    await q.query("CREATE INDEX \"idx_supervision_notices_unit\" ON \"supervision_notices\" (\"unit_id\", \"created_at\") ");
    await q.query("CREATE INDEX \"idx_supervision_notices_department\" ON \"supervision_notices\" (\"department_id\", \"created_at\") ");
    await q.query("CREATE UNIQUE INDEX \"uq_supervision_notices_crossing\" ON \"supervision_notices\" (\"ticket_id\", \"kind\", \"deadline_at\") ");
    await q.query("CREATE TABLE \"time_limit_rules\" (\"rule_key\" varchar(40) PRIMARY KEY NOT NULL, \"risk_level\" varchar(8) NOT NULL, \"category\" varchar(24), \"sign_minutes\" integer NOT NULL, \"resolve_minutes\" integer NOT NULL, \"updated_by\" varchar(36) NOT NULL, \"updated_at\" datetime(3) NOT NULL)");
    await q.query("CREATE TABLE \"departments\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"code\" varchar(32) NOT NULL, \"name\" varchar(80) NOT NULL, \"unit_id\" varchar(36) NOT NULL)");
    await q.query("CREATE UNIQUE INDEX \"uq_departments_unit_code\" ON \"departments\" (\"unit_id\", \"code\") ");
    await q.query("CREATE TABLE \"org_units\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"code\" varchar(40) NOT NULL, \"name\" varchar(80) NOT NULL, \"level\" varchar(16) NOT NULL, \"parent_id\" varchar(36), \"boundary\" text, \"center_lat\" decimal(10,7), \"center_lng\" decimal(10,7))");
    await q.query("CREATE UNIQUE INDEX \"uq_org_units_code\" ON \"org_units\" (\"code\") ");
    await q.query("CREATE INDEX \"idx_org_units_parent\" ON \"org_units\" (\"parent_id\") ");
    await q.query("CREATE TABLE \"routing_rules\" (\"district_id\" varchar(36) PRIMARY KEY NOT NULL, \"department_by_category\" text NOT NULL, \"tier_by_risk\" text NOT NULL, \"updated_by\" varchar(36) NOT NULL, \"updated_at\" datetime(3) NOT NULL)");
    await q.query("CREATE TABLE \"ticket_departments\" (\"ticket_id\" varchar(36) NOT NULL, \"department_id\" varchar(36) NOT NULL, \"role\" varchar(8) NOT NULL, \"assigned_at\" datetime(3) NOT NULL, PRIMARY KEY (\"ticket_id\", \"department_id\"))");
    await q.query("CREATE INDEX \"idx_ticket_departments_department\" ON \"ticket_departments\" (\"department_id\") ");
    await q.query("CREATE TABLE \"ticket_history\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"ticket_id\" varchar(36) NOT NULL, \"action\" varchar(20) NOT NULL, \"from_status\" varchar(20), \"to_status\" varchar(20) NOT NULL, \"actor_id\" varchar(36) NOT NULL, \"actor_role\" varchar(16) NOT NULL, \"actor_label\" varchar(80) NOT NULL, \"note\" text, \"data\" text, \"at\" datetime(3) NOT NULL, \"seq\" integer NOT NULL DEFAULT (0))");
    await q.query("CREATE INDEX \"idx_ticket_history_ticket_seq\" ON \"ticket_history\" (\"ticket_id\", \"seq\") ");
    await q.query("CREATE INDEX \"idx_ticket_history_ticket_at\" ON \"ticket_history\" (\"ticket_id\", \"at\") ");
    await q.query("CREATE TABLE \"tickets\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"case_code\" varchar(16) NOT NULL, \"status\" varchar(20) NOT NULL, \"channel\" varchar(20) NOT NULL, \"text\" text NOT NULL, \"reporter_id\" varchar(36) NOT NULL, \"idempotency_key\" varchar(64), \"contact_phone\" varchar(20), \"anonymous\" boolean NOT NULL DEFAULT (0), \"lat\" decimal(10,7), \"lng\" decimal(10,7), \"address\" varchar(200), \"location_unverified\" boolean NOT NULL DEFAULT (0), \"grid_id\" varchar(36), \"community_id\" varchar(36), \"street_id\" varchar(36), \"district_id\" varchar(36) NOT NULL, \"unit_id\" varchar(36) NOT NULL, \"department_id\" varchar(36), \"triage\" text, \"category\" varchar(24), \"risk_level\" varchar(8), \"suggested_department\" varchar(32), \"dispatched_at\" datetime(3), \"sign_deadline\" datetime(3), \"sign_yellow_at\" datetime(3), \"resolve_deadline\" datetime(3), \"resolve_yellow_at\" datetime(3), \"reopen_count\" integer NOT NULL DEFAULT (0), \"created_at\" datetime(3) NOT NULL, \"updated_at\" datetime(3) NOT NULL)");
    await q.query("CREATE INDEX \"idx_tickets_status_resolve_deadline\" ON \"tickets\" (\"status\", \"resolve_deadline\") ");
    await q.query("CREATE INDEX \"idx_tickets_status_sign_deadline\" ON \"tickets\" (\"status\", \"sign_deadline\") ");
    await q.query("CREATE INDEX \"idx_tickets_created\" ON \"tickets\" (\"created_at\") ");
    await q.query("CREATE INDEX \"idx_tickets_reporter_created\" ON \"tickets\" (\"reporter_id\", \"created_at\") ");
    await q.query("CREATE INDEX \"idx_tickets_grid\" ON \"tickets\" (\"grid_id\") ");
    await q.query("CREATE INDEX \"idx_tickets_department_status\" ON \"tickets\" (\"department_id\", \"status\") ");
    await q.query("CREATE INDEX \"idx_tickets_unit_status\" ON \"tickets\" (\"unit_id\", \"status\") ");
    await q.query("CREATE UNIQUE INDEX \"uq_tickets_reporter_idem\" ON \"tickets\" (\"reporter_id\", \"idempotency_key\") ");
    await q.query("CREATE UNIQUE INDEX \"uq_tickets_case_code\" ON \"tickets\" (\"case_code\") ");
    await q.query("CREATE TABLE \"uploads\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"owner_id\" varchar(36) NOT NULL, \"ticket_id\" varchar(36), \"history_id\" varchar(36), \"patrol_entry_id\" varchar(36), \"sort_order\" smallint NOT NULL DEFAULT (0), \"width\" integer NOT NULL, \"height\" integer NOT NULL, \"bytes\" integer NOT NULL, \"created_at\" datetime(3) NOT NULL, \"attached_at\" datetime(3))");
    await q.query("CREATE INDEX \"idx_uploads_patrol_entry\" ON \"uploads\" (\"patrol_entry_id\") ");
    await q.query("CREATE INDEX \"idx_uploads_ticket_created\" ON \"uploads\" (\"ticket_id\", \"created_at\") ");
    await q.query("CREATE INDEX \"idx_uploads_owner_created\" ON \"uploads\" (\"owner_id\", \"created_at\") ");
    await q.query("CREATE TABLE \"users\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"role\" varchar(16) NOT NULL, \"display_name\" varchar(64) NOT NULL, \"username\" varchar(64), \"password_hash\" varchar(255), \"phone\" varchar(20), \"wechat_openid\" varchar(64), \"unit_id\" varchar(36), \"department_id\" varchar(36), \"grid_id\" varchar(36), \"created_at\" datetime(3) NOT NULL)");
    await q.query("CREATE UNIQUE INDEX \"uq_users_wechat_openid\" ON \"users\" (\"wechat_openid\") ");
    await q.query("CREATE UNIQUE INDEX \"uq_users_phone\" ON \"users\" (\"phone\") ");
    await q.query("CREATE UNIQUE INDEX \"uq_users_username\" ON \"users\" (\"username\") ");
    await q.query("CREATE TABLE \"triage_overrides\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"ticket_id\" varchar(36) NOT NULL, \"actor_id\" varchar(36) NOT NULL, \"before\" text NOT NULL, \"after\" text NOT NULL, \"reason\" text NOT NULL, \"at\" datetime(3) NOT NULL)");
    await q.query("CREATE INDEX \"idx_triage_overrides_ticket\" ON \"triage_overrides\" (\"ticket_id\") ");
    await q.query("CREATE INDEX \"idx_triage_overrides_at\" ON \"triage_overrides\" (\"at\") ");
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query("DROP INDEX \"idx_triage_overrides_at\"");
    await q.query("DROP INDEX \"idx_triage_overrides_ticket\"");
    await q.query("DROP TABLE \"triage_overrides\"");
    await q.query("DROP INDEX \"uq_users_username\"");
    await q.query("DROP INDEX \"uq_users_phone\"");
    await q.query("DROP INDEX \"uq_users_wechat_openid\"");
    await q.query("DROP TABLE \"users\"");
    await q.query("DROP INDEX \"idx_uploads_owner_created\"");
    await q.query("DROP INDEX \"idx_uploads_ticket_created\"");
    await q.query("DROP INDEX \"idx_uploads_patrol_entry\"");
    await q.query("DROP TABLE \"uploads\"");
    await q.query("DROP INDEX \"uq_tickets_case_code\"");
    await q.query("DROP INDEX \"uq_tickets_reporter_idem\"");
    await q.query("DROP INDEX \"idx_tickets_unit_status\"");
    await q.query("DROP INDEX \"idx_tickets_department_status\"");
    await q.query("DROP INDEX \"idx_tickets_grid\"");
    await q.query("DROP INDEX \"idx_tickets_reporter_created\"");
    await q.query("DROP INDEX \"idx_tickets_created\"");
    await q.query("DROP INDEX \"idx_tickets_status_sign_deadline\"");
    await q.query("DROP INDEX \"idx_tickets_status_resolve_deadline\"");
    await q.query("DROP TABLE \"tickets\"");
    await q.query("DROP INDEX \"idx_ticket_history_ticket_at\"");
    await q.query("DROP INDEX \"idx_ticket_history_ticket_seq\"");
    await q.query("DROP TABLE \"ticket_history\"");
    await q.query("DROP INDEX \"idx_ticket_departments_department\"");
    await q.query("DROP TABLE \"ticket_departments\"");
    await q.query("DROP TABLE \"routing_rules\"");
    await q.query("DROP INDEX \"idx_org_units_parent\"");
    await q.query("DROP INDEX \"uq_org_units_code\"");
    await q.query("DROP TABLE \"org_units\"");
    await q.query("DROP INDEX \"uq_departments_unit_code\"");
    await q.query("DROP TABLE \"departments\"");
    await q.query("DROP TABLE \"time_limit_rules\"");
    await q.query("DROP INDEX \"uq_supervision_notices_crossing\"");
    await q.query("DROP INDEX \"idx_supervision_notices_department\"");
    await q.query("DROP INDEX \"idx_supervision_notices_unit\"");
    await q.query("DROP TABLE \"supervision_notices\"");
    await q.query("DROP INDEX \"idx_extension_requests_status_created\"");
    await q.query("DROP INDEX \"idx_extension_requests_ticket\"");
    await q.query("DROP INDEX \"uq_extension_requests_pending\"");
    await q.query("DROP TABLE \"extension_requests\"");
    await q.query("DROP INDEX \"idx_sms_codes_phone_created\"");
    await q.query("DROP INDEX \"idx_sms_codes_ip_created\"");
    await q.query("DROP TABLE \"sms_codes\"");
    await q.query("DROP INDEX \"idx_config_changes_kind_at\"");
    await q.query("DROP TABLE \"config_changes\"");
    await q.query("DROP INDEX \"uq_walk_ins_ticket\"");
    await q.query("DROP INDEX \"idx_walk_ins_unit_created\"");
    await q.query("DROP TABLE \"walk_ins\"");
    await q.query("DROP INDEX \"idx_patrol_tickets_patrol\"");
    await q.query("DROP TABLE \"patrol_tickets\"");
    await q.query("DROP INDEX \"idx_patrol_entries_patrol_at\"");
    await q.query("DROP TABLE \"patrol_entries\"");
    await q.query("DROP INDEX \"idx_patrols_worker_day\"");
    await q.query("DROP INDEX \"idx_patrols_grid_day\"");
    await q.query("DROP INDEX \"idx_patrols_status_day\"");
    await q.query("DROP INDEX \"uq_patrols_open_worker\"");
    await q.query("DROP TABLE \"patrols\"");
    await q.query("DROP TABLE \"wechat_subscriptions\"");
    await q.query("DROP INDEX \"idx_notification_outbox_due\"");
    await q.query("DROP TABLE \"notification_outbox\"");
    await q.query("DROP INDEX \"idx_messages_user_created\"");
    await q.query("DROP INDEX \"idx_messages_user_read\"");
    await q.query("DROP TABLE \"messages\"");
    await q.query("DROP INDEX \"uq_hotline_orders_source_no\"");
    await q.query("DROP TABLE \"hotline_orders\"");
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddHistoryNoteVisibility1796678253210 implements MigrationInterface {
  name = 'AddHistoryNoteVisibility1796678253210';

  async up(q: QueryRunner): Promise<void> {
    await q.query("DROP INDEX \"idx_ticket_history_ticket_at\"");
    await q.query("DROP INDEX \"idx_ticket_history_ticket_seq\"");
    await q.query("CREATE TABLE \"temporary_ticket_history\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"ticket_id\" varchar(36) NOT NULL, \"action\" varchar(20) NOT NULL, \"from_status\" varchar(20), \"to_status\" varchar(20) NOT NULL, \"actor_id\" varchar(36) NOT NULL, \"actor_role\" varchar(16) NOT NULL, \"actor_label\" varchar(80) NOT NULL, \"note\" text, \"data\" text, \"at\" datetime(3) NOT NULL, \"seq\" integer NOT NULL DEFAULT (0), \"visibility\" varchar(10) NOT NULL DEFAULT ('internal'))");
    await q.query("INSERT INTO \"temporary_ticket_history\"(\"id\", \"ticket_id\", \"action\", \"from_status\", \"to_status\", \"actor_id\", \"actor_role\", \"actor_label\", \"note\", \"data\", \"at\", \"seq\") SELECT \"id\", \"ticket_id\", \"action\", \"from_status\", \"to_status\", \"actor_id\", \"actor_role\", \"actor_label\", \"note\", \"data\", \"at\", \"seq\" FROM \"ticket_history\"");
    await q.query("DROP TABLE \"ticket_history\"");
    await q.query("ALTER TABLE \"temporary_ticket_history\" RENAME TO \"ticket_history\"");
    // As on MySQL: rows already written that residents always saw stay public; the rest stays internal.
    await q.query(
      "UPDATE \"ticket_history\" SET \"visibility\" = 'public' WHERE \"actor_role\" = 'resident' OR (\"action\" IN ('submit', 'accept', 'decline', 'feedback', 'settle_on_site', 'evaluate') AND \"actor_role\" <> 'system')",
    );
    await q.query("CREATE INDEX \"idx_ticket_history_ticket_at\" ON \"ticket_history\" (\"ticket_id\", \"at\") ");
    await q.query("CREATE INDEX \"idx_ticket_history_ticket_seq\" ON \"ticket_history\" (\"ticket_id\", \"seq\") ");
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query("DROP INDEX \"idx_ticket_history_ticket_seq\"");
    await q.query("DROP INDEX \"idx_ticket_history_ticket_at\"");
    await q.query("ALTER TABLE \"ticket_history\" RENAME TO \"temporary_ticket_history\"");
    await q.query("CREATE TABLE \"ticket_history\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"ticket_id\" varchar(36) NOT NULL, \"action\" varchar(20) NOT NULL, \"from_status\" varchar(20), \"to_status\" varchar(20) NOT NULL, \"actor_id\" varchar(36) NOT NULL, \"actor_role\" varchar(16) NOT NULL, \"actor_label\" varchar(80) NOT NULL, \"note\" text, \"data\" text, \"at\" datetime(3) NOT NULL, \"seq\" integer NOT NULL DEFAULT (0))");
    await q.query("INSERT INTO \"ticket_history\"(\"id\", \"ticket_id\", \"action\", \"from_status\", \"to_status\", \"actor_id\", \"actor_role\", \"actor_label\", \"note\", \"data\", \"at\", \"seq\") SELECT \"id\", \"ticket_id\", \"action\", \"from_status\", \"to_status\", \"actor_id\", \"actor_role\", \"actor_label\", \"note\", \"data\", \"at\", \"seq\" FROM \"temporary_ticket_history\"");
    await q.query("DROP TABLE \"temporary_ticket_history\"");
    await q.query("CREATE INDEX \"idx_ticket_history_ticket_seq\" ON \"ticket_history\" (\"ticket_id\", \"seq\") ");
    await q.query("CREATE INDEX \"idx_ticket_history_ticket_at\" ON \"ticket_history\" (\"ticket_id\", \"at\") ");
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The `initialised` marker (see app-meta.entity.ts). A database that already
 * holds an organisation (a file sql.js made) is marked here, never seeded again.
 */
export class AddAppMeta1796675422858 implements MigrationInterface {
  name = 'AddAppMeta1796675422858';

  async up(q: QueryRunner): Promise<void> {
    await q.query("CREATE TABLE \"app_meta\" (\"key\" varchar(64) PRIMARY KEY NOT NULL, \"value\" varchar(255) NOT NULL, \"updated_at\" datetime(3) NOT NULL)");
    await q.query("INSERT INTO \"app_meta\" (\"key\", \"value\", \"updated_at\") SELECT 'initialised', 'before-marker', strftime('%Y-%m-%d %H:%M:%f', 'now') WHERE EXISTS (SELECT 1 FROM \"org_units\")");
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query("DROP TABLE \"app_meta\"");
  }
}

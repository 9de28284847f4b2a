import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The `initialised` marker: the demo seed runs only into a database without it.
 * A database that already holds an organisation was initialised before the
 * marker existed, so it gets the marker here and is never seeded again.
 */
export class AddAppMeta1796675413026 implements MigrationInterface {
  name = 'AddAppMeta1796675413026';

  async up(q: QueryRunner): Promise<void> {
    await q.query("CREATE TABLE `app_meta` (`key` varchar(64) NOT NULL, `value` varchar(255) NOT NULL, `updated_at` datetime(3) NOT NULL, PRIMARY KEY (`key`)) ENGINE=InnoDB");
    await q.query("INSERT INTO `app_meta` (`key`, `value`, `updated_at`) SELECT 'initialised', 'before-marker', UTC_TIMESTAMP(3) FROM DUAL WHERE EXISTS (SELECT 1 FROM `org_units`)");
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query("DROP TABLE `app_meta`");
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddSupervisionNoticeReadState1795616879307 implements MigrationInterface {
  name = 'AddSupervisionNoticeReadState1795616879307';

  async up(q: QueryRunner): Promise<void> {
    await q.query("ALTER TABLE `supervision_notices` ADD `read_at` datetime(3) NULL");
    await q.query("ALTER TABLE `supervision_notices` ADD `read_by` varchar(36) NULL");
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query("ALTER TABLE `supervision_notices` DROP COLUMN `read_by`");
    await q.query("ALTER TABLE `supervision_notices` DROP COLUMN `read_at`");
  }
}

// Writes apps/api/src/database/migrations/<epoch>-<Name>.ts with what the
// entities need beyond the committed migrations, checked on a scratch database.
// Usage: pnpm exec ts-node --transpile-only scripts/generate-migration.ts AddThing [--sqlite]
// MySQL/MariaDB and SQLite keep separate sets (migrations/ and migrations-sqlite/):
// generate both for an entity change.
import { writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { pendingSchemaChanges, pendingSqliteSchemaChanges } from '../apps/api/src/database/schema-diff';

async function main() {
  const name = process.argv[2];
  if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) throw new Error('usage: generate-migration.ts VerbNoun');
  if (process.argv.includes('--sqlite')) {
    const { up, down } = await pendingSqliteSchemaChanges();
    write(name, up, down, join(__dirname, '../apps/api/src/database/migrations-sqlite'), 'SQLITE_MIGRATIONS');
    return;
  }
  const base = process.env.TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3307';
  const db = `zz_gen_${Date.now()}`;
  const admin = await createConnection(base);
  await admin.query(`CREATE DATABASE ${db} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  try {
    const { up, down } = await pendingSchemaChanges(`${base}/${db}`);
    write(name, up, down, join(__dirname, '../apps/api/src/database/migrations'), 'MIGRATIONS');
  } finally {
    await admin.query(`DROP DATABASE ${db}`);
    await admin.end();
  }
}

function write(name: string, up: string[], down: string[], dir: string, list: string) {
  if (!up.length) {
    console.log('Entities and migrations agree; nothing to generate.');
    return;
  }
  const ts = Date.now();
  const cls = `${name}${ts}`;
  const q = (s: string) => '    await q.query(' + JSON.stringify(s) + ');';
  const body = `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${cls} implements MigrationInterface {
  name = '${cls}';

  async up(q: QueryRunner): Promise<void> {
${up.map(q).join('\n')}
  }

  async down(q: QueryRunner): Promise<void> {
${down.map(q).join('\n')}
  }
}
`;
  writeFileSync(join(dir, `${ts}-${name}.ts`), body);
  const indexFile = join(dir, 'index.ts');
  let index = readFileSync(indexFile, 'utf8');
  index = `import { ${cls} } from './${ts}-${name}';\n` + index.replace(new RegExp(`${list}: Function\\[\\] = \\[(.*)\\];`, 's'), (_m, l: string) => `${list}: Function[] = [${l.trim() ? l.trim().replace(/,?$/, ', ') : ''}${cls}];`);
  writeFileSync(indexFile, index);
  console.log(`wrote ${ts}-${name}.ts (${up.length} statements)`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { AuditRepository } from './audit.repository';
import { AuditService } from './audit.service';

const SRC = join(__dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return p.endsWith('.ts') && !p.endsWith('.spec.ts') ? [p] : [];
  });
}

/** 审计日志 is append-only: nothing in the code can change or pick out a row to delete. */
describe('audit log is append-only', () => {
  it('only the audit repository touches the table (besides the schema)', () => {
    const touching = sources(SRC)
      .filter((f) => /AuditEntry\b|audit_log/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(SRC, f))
      .filter((f) => !f.startsWith('database/migrations/') && !f.startsWith('database/migrations-sqlite/'));
    expect(touching.sort()).toEqual(['database/entities.ts', 'modules/audit/audit-entry.entity.ts', 'modules/audit/audit.module.ts', 'modules/audit/audit.repository.ts'].sort());
  });

  it('the repository appends, reads and sweeps by age: no update, no save, no delete of a chosen row', () => {
    const code = readFileSync(join(__dirname, 'audit.repository.ts'), 'utf8');
    expect(code).not.toMatch(/\.(update|save|remove|softDelete|softRemove|upsert|increment|decrement)\(/);
    expect(code).not.toMatch(/\b(UPDATE|REPLACE)\b/);
    const deletes = code.match(/\.delete\(\)[^;]*;/g) ?? [];
    expect(deletes).toHaveLength(1);
    expect(deletes[0]).toContain(".where('at < :before'");
    const methods = (o: object) => Object.getOwnPropertyNames(o).filter((n) => n !== 'constructor').sort();
    expect(methods(AuditRepository.prototype)).toEqual(['append', 'list', 'sweepOlderThan']);
    expect(methods(AuditService.prototype)).toEqual(['list', 'record', 'sweep']);
  });
});

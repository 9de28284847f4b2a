import * as fs from 'fs';
import * as path from 'path';
import { evaluate, parseJsonl } from './evaluate';

/** Fails when accuracy on the held-out file drops below the targets. */
describe('held-out accuracy', () => {
  const file = path.resolve(__dirname, '../data/heldout.jsonl');
  const items = parseJsonl(fs.readFileSync(file, 'utf8'));
  const r = evaluate(items);

  it('has a held-out set of at least 120 reports', () => {
    expect(items.length).toBeGreaterThanOrEqual(120);
  });
  it('category ≥ 0.92', () => expect(r.categoryAccuracy).toBeGreaterThanOrEqual(0.92));
  it('department ≥ 0.92', () => expect(r.departmentAccuracy).toBeGreaterThanOrEqual(0.92));
  it('risk level ≥ 0.85', () => expect(r.riskAccuracy).toBeGreaterThanOrEqual(0.85));
  it('high-risk recall ≥ 0.95', () => expect(r.highRecall).toBeGreaterThanOrEqual(0.95));
  it('high-risk precision ≥ 0.80', () => expect(r.highPrecision).toBeGreaterThanOrEqual(0.8));
});

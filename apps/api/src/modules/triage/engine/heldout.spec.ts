import * as fs from 'fs';
import * as path from 'path';
import { evaluate, parseJsonl } from './evaluate';

/**
 * The held-out files (data/held-out.json) are never trained on: the models are
 * trained on bench/triage/pool.ts, which refuses them. heldout.jsonl was written
 * with the first rules and gates accuracy here; blind sets scored by the lead
 * are added to held-out.json after scoring, and the test below then proves no
 * text of theirs is in any training file. (final-blind.jsonl and the earlier
 * blind files count as training data since issue 21.)
 */
const DATA = path.resolve(__dirname, '../data');
const HELD_OUT: string[] = JSON.parse(fs.readFileSync(path.join(DATA, 'held-out.json'), 'utf8'));
/** Same words, whatever the spacing and punctuation width. */
const key = (t: string) => t.normalize('NFKC').replace(/\s+/g, '').trim();

describe('held-out accuracy: heldout.jsonl', () => {
  const items = parseJsonl(fs.readFileSync(path.join(DATA, 'heldout.jsonl'), 'utf8'));
  const r = evaluate(items);

  it('is listed as held out and has at least 120 reports', () => {
    expect(HELD_OUT).toContain('heldout.jsonl');
    expect(items.length).toBeGreaterThanOrEqual(120);
  });
  it('category ≥ 0.92', () => expect(r.categoryAccuracy).toBeGreaterThanOrEqual(0.92));
  it('department ≥ 0.92', () => expect(r.departmentAccuracy).toBeGreaterThanOrEqual(0.92));
  it('risk level ≥ 0.85', () => expect(r.riskAccuracy).toBeGreaterThanOrEqual(0.85));
  it('high-risk recall ≥ 0.95', () => expect(r.highRecall).toBeGreaterThanOrEqual(0.95));
  it('high-risk precision ≥ 0.80', () => expect(r.highPrecision).toBeGreaterThanOrEqual(0.8));
});

/**
 * Issue 21, second round: blind sets by three authors who never saw the engine,
 * the rules or each other's files, scored ONCE after all tuning (2026-12-07).
 * The gates sit at what they measured, so a change that makes the engine worse
 * on new writers fails here. Never tune on these texts: when they are spent,
 * move them to training and commission new ones.
 */
describe('held-out accuracy: the second-round blind sets (issue 21)', () => {
  const read = (f: string) => parseJsonl(fs.readFileSync(path.join(DATA, f), 'utf8'));

  it('life-safety set (400: half high-risk written indirectly, half look-alikes) holds its blind figures', () => {
    const items = [...read('blind-ls-3.jsonl'), ...read('blind-ls-4.jsonl')];
    expect(items.length).toBe(400);
    const r = evaluate(items);
    // measured once: high recall 95.0%, precision 83.0%, category 80.8%, department 76.8%, risk 79.8%, self_harm recall 86.8%
    expect(r.highRecall).toBeGreaterThanOrEqual(0.95);
    expect(r.highPrecision).toBeGreaterThanOrEqual(0.82);
    expect(r.categoryAccuracy).toBeGreaterThanOrEqual(0.8);
    expect(r.departmentAccuracy).toBeGreaterThanOrEqual(0.76);
    expect(r.riskAccuracy).toBeGreaterThanOrEqual(0.79);
    expect(r.flags.self_harm.recall).toBeGreaterThanOrEqual(0.86);
  });

  it('general set (220) holds its blind figures', () => {
    const r = evaluate(read('blind-general-2.jsonl'));
    // measured once: category 96.8%, department 94.5%, risk 79.1%, high recall 94.6%, precision 76.8%
    expect(r.categoryAccuracy).toBeGreaterThanOrEqual(0.96);
    expect(r.departmentAccuracy).toBeGreaterThanOrEqual(0.94);
    expect(r.riskAccuracy).toBeGreaterThanOrEqual(0.79);
    expect(r.highRecall).toBeGreaterThanOrEqual(0.94);
    expect(r.highPrecision).toBeGreaterThanOrEqual(0.76);
  });
});

describe('the held-out files are not trained on', () => {
  it('every held-out file exists and no held-out text appears in any other data file', () => {
    const held = new Map<string, string>();
    for (const f of HELD_OUT) {
      expect(fs.existsSync(path.join(DATA, f))).toBe(true);
      for (const r of parseJsonl(fs.readFileSync(path.join(DATA, f), 'utf8'))) held.set(key(r.text), f);
    }
    const training = fs.readdirSync(DATA).filter((f) => f.endsWith('.jsonl') && !HELD_OUT.includes(f));
    expect(training.length).toBeGreaterThanOrEqual(14);
    const leaks: string[] = [];
    for (const f of training) {
      for (const r of parseJsonl(fs.readFileSync(path.join(DATA, f), 'utf8'))) {
        const from = held.get(key(r.text));
        if (from) leaks.push(`${f} ${r.id} repeats a text of ${from}`);
      }
    }
    expect(leaks).toEqual([]);
  });
});

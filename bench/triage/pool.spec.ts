import { FLAG_AUTHORS, HELD_OUT, LOAO_AUTHORS, loadFile, loadPool, POOL_FILES } from './pool';

describe('the training pool', () => {
  it('lists no held-out file, and every leave-one-author-out author is in it', () => {
    expect(POOL_FILES.filter((f) => HELD_OUT.includes(f))).toEqual([]);
    for (const a of LOAO_AUTHORS) expect(POOL_FILES).toContain(a);
    expect(POOL_FILES).toEqual(expect.arrayContaining(['final-blind.jsonl', 'ls-train-p.jsonl', 'ls-train-q.jsonl', 'indep-lsa.jsonl', 'indep-lsb.jsonl', 'indep-gen1.jsonl']));
  });

  it('refuses to load a held-out file', () => {
    for (const f of HELD_OUT) expect(() => loadFile(f)).toThrow(/held out/);
  });

  it('loads only pool files', () => {
    const srcs = new Set(loadPool().map((r) => r.src));
    for (const s of srcs) expect(HELD_OUT).not.toContain(s);
  });

  it('the flag detectors choose their thresholds on authors who label flags on every report, all leave-one-author-out authors', () => {
    expect(FLAG_AUTHORS.length).toBeGreaterThanOrEqual(5);
    for (const a of FLAG_AUTHORS) {
      expect(LOAO_AUTHORS).toContain(a);
      expect(loadFile(a).every((r) => Array.isArray(r.flags))).toBe(true);
    }
  });
});

/**
 * The text a triage works on, cut into clauses, with the scopes every later
 * phase asks about: is this clause settled (已调解, 已扑灭)? is the word
 * negated (没有打架), hypothetical (万一着火) or only a worry (担心他报复)?
 */
import { HYPO_RE, NEG_BEFORE_RE, SCOPE_BREAK_RE, SETTLED_RE, WORRY_RE } from './risk-rules';

export const CLAUSE_BOUNDARY = /[，,。；;！!？?\n\r\t :：、]/;

export type Scope = 'none' | 'neg' | 'hypo' | 'worry';

export interface TextView {
  /** normalised text (simplified, half-width, idioms masked) */
  text: string;
  /** start index of the clause each char is in */
  clauseStart: Int32Array;
  /** clause starts, in order */
  starts: number[];
  /** starts of the clauses that report the matter as settled */
  settled: Set<number>;
}

export function buildClauses(text: string): { clauseStart: Int32Array; starts: number[] } {
  const n = text.length;
  const clauseStart = new Int32Array(n + 1);
  const starts: number[] = [0];
  let s = 0;
  for (let i = 0; i < n; i++) {
    if (CLAUSE_BOUNDARY.test(text[i])) {
      clauseStart[i] = s;
      s = i + 1;
      starts.push(s);
    } else clauseStart[i] = s;
  }
  clauseStart[n] = s;
  return { clauseStart, starts };
}

export function clauseEnd(text: string, start: number): number {
  let i = start;
  while (i < text.length && !CLAUSE_BOUNDARY.test(text[i])) i++;
  return i;
}

/** The clause a position is in. */
export function clauseAt(v: TextView, at: number): string {
  const cs = v.clauseStart[at] ?? 0;
  return v.text.slice(cs, clauseEnd(v.text, cs));
}

/** The sentence (up to 。！？ or a line break) a position is in. */
export function sentenceAt(text: string, at: number): string {
  let a = at;
  while (a > 0 && !/[。！？!?\n]/.test(text[a - 1])) a--;
  let b = at;
  while (b < text.length && !/[。！？!?\n]/.test(text[b])) b++;
  return text.slice(a, b);
}

export function findSettled(text: string, starts: number[]): Set<number> {
  const settled = new Set<number>();
  let prev = -1;
  for (const s of starts) {
    const e = clauseEnd(text, s);
    if (e <= s) continue;
    const clause = text.slice(s, e);
    if (SETTLED_RE.test(clause)) {
      settled.add(s);
      // "去年打过架，已经调解好了": the settled clause refers back to the previous one
      // (a fire put out refers back to the smoke or flames just described)
      if (prev >= 0 && (e - s <= 8 || /^(已|后来|后|经|但已|现已|早已|当时)/.test(clause) || /扑灭|排除险情/.test(clause))) settled.add(prev);
    }
    prev = s;
  }
  return settled;
}

export function textView(text: string): TextView {
  const { clauseStart, starts } = buildClauses(text);
  return { text, clauseStart, starts, settled: findSettled(text, starts) };
}

export function isSettled(v: TextView, at: number): boolean {
  return v.settled.has(v.clauseStart[at] ?? 0);
}

/** Negation, hypothesis or worry in the few characters before a position. */
export function scopeBefore(v: TextView, at: number): Scope {
  const cs = v.clauseStart[at] ?? 0;
  const near = v.text.slice(Math.max(cs, at - 8), at);
  if (NEG_BEFORE_RE.test(near)) return 'neg';
  // wider scope, cut at the last scope breaker
  let win = v.text.slice(Math.max(0, at - 14), at);
  SCOPE_BREAK_RE.lastIndex = 0;
  let cut = -1;
  let m: RegExpExecArray | null;
  while ((m = SCOPE_BREAK_RE.exec(win))) cut = m.index;
  if (cut >= 0) win = win.slice(cut + 1);
  if (/真要?$/.test(win)) return 'hypo';
  if (WORRY_RE.test(win)) return 'worry';
  if (HYPO_RE.test(win)) return 'hypo';
  return 'none';
}

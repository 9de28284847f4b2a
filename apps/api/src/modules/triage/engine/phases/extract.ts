/**
 * Phase 2, extract numbers and parties: every money amount in any spelling
 * (numbers.ts) and every head-count, and the largest of each that is still
 * open: not in a settled clause, not negated, not before "经核实系…", not in a
 * joke or a matter long recovered; head-counts also not in a drill.
 */
import { debunkedBefore, isSettled, notReal, scopeBefore, sentenceAt, type TextView } from '../context';
import { extractAmounts, extractGroupSizes } from '../numbers';
import type { ExtractPart, Largest } from '../types';

/** A drill or an exercise: smoke, alarms and crowds that are planned. */
export const DRILL_RE = /(演练|演习|疏散训练|消防训练|应急训练)/;

export function extractPhase({ text, view }: { text: string; view: TextView }): ExtractPart {
  const cut = debunkedBefore(view);
  const unreal = (at: number) => at < cut || notReal(view, at);
  const amounts = extractAmounts(text);
  const groups = extractGroupSizes(text);
  const maxAmount: Largest = { value: 0, text: '', at: -1 };
  let amountSettled = false;
  for (const a of amounts) {
    if (isSettled(view, a.index) || unreal(a.index)) {
      amountSettled = true;
      continue;
    }
    if (scopeBefore(view, a.index) === 'neg') continue;
    if (a.value > maxAmount.value) Object.assign(maxAmount, { value: a.value, text: a.text, at: a.index });
  }
  const maxGroup: Largest = { value: 0, text: '', at: -1 };
  for (const g of groups) {
    if (isSettled(view, g.index) || unreal(g.index) || DRILL_RE.test(sentenceAt(text, g.index))) continue;
    // 业主群四百多人: members of a chat group, not people on the spot
    if (/群(里)?(有|共)?$/.test(text.slice(Math.max(0, g.index - 3), g.index))) continue;
    if (scopeBefore(view, g.index) === 'neg') continue;
    if (g.size > maxGroup.value) Object.assign(maxGroup, { value: g.size, text: g.text, at: g.index });
  }
  return { amounts, groups, maxAmount, maxGroup, amountSettled };
}

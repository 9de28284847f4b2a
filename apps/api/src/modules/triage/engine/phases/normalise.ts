/** Phase 1, normalise: simplified Chinese, half-width, idioms masked (normalize.ts), cut into clauses with their scopes (context.ts). */
import { textView } from '../context';
import { normalise as normaliseText } from '../normalize';
import type { NormalisedPart } from '../types';

export function normalisePhase(input: { text?: unknown }): NormalisedPart {
  const { text, raw } = normaliseText(typeof input?.text === 'string' ? input.text : String(input?.text ?? ''));
  return { text, view: textView(text, raw) };
}

/** Phase 3, flags: the life-safety and scale flags with the words that raised them (../flags.ts, ../self-harm.ts). */
import { detectFlags } from '../flags';
import type { ExtractPart, FlagsPart, NormalisedPart } from '../types';

export function flagsPhase(ctx: NormalisedPart & Pick<ExtractPart, 'amounts' | 'groups'>): FlagsPart {
  return detectFlags({ view: ctx.view, amounts: ctx.amounts, groups: ctx.groups });
}

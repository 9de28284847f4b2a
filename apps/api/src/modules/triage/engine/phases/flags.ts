/**
 * Phase 3, flags: the life-safety and scale flags with the words that raised them (../flags.ts, ../self-harm.ts),
 * then the learned detectors (../flag-model.ts) as a second opinion that may raise self_harm, violence_threat or
 * hazard_active the rules missed — quoting the clause that pushed hardest, asking for a human check — and never
 * lowers a rule's flag. A raised self_harm or violence_threat, or hazard_active beside a vulnerable person the
 * rules found, makes the report high like a rule's.
 */
import { TRIAGE_FLAG_LABELS, type TriageFlag } from '@zongzhi/shared';
import { LEARNED_FLAGS, flagProbability } from '../flag-model';
import { detectFlags } from '../flags';
import { featurize } from '../model';
import type { ExtractPart, FlagsPart, Models, NormalisedPart } from '../types';
import { evidenceClause } from './explain';

export function flagsPhase(ctx: NormalisedPart & Pick<ExtractPart, 'amounts' | 'groups'> & { models?: Models }): FlagsPart {
  const found = detectFlags({ view: ctx.view, amounts: ctx.amounts, groups: ctx.groups });
  const det = ctx.models?.flags;
  if (!det) return { ...found, learned: [] };
  const flags = [...found.flags];
  const forced = [...found.forced];
  const learned: FlagsPart['learned'] = [];
  let feats: string[] | null = null;
  for (const code of LEARNED_FLAGS) {
    const d = det[code];
    if (!d || flags.some((f) => f.code === code)) continue;
    feats ??= featurize(ctx.text);
    const p = flagProbability(d, feats);
    if (p < d.at) continue;
    const clause = evidenceClause(d.model, ctx.text, d.model.labels.indexOf('yes')) || ctx.text.slice(0, 20);
    const flag: TriageFlag = { code, evidence: clause };
    flags.push(flag);
    learned.push({ code, p, reason: `模型研判疑似${TRIAGE_FLAG_LABELS[code]}("${clause}",概率${Math.round(p * 100)}%),请人工核实` });
    if (code !== 'hazard_active') forced.push(flag);
    else {
      const vp = flags.find((f) => f.code === 'vulnerable_person');
      if (vp) forced.push(flag, vp);
    }
  }
  return { flags, forced, learned };
}

/**
 * Light learned complements: character 1–3-gram features and a multinomial
 * logistic regression, one for the CATEGORY (../data/model.json, trained by
 * bench/triage/train.ts) and one for the RISK LEVEL (../data/risk-model.json,
 * bench/triage/train-risk.ts). Pure TypeScript, no dependencies.
 */
import { CATEGORIES, type Category } from '@zongzhi/shared';

/** Serialised form (model.json). `features` packs one feature a line: `ngram\tci:w,ci:w` (w × 1/scale). */
export interface ModelFile {
  version: number;
  labels: string[];
  bias: number[];
  scale: number;
  /** weight of the model's log-probabilities when added to the rule scores */
  lambda: number;
  /** minimum model probability to name a category when no rule term is strong enough */
  tau: number;
  /** rules alone decide when their top score reaches this (decisive keyword) */
  gate?: number;
  features: string;
}

export interface NgramModel<L extends string = Category> {
  labels: L[];
  bias: Float64Array;
  weights: Map<string, Array<[number, number]>>;
  lambda: number;
  tau: number;
  gate: number;
}

const SEG_RE = /[\u4e00-\u9fff0-9a-z]+/g;

/** Unique character 1–3-grams of a (normalised) text, inside runs of CJK/alnum; digits → 0. */
export function featurize(text: string): string[] {
  const out = new Set<string>();
  const t = text.toLowerCase().replace(/[0-9]+/g, '0');
  SEG_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SEG_RE.exec(t))) {
    const s = m[0];
    for (let i = 0; i < s.length; i++) {
      out.add(s[i]);
      if (i + 1 < s.length) out.add(s.slice(i, i + 2));
      if (i + 2 < s.length) out.add(s.slice(i, i + 3));
    }
    if (out.size > 4000) break;
  }
  return [...out];
}

/** Class probabilities (in model.labels order) for the features. */
export function predictProba(model: NgramModel<string>, feats: string[]): Float64Array {
  const k = model.labels.length;
  const z = Float64Array.from(model.bias);
  const norm = feats.length ? 1 / Math.sqrt(feats.length) : 0;
  for (const f of feats) {
    const ws = model.weights.get(f);
    if (!ws) continue;
    for (let j = 0; j < ws.length; j++) z[ws[j][0]] += ws[j][1] * norm;
  }
  let max = -Infinity;
  for (let i = 0; i < k; i++) if (z[i] > max) max = z[i];
  let sum = 0;
  for (let i = 0; i < k; i++) {
    z[i] = Math.exp(z[i] - max);
    sum += z[i];
  }
  for (let i = 0; i < k; i++) z[i] /= sum;
  return z;
}

export function parseModel<L extends string = Category>(file: ModelFile, known: readonly L[] = CATEGORIES as unknown as readonly L[]): NgramModel<L> | null {
  if (!file || !Array.isArray(file.labels) || typeof file.features !== 'string') return null;
  const labels = file.labels.filter((l): l is L => (known as readonly string[]).includes(l));
  if (labels.length !== file.labels.length) return null;
  const scale = file.scale || 1;
  const weights = new Map<string, Array<[number, number]>>();
  for (const line of file.features.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab <= 0) continue;
    const list: Array<[number, number]> = [];
    for (const p of line.slice(tab + 1).split(',')) {
      const c = p.indexOf(':');
      list.push([Number(p.slice(0, c)), Number(p.slice(c + 1)) / scale]);
    }
    weights.set(line.slice(0, tab), list);
  }
  return { labels, bias: Float64Array.from(file.bias), weights, lambda: file.lambda ?? 1, tau: file.tau ?? 0.5, gate: file.gate ?? Infinity };
}

/** Trains a multinomial logistic regression (SGD with L2), full dense weights during training. */
export function trainModel<L extends string = Category>(
  docs: Array<{ feats: string[]; label: L }>,
  opts: { epochs?: number; lr?: number; l2?: number; minDf?: number; seed?: number; idf?: boolean; labels?: readonly L[] } = {},
): { vocab: string[]; W: Float64Array[]; bias: Float64Array; labels: L[] } {
  const labels = [...(opts.labels ?? (CATEGORIES as unknown as readonly L[]))];
  const k = labels.length;
  const epochs = opts.epochs ?? 40;
  const lr0 = opts.lr ?? 2;
  const l2 = opts.l2 ?? 1e-4;
  const minDf = opts.minDf ?? 2;
  const df = new Map<string, number>();
  for (const d of docs) for (const f of d.feats) df.set(f, (df.get(f) ?? 0) + 1);
  const vocab = [...df.entries()].filter(([, n]) => n >= minDf).map(([f]) => f);
  const index = new Map(vocab.map((f, i) => [f, i]));
  const X = docs.map((d) => d.feats.map((f) => index.get(f)).filter((i): i is number => i !== undefined));
  // idf scaling of the binary features (folded into the weights at the end)
  const idf = new Float64Array(vocab.length).fill(1);
  if (opts.idf) vocab.forEach((f, i) => (idf[i] = Math.log((docs.length + 1) / (df.get(f)! + 1)) + 1));
  const norms = docs.map((d) => (d.feats.length ? 1 / Math.sqrt(d.feats.length) : 0));
  const Y = docs.map((d) => labels.indexOf(d.label));
  const W = labels.map(() => new Float64Array(vocab.length));
  const bias = new Float64Array(k);
  let seed = opts.seed ?? 7;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const order = docs.map((_, i) => i);
  const z = new Float64Array(k);
  let step = 0;
  for (let ep = 0; ep < epochs; ep++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    const lr = lr0 / (1 + ep * 0.15);
    for (const di of order) {
      step++;
      const xs = X[di];
      const nv = norms[di];
      for (let c = 0; c < k; c++) {
        let s = bias[c];
        const w = W[c];
        for (const f of xs) s += w[f] * idf[f] * nv;
        z[c] = s;
      }
      let max = -Infinity;
      for (let c = 0; c < k; c++) if (z[c] > max) max = z[c];
      let sum = 0;
      for (let c = 0; c < k; c++) {
        z[c] = Math.exp(z[c] - max);
        sum += z[c];
      }
      for (let c = 0; c < k; c++) {
        const g = z[c] / sum - (c === Y[di] ? 1 : 0);
        bias[c] -= lr * g * 0.1;
        if (Math.abs(g) < 1e-6) continue;
        const w = W[c];
        const d = lr * g * nv;
        for (const f of xs) w[f] -= d * idf[f];
      }
    }
    // L2 shrink once per epoch
    const shrink = 1 - lr * l2 * docs.length;
    if (shrink < 1) for (const w of W) for (let f = 0; f < w.length; f++) w[f] *= shrink;
  }
  void step;
  for (const w of W) for (let f = 0; f < w.length; f++) w[f] *= idf[f];
  return { vocab, W, bias, labels };
}

/** In-memory model from trained weights, dropping weights below `minAbs`. */
export function toModel<L extends string = Category>(
  t: { vocab: string[]; W: Float64Array[]; bias: Float64Array; labels: L[] },
  lambda: number,
  tau: number,
  minAbs = 0,
  gate = Infinity,
): NgramModel<L> {
  const weights = new Map<string, Array<[number, number]>>();
  t.vocab.forEach((f, fi) => {
    const list: Array<[number, number]> = [];
    for (let c = 0; c < t.labels.length; c++) {
      const w = t.W[c][fi];
      if (Math.abs(w) >= minAbs && w !== 0) list.push([c, w]);
    }
    if (list.length) weights.set(f, list);
  });
  return { labels: t.labels, bias: Float64Array.from(t.bias), weights, lambda, tau, gate };
}

export function serializeModel(m: NgramModel<string>, scale = 100): ModelFile {
  const lines: string[] = [];
  for (const [f, list] of m.weights) {
    const parts = list.map(([c, w]) => [c, Math.round(w * scale)] as const).filter(([, w]) => w !== 0);
    if (parts.length) lines.push(`${f}\t${parts.map(([c, w]) => `${c}:${w}`).join(',')}`);
  }
  return {
    version: 1,
    labels: m.labels,
    bias: [...m.bias].map((b) => Math.round(b * 1000) / 1000),
    scale,
    lambda: m.lambda,
    tau: m.tau,
    gate: Number.isFinite(m.gate) ? m.gate : 1e9,
    features: lines.join('\n'),
  };
}

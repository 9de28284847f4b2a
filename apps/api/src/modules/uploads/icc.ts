/**
 * Colour profiles of uploaded photos. The stored photo is sRGB with no profile,
 * so a photo tagged with another profile must be converted or its colours come
 * out wrong (an iPhone's Display P3 photo looks dull and shifted).
 *
 * libvips converts through LittleCMS before resizing, on the shrunk-on-load
 * image (3 MP for a 12 MP photo): ~170 ms on this machine, more than the whole
 * rest of the pipeline (bench/photos). Nearly every camera profile is a
 * matrix/shaper profile (three tone curves and three colorants), for which the
 * conversion is exact and cheap: per channel curve → XYZ(D50) → sRGB linear →
 * sRGB curve, done here on the resized pixels (~1.9 MP). Anything else (LUT
 * profiles, CMYK, grey) is left to libvips.
 */

const ascii = (b: Buffer, from: number, to: number) => b.subarray(from, to).toString('latin1');

/** sRGB's colorants as ICC profiles store them (D50-adapted XYZ), columns R, G, B. */
const SRGB_COLORANTS = {
  rXYZ: [0.4361, 0.2225, 0.0139],
  gXYZ: [0.3851, 0.7169, 0.0971],
  bXYZ: [0.1431, 0.0606, 0.7141],
} as const;

type Curve = (x: number) => number;

export interface MatrixShaper {
  /** Linear RGB → XYZ (D50), row-major 3×3. */
  toXyz: number[];
  /** Per channel: encoded value in [0, 1] → linear. */
  curves: [Curve, Curve, Curve];
}

function readTags(icc: Buffer): Map<string, { type: string; off: number; len: number }> | null {
  if (icc.length < 132 || ascii(icc, 36, 40) !== 'acsp') return null;
  const count = icc.readUInt32BE(128);
  if (count > 200 || 132 + count * 12 > icc.length) return null;
  const tags = new Map<string, { type: string; off: number; len: number }>();
  for (let i = 0; i < count; i++) {
    const at = 132 + i * 12;
    const off = icc.readUInt32BE(at + 4);
    const len = icc.readUInt32BE(at + 8);
    if (off + Math.max(len, 8) > icc.length || len < 8) return null;
    tags.set(ascii(icc, at, at + 4), { type: ascii(icc, off, off + 4), off, len });
  }
  return tags;
}

function readCurve(icc: Buffer, tag: { type: string; off: number; len: number }): Curve | null {
  const { type, off, len } = tag;
  if (type === 'curv') {
    if (len < 12) return null;
    const n = icc.readUInt32BE(off + 8);
    if (len < 12 + 2 * n) return null;
    if (n === 0) return (x) => x;
    if (n === 1) {
      const gamma = icc.readUInt16BE(off + 12) / 256;
      return (x) => Math.pow(x, gamma);
    }
    const table = Array.from({ length: n }, (_, i) => icc.readUInt16BE(off + 12 + 2 * i) / 65535);
    return (x) => {
      const p = x * (n - 1);
      const i = Math.min(n - 2, Math.floor(p));
      return table[i] + (table[i + 1] - table[i]) * (p - i);
    };
  }
  if (type === 'para') {
    if (len < 12) return null;
    const fn = icc.readUInt16BE(off + 8);
    const arity = [1, 3, 4, 5, 7][fn];
    if (arity === undefined || len < 12 + 4 * arity) return null;
    const [g, a, b, c, d, e, f] = Array.from({ length: 7 }, (_, i) => (i < arity ? icc.readInt32BE(off + 12 + 4 * i) / 65536 : 0));
    const pow = (v: number) => (v > 0 ? Math.pow(v, g) : 0);
    switch (fn) {
      case 0:
        return (x) => pow(x);
      case 1:
        return (x) => (x >= -b / a ? pow(a * x + b) : 0);
      case 2:
        return (x) => (x >= -b / a ? pow(a * x + b) + c : c);
      case 3:
        return (x) => (x >= d ? pow(a * x + b) : c * x);
      default:
        return (x) => (x >= d ? pow(a * x + b) + e : c * x + f);
    }
  }
  return null;
}

function readXyz(icc: Buffer, tag: { type: string; off: number; len: number } | undefined): number[] | null {
  if (!tag || tag.type !== 'XYZ ' || tag.len < 20) return null;
  return [0, 1, 2].map((k) => icc.readInt32BE(tag.off + 8 + 4 * k) / 65536);
}

/** The matrix/shaper description of an RGB profile, or null for anything else. */
export function parseMatrixShaper(icc: Buffer | undefined): MatrixShaper | null {
  if (!icc) return null;
  const tags = readTags(icc);
  if (!tags || ascii(icc, 16, 20) !== 'RGB ' || ascii(icc, 20, 24) !== 'XYZ ') return null;
  // A LUT (A2B0) takes precedence over the matrix in a colour engine; leave those to LittleCMS.
  if (tags.has('A2B0') || tags.has('A2B1')) return null;
  const r = readXyz(icc, tags.get('rXYZ'));
  const g = readXyz(icc, tags.get('gXYZ'));
  const b = readXyz(icc, tags.get('bXYZ'));
  const trc = ['rTRC', 'gTRC', 'bTRC'].map((t) => {
    const tag = tags.get(t);
    return tag ? readCurve(icc, tag) : null;
  });
  if (!r || !g || !b || !trc[0] || !trc[1] || !trc[2]) return null;
  return { toXyz: [r[0], g[0], b[0], r[1], g[1], b[1], r[2], g[2], b[2]], curves: trc as [Curve, Curve, Curve] };
}

const near = (m: number[], want: readonly number[]) => m.every((v, i) => Math.abs(v - want[i]) <= 0.003);
const SRGB_TO_XYZ = [
  SRGB_COLORANTS.rXYZ[0], SRGB_COLORANTS.gXYZ[0], SRGB_COLORANTS.bXYZ[0],
  SRGB_COLORANTS.rXYZ[1], SRGB_COLORANTS.gXYZ[1], SRGB_COLORANTS.bXYZ[1],
  SRGB_COLORANTS.rXYZ[2], SRGB_COLORANTS.gXYZ[2], SRGB_COLORANTS.bXYZ[2],
];

/** sRGB's own tone curve, encoded → linear. */
const srgbDecode = (x: number) => (x <= 0.04045 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4));

/**
 * Whether a profile is sRGB, judged by what it does (colorants and tone curves),
 * not by its name: converting sRGB to sRGB is a costly no-op.
 */
export function isSrgbProfile(icc: Buffer | undefined): boolean {
  const p = parseMatrixShaper(icc);
  if (!p || !near(p.toXyz, SRGB_TO_XYZ)) return false;
  for (let i = 0; i <= 16; i++) {
    const x = i / 16;
    if (p.curves.some((c) => Math.abs(c(x) - srgbDecode(x)) > 0.004)) return false;
  }
  return true;
}

function invert3(m: number[]): number[] {
  const [a, b, c, d, e, f, g, h, i] = m;
  const A = e * i - f * h;
  const B = -(d * i - f * g);
  const C = d * h - e * g;
  const det = a * A + b * B + c * C;
  return [A, -(b * i - c * h), b * f - c * e, B, a * i - c * g, -(a * f - c * d), C, -(a * h - b * g), a * e - b * d].map((v) => v / det);
}

function multiply3(x: number[], y: number[]): number[] {
  const out = new Array<number>(9);
  for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) out[r * 3 + c] = x[r * 3] * y[c] + x[r * 3 + 1] * y[3 + c] + x[r * 3 + 2] * y[6 + c];
  return out;
}

const ENCODE_STEPS = 16384;
let srgbEncodeTable: Uint8Array | undefined;
/** Linear [0, 1] in ENCODE_STEPS steps → 8-bit sRGB. */
function srgbEncode(): Uint8Array {
  if (!srgbEncodeTable) {
    srgbEncodeTable = new Uint8Array(ENCODE_STEPS + 1);
    for (let i = 0; i <= ENCODE_STEPS; i++) {
      const v = i / ENCODE_STEPS;
      const e = v <= 0.0031308 ? 12.92 * v : 1.055 * Math.pow(v, 1 / 2.4) - 0.055;
      srgbEncodeTable[i] = Math.round(Math.min(1, Math.max(0, e)) * 255);
    }
  }
  return srgbEncodeTable;
}

/**
 * Converts interleaved 8-bit pixels (3 or 4 channels, alpha untouched) from
 * the profile's colours to sRGB in place: relative colorimetric, out-of-gamut
 * colours clipped, as LittleCMS does for matrix/shaper profiles.
 */
export function convertToSrgb(pixels: Buffer, channels: number, profile: MatrixShaper): void {
  const m = multiply3(invert3(SRGB_TO_XYZ), profile.toXyz);
  const [lr, lg, lb] = profile.curves.map((curve) => Float32Array.from({ length: 256 }, (_, v) => curve(v / 255)));
  const enc = srgbEncode();
  const S = ENCODE_STEPS;
  const q = (v: number) => enc[v <= 0 ? 0 : v >= 1 ? S : (v * S + 0.5) | 0];
  for (let i = 0; i + 2 < pixels.length; i += channels) {
    const r = lr[pixels[i]];
    const g = lg[pixels[i + 1]];
    const b = lb[pixels[i + 2]];
    pixels[i] = q(m[0] * r + m[1] * g + m[2] * b);
    pixels[i + 1] = q(m[3] * r + m[4] * g + m[5] * b);
    pixels[i + 2] = q(m[6] * r + m[7] * g + m[8] * b);
  }
}

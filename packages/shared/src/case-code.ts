/**
 * 一案一码: the case code.
 *
 * Shape: `YYMMDD-XXXXXX-C` (13 symbols, dashes optional when typed), where
 * YYMMDD is the creation date in China Standard Time, XXXXXX six random
 * symbols and C a check symbol.
 *
 * Alphabet: 31 symbols, Crockford's base-32 without Z (0-9 and
 * ABCDEFGHJKMNPQRSTVWXY). No I, L, O, U, Z, so nothing reads as another
 * symbol; when typed, I/L→1, O→0, Z→2 and lower case are normalised.
 *
 * Check: with values v1..v13 (the check symbol last) and weights 1..13,
 * Σ i·vi ≡ 0 (mod 31). 31 is prime, so
 *  - a single changed symbol changes the sum by i·(a−b) ≢ 0, and
 *  - a swap of neighbours i, i+1 changes it by (a−b)·(i−(i+1)) ≢ 0,
 * which makes both kinds of typo always detectable (the check symbol
 * included). The random part is drawn from 31^6 ≈ 887 million values per day,
 * so even a day of ten thousand reports rarely collides (≈ 0.06 expected);
 * uniqueness is enforced by the database's unique index and the creator
 * retries on a collision.
 */
export const CASE_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXY';
const MOD = CASE_CODE_ALPHABET.length; // 31, prime
const RANDOM_LENGTH = 6;
const BODY_LENGTH = 6 + RANDOM_LENGTH;
export const CASE_CODE_LENGTH = BODY_LENGTH + 1;
/** Accepts codes typed with or without dashes/spaces, any case. */

const SUBSTITUTES: Record<string, string> = { I: '1', L: '1', O: '0', Z: '2' };

function valueOf(symbol: string): number {
  return CASE_CODE_ALPHABET.indexOf(symbol);
}

function checkSymbol(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum += (i + 1) * valueOf(body[i]);
  // Need sum + (n+1)·c ≡ 0 (mod 31): c = −sum · (n+1)⁻¹.
  const weight = body.length + 1;
  const inverse = modInverse(weight % MOD, MOD);
  const c = (((MOD - (sum % MOD)) % MOD) * inverse) % MOD;
  return CASE_CODE_ALPHABET[c];
}

function modInverse(a: number, m: number): number {
  for (let x = 1; x < m; x++) if ((a * x) % m === 1) return x;
  throw new Error('no inverse');
}

/** Formats a Date as YYMMDD in China Standard Time (UTC+8, no DST). */
export function chinaDateStamp(date: Date): string {
  const cst = new Date(date.getTime() + 8 * 3600_000);
  const yy = String(cst.getUTCFullYear() % 100).padStart(2, '0');
  const mm = String(cst.getUTCMonth() + 1).padStart(2, '0');
  const dd = String(cst.getUTCDate()).padStart(2, '0');
  return `${yy}${mm}${dd}`;
}

export type RandomSource = (maxExclusive: number) => number;

type Crypto = { getRandomValues?: (a: Uint32Array) => Uint32Array };
const POOL_SIZE = 256;
let pool: Uint32Array = new Uint32Array(0);
let poolAt = 0;

/**
 * Uniform draws from the platform CSPRNG, fetched 256 words at a time: each
 * fetch is a system call, costly enough to show in intake profiles when made
 * per symbol.
 */
const defaultRandom: RandomSource = (max) => {
  const c = (globalThis as { crypto?: Crypto }).crypto;
  if (!c?.getRandomValues) return Math.floor(Math.random() * max);
  // Rejection sampling keeps the draw uniform.
  const limit = Math.floor(0x1_0000_0000 / max) * max;
  for (;;) {
    if (poolAt >= pool.length) {
      pool = c.getRandomValues(new Uint32Array(POOL_SIZE));
      poolAt = 0;
    }
    const v = pool[poolAt++];
    if (v < limit) return v % max;
  }
};

/** A new case code for a ticket created at `now`. */
export function generateCaseCode(now: Date = new Date(), random: RandomSource = defaultRandom): string {
  let body = chinaDateStamp(now);
  for (let i = 0; i < RANDOM_LENGTH; i++) body += CASE_CODE_ALPHABET[random(MOD)];
  return formatCaseCode(body + checkSymbol(body));
}

/** Upper-cases, removes separators and maps look-alike letters; no validation. */
export function normalizeCaseCode(input: string): string {
  return input
    .toUpperCase()
    .replace(/[\s\-_]/g, '')
    .replace(/[ILOZ]/g, (ch) => SUBSTITUTES[ch]);
}

export function formatCaseCode(compact: string): string {
  return `${compact.slice(0, 6)}-${compact.slice(6, BODY_LENGTH)}-${compact.slice(BODY_LENGTH)}`;
}

export type CaseCodeCheck =
  | { valid: true; code: string }
  | { valid: false; reason: 'length' | 'symbol' | 'date' | 'check' };

/**
 * Checks a typed case code. Returns the canonical form (`YYMMDD-XXXXXX-C`) when
 * valid, so lookups always use one spelling.
 */
export function checkCaseCode(input: string): CaseCodeCheck {
  if (typeof input !== 'string') return { valid: false, reason: 'symbol' };
  const compact = normalizeCaseCode(input);
  if (compact.length !== CASE_CODE_LENGTH) return { valid: false, reason: 'length' };
  for (const ch of compact) if (valueOf(ch) < 0) return { valid: false, reason: 'symbol' };
  let sum = 0;
  for (let i = 0; i < compact.length; i++) sum += (i + 1) * valueOf(compact[i]);
  if (sum % MOD !== 0) return { valid: false, reason: 'check' };
  const mm = Number(compact.slice(2, 4));
  const dd = Number(compact.slice(4, 6));
  if (!/^\d{6}$/.test(compact.slice(0, 6)) || mm < 1 || mm > 12 || dd < 1 || dd > 31) {
    return { valid: false, reason: 'date' };
  }
  return { valid: true, code: formatCaseCode(compact) };
}

export function isValidCaseCode(input: string): boolean {
  return checkCaseCode(input).valid;
}

/**
 * 居民身份证号码 (GB 11643-1999): 17 digits and a check character computed
 * with ISO 7064 MOD 11-2; digits 7–14 are the birth date (YYYYMMDD).
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

export type IdCardProblem = 'format' | 'birth_date' | 'checksum';

/** The check character (0–9 or X) for the first 17 digits. */
export function idCardCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

/** Upper-cases a trailing x and strips surrounding spaces. */
export function normalizeIdCard(raw: string): string {
  return raw.trim().toUpperCase();
}

/**
 * Why an 18-character ID number is not valid, or null when it is. `today`
 * bounds the birth date (nobody is born in the future or before 1900).
 */
export function idCardProblem(raw: string, today: Date = new Date()): IdCardProblem | null {
  const id = normalizeIdCard(raw);
  if (!/^\d{17}[\dX]$/.test(id)) return 'format';
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const birth = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || birth.getUTCFullYear() !== y || birth.getUTCMonth() !== m - 1 || birth.getUTCDate() !== d || birth.getTime() > today.getTime()) {
    return 'birth_date';
  }
  return idCardCheckChar(id) === id[17] ? null : 'checksum';
}

export function isValidIdCard(raw: string, today?: Date): boolean {
  return idCardProblem(raw, today) === null;
}

/** 110***********1234: the first three and last four characters, the rest starred. */
export function maskIdCard(id: string | null | undefined): string | null {
  if (!id) return null;
  if (id.length < 8) return '*'.repeat(id.length);
  return `${id.slice(0, 3)}${'*'.repeat(id.length - 7)}${id.slice(-4)}`;
}

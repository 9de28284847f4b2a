/** Mainland mobile numbers: 11 digits starting with 1[3-9]. */
export const PHONE_PATTERN = /^1[3-9]\d{9}$/;

export function isValidPhone(phone: unknown): phone is string {
  return typeof phone === 'string' && PHONE_PATTERN.test(phone);
}

/** 138****1234: what anyone but the owner and the centre sees. */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return null;
  if (phone.length < 7) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}

/**
 * Characters people put between the digits of a number they write down:
 * spaces (also full-width and no-break), hyphens and dashes, dots, commas,
 * slashes, brackets. At most three of them between two runs of digits keep the
 * runs one number: `139-1234-5678`, `110105 19491231 002X`, `(139) 1234 5678`.
 */
const SEPARATORS = ' \t\u00a0\u2002\u2003\u3000-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uff0d.\uff0e\u00b7\u30fb\u2027,\uff0c\u3001/\uff0f_()\uff08\uff09';
const MAX_GAP = 3;

/** 0–9 for ASCII and full-width digits (０–９), else -1. */
function digitOf(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 0xff10 && c <= 0xff19) return c - 0xff10;
  return -1;
}
const isCheckX = (ch: string) => ch === 'X' || ch === 'x' || ch === '\uff38' || ch === '\uff58';
const isLatinLetter = (ch: string | undefined) => !!ch && /[A-Za-z\uff21-\uff3a\uff41-\uff5a]/.test(ch);

interface Run {
  /** Index in the text of each digit (and of a trailing X). */
  positions: number[];
  values: number[];
  endsWithX: boolean;
}

/** The runs of digits in text, grouped: runs split by at most MAX_GAP separators are one group. */
function digitGroups(text: string): Run[][] {
  const groups: Run[][] = [];
  let group: Run[] = [];
  let i = 0;
  let continuing = false;
  while (i < text.length) {
    if (!continuing && digitOf(text.charCodeAt(i)) < 0) {
      i++;
      continue;
    }
    continuing = false;
    const run: Run = { positions: [], values: [], endsWithX: false };
    while (i < text.length && digitOf(text.charCodeAt(i)) >= 0) {
      run.positions.push(i);
      run.values.push(digitOf(text.charCodeAt(i)));
      i++;
    }
    if (i < text.length && isCheckX(text[i]) && !isLatinLetter(text[i + 1])) {
      run.positions.push(i);
      run.values.push(10);
      run.endsWithX = true;
      i++;
    }
    group.push(run);
    let gap = 0;
    while (i + gap < text.length && gap <= MAX_GAP && SEPARATORS.includes(text[i + gap])) gap++;
    const next = i + gap;
    const nextStartsRun = next < text.length && (digitOf(text.charCodeAt(next)) >= 0 || (isCheckX(text[next]) && !isLatinLetter(text[next + 1])));
    if (gap >= 1 && gap <= MAX_GAP && nextStartsRun && !run.endsWithX) {
      i = next;
      continuing = true;
      continue;
    }
    groups.push(group);
    group = [];
  }
  if (group.length) groups.push(group);
  return groups;
}

type Kind = 'phone' | 'id';

/** Characters 7–14 of an ID number read as a date 1900–2099 (month 1–12, day 1–31). */
function plausibleBirth(v: number[]): boolean {
  const year = v[6] * 1000 + v[7] * 100 + v[8] * 10 + v[9];
  const month = v[10] * 10 + v[11];
  const day = v[12] * 10 + v[13];
  return year >= 1900 && year <= 2099 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/**
 * Finds mainland mobile numbers (11 digits, 1[3-9]…) and resident ID numbers
 * (18 characters, 17 digits and a digit or X) however they are written —
 * compact, spaced, hyphenated, dotted, full-width, split across
 * punctuation — and stars the same characters maskPhone / maskIdCard hide,
 * leaving the separators as they were. A number glued to Latin letters
 * (an order or serial number) is left alone, as is a longer run of digits.
 */
function maskNumbers(text: string, kinds: readonly Kind[]): string {
  if (!text) return text;
  let out: string[] | null = null;
  const star = (positions: number[], from: number, to: number) => {
    out ??= Array.from({ length: text.length }, (_, k) => text[k]);
    for (let k = from; k < to; k++) out[positions[k]] = '*';
  };
  for (const runs of digitGroups(text)) {
    /** The runs i..j holding exactly `size` characters, not glued to letters, X only last; or null. */
    const windowAt = (i: number, size: number) => {
      let positions: number[] = [];
      let values: number[] = [];
      for (let j = i; j < runs.length && positions.length < size; j++) {
        positions = positions.concat(runs[j].positions);
        values = values.concat(runs[j].values);
        if (positions.length === size) {
          if (values.slice(0, -1).includes(10)) return null;
          if (isLatinLetter(text[positions[0] - 1]) || isLatinLetter(text[positions[size - 1] + 1])) return null;
          return { positions, values, next: j + 1 };
        }
      }
      return null;
    };
    let i = 0;
    while (i < runs.length) {
      const id = windowAt(i, 18);
      // A compact 18-character run is masked whatever it holds; pieces joined across separators
      // must also carry a plausible birth date, or two phone numbers in a row could pass for one ID.
      if (id && id.values[0] >= 1 && id.values[0] <= 9 && (id.next === i + 1 || plausibleBirth(id.values))) {
        if (kinds.includes('id')) star(id.positions, 3, 14);
        i = id.next;
        continue;
      }
      // With the country code glued on (+8613912345678, 008613912345678): the number after it is the phone.
      let prefixed = false;
      for (const prefix of [[8, 6], [0, 0, 8, 6]]) {
        const w = windowAt(i, 11 + prefix.length);
        const n = prefix.length;
        if (w && prefix.every((d, k) => w.values[k] === d) && w.values[n] === 1 && w.values[n + 1] >= 3 && w.values[n + 1] <= 9 && !w.values.includes(10)) {
          if (kinds.includes('phone')) star(w.positions.slice(n), 3, 7);
          i = w.next;
          prefixed = true;
          break;
        }
      }
      if (prefixed) continue;
      const phone = windowAt(i, 11);
      if (phone && phone.values[0] === 1 && phone.values[1] >= 3 && phone.values[1] <= 9 && phone.values[10] !== 10) {
        if (kinds.includes('phone')) star(phone.positions, 3, 7);
        i = phone.next;
        continue;
      }
      i++;
    }
  }
  return out ? (out as string[]).join('') : text;
}

/** Masks every mainland mobile number inside free text (logs, documents, responses), however it is spelled. */
export function maskPhonesIn(text: string): string {
  return maskNumbers(text, ['phone']);
}

/**
 * Masks every 18-character resident ID number inside free text, the same way
 * maskIdCard shows one: 110***********1234. Any 17 digits plus a digit or X
 * count, valid checksum or not (a mistyped ID number is still somebody's),
 * also when written with spaces, hyphens, full-width digits or split across
 * punctuation (`110105 19491231 002X`).
 */
export function maskIdCardsIn(text: string): string {
  return maskNumbers(text, ['id']);
}

/** Both: what leaves the server in free text a staff member or a printout shows. */
export function maskPersonalNumbersIn(text: string): string {
  return maskNumbers(text, ['id', 'phone']);
}

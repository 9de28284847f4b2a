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

/** Masks every mainland mobile number inside free text (for logs). */
export function maskPhonesIn(text: string): string {
  // No look-behind: older mini-program JS engines cannot parse it.
  return text.replace(/(^|\D)(1[3-9]\d)\d{4}(\d{4})(?=\D|$)/g, '$1$2****$3');
}

/**
 * Masks every 18-character resident ID number inside free text (for logs), the
 * same way maskIdCard shows one: 110***********1234. Any 17 digits plus a digit
 * or X between non-alphanumerics count, valid checksum or not: a mistyped ID
 * number is still somebody's.
 */
export function maskIdCardsIn(text: string): string {
  return text.replace(/(^|[^0-9A-Za-z])([1-9]\d{2})\d{11}(\d{3}[0-9Xx])(?=[^0-9A-Za-z]|$)/g, '$1$2***********$3');
}

/** UTF-8 byte order mark: Excel on Windows reads the file as UTF-8 only with it. */
export const BOM = '\uFEFF';

/**
 * One RFC 4180 field: quoted when it holds a comma, quote or line break,
 * quotes doubled. A leading = + - @ (or tab/CR) gets a ' so a spreadsheet
 * does not run it as a formula.
 */
export function csvField(v: unknown): string {
  let s = v === null || v === undefined ? '' : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return BOM + [header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

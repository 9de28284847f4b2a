function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** `2026-11-25 14:03` in the device's local time; '' for a bad value. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function formatDate(iso: string | null | undefined): string {
  return formatDateTime(iso).slice(0, 10);
}

/** First non-empty line of a report, cut to `max` characters. */
export function firstLine(text: string | null | undefined, max = 40): string {
  const line = (text || '').split('\n').map((l) => l.trim()).filter(Boolean)[0] || '';
  return line.length > max ? `${line.slice(0, max)}…` : line;
}

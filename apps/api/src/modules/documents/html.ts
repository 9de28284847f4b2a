/** Escapes text for HTML element content and quoted attribute values. Every interpolated value goes through it. */
export function escapeHtml(v: unknown): string {
  return String(v ?? '').replace(/[&<>"'`]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' })[c]!);
}

/** 2026年03月01日 09:05 in China time (UTC+8); '—' for none. */
export function chinaDateTime(at: Date | null | undefined): string {
  if (!at) return '—';
  const d = new Date(at.getTime() + 8 * 3600_000).toISOString();
  return `${d.slice(0, 4)}年${d.slice(5, 7)}月${d.slice(8, 10)}日 ${d.slice(11, 16)}`;
}

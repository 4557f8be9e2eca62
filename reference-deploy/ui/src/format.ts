/** Display helpers: numbers with separators, UTC times, durations and ages. */

const nf = new Intl.NumberFormat('en-US');

/** 12345 → "12,345"; null → "–". */
export function num(n: number | null | undefined): string {
  return n === null || n === undefined || Number.isNaN(n) ? '–' : nf.format(n);
}

/** An ISO time as "2025-12-01 02:45:23 UTC" (the store's times are UTC). */
export function utc(iso: string | null | undefined): string {
  if (!iso) return '–';
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}

/** Seconds since an ISO time, as "4 s ago" / "3 min ago" / "2 h ago". */
export function ago(iso: string | null | undefined, now = Date.now()): string {
  if (!iso) return '–';
  const s = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (s < 120) return `${s} s ago`;
  if (s < 7200) return `${Math.round(s / 60)} min ago`;
  if (s < 172800) return `${Math.round(s / 3600)} h ago`;
  return `${Math.round(s / 86400)} d ago`;
}

/** A score with 3 significant decimals. */
export function score(x: number): string {
  return x >= 10 ? x.toFixed(1) : x.toFixed(3);
}

/** Shorten long text for table cells (the full text goes in `title`). */
export function clip(s: string, max = 80): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

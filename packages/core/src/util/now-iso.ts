/** The current time in our canonical form, `YYYY-MM-DDTHH:MM:SS.ffffffZ` (microseconds as 000). */
export function nowIso(): string {
  return new Date().toISOString().replace('Z', '000Z');
}

// Tolerant readers for third-party JSON: services send numbers as strings, `null` for anything,
// and predecessor cache files add their own quirks. Each returns `null` (or []) rather than throw.

/** A plain object, or `null`. */
export function asObject(v: unknown): Record<string, unknown> | null {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}

/** A finite number from a number or numeric string (`"120"`), else `null`. */
export function asNumber(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' && v.trim() !== '') {
    const n = Number(v.trim());
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

/** A non-empty string (numbers stringified), else `null`. */
export function asString(v: unknown): string | null {
  if (typeof v === 'string') return v === '' ? null : v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return null;
}

/**
 * A list of strings from an array, a single string, a comma list, or a Python repr such as
 * `"['SCANNER', 'TOR']"` (the predecessor's legacy SPUR slots).
 */
export function asStringList(v: unknown): string[] {
  if (Array.isArray(v)) return v.map(asString).filter((s): s is string => s !== null);
  if (typeof v !== 'string' || v.trim() === '') return [];
  const t = v.trim();
  if (t.startsWith('[') && t.endsWith(']')) {
    return t.slice(1, -1).split(',').map((s) => s.trim().replace(/^['"]|['"]$/g, '')).filter((s) => s !== '');
  }
  return t.split(',').map((s) => s.trim()).filter((s) => s !== '');
}

/** Walk a dotted path through nested objects (`get(o, 'ip', 'count')`). */
export function dig(v: unknown, ...path: string[]): unknown {
  let cur: unknown = v;
  for (const p of path) {
    const o = asObject(cur);
    if (!o) return undefined;
    cur = o[p];
  }
  return cur;
}

/** Epoch seconds, a vt-py datetime string (`2023-02-28 16:00:00+00:00`) or ISO -> ISO-8601 UTC, else `null`. */
export function asIsoTime(v: unknown): string | null {
  if (typeof v === 'number' && Number.isFinite(v)) return new Date(v * 1000).toISOString();
  if (typeof v === 'string' && v.trim() !== '') {
    if (/^\d+(\.\d+)?$/.test(v.trim())) return new Date(Number(v) * 1000).toISOString();
    const ms = Date.parse(v.trim().replace(' ', 'T'));
    return Number.isNaN(ms) ? null : new Date(ms).toISOString();
  }
  return null;
}

/** A boolean from `true`/`"True"`/`"YES"`/`1`, else `null`. */
export function asBoolean(v: unknown): boolean | null {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string') {
    const t = v.trim().toLowerCase();
    if (['true', 'yes', '1'].includes(t)) return true;
    if (['false', 'no', '0'].includes(t)) return false;
  }
  return null;
}

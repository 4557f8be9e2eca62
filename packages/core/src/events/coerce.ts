/**
 * Small, allocation-free readers that turn the loosely typed values of a Cowrie JSON
 * object into the typed fields of an event. Every reader answers `null` for a value of
 * the wrong type instead of throwing, because one odd field must never cost the event.
 *
 * @module
 */

/**
 * A string value, else `null`.
 *
 * @example
 * readString('root'); // 'root'
 * readString(42); // null
 */
export function readString(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

/** True when `s` is an optional `-` followed by 1–15 ASCII digits (safe as an exact integer). */
function isIntegerText(s: string): boolean {
  const n = s.length;
  let i = n > 0 && s.charCodeAt(0) === 45 /* - */ ? 1 : 0;
  if (i === n || n - i > 15) return false;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * An integer: a JSON number that is a whole number, or a string of digits such as `"22"`
 * (hand-edited logs and some shippers stringify ports). Fractions, `NaN` and other types → `null`.
 *
 * @example
 * readInt(2222); // 2222
 * readInt('22'); // 22
 * readInt(1.5); // null
 */
export function readInt(v: unknown): number | null {
  if (typeof v === 'number') return Number.isSafeInteger(v) ? v : null;
  if (typeof v === 'string' && isIntegerText(v)) return Number(v);
  return null;
}

/**
 * A finite number, or a string holding one (`"13.3"`); anything else → `null`.
 *
 * @example
 * readNumber('13.3'); // 13.3
 * readNumber(''); // null
 */
/**
 * A TCP/UDP port: an integer 0–65535 (digit strings accepted), else `null`. Attacker-supplied
 * values beyond that range would not fit the store's integer columns.
 *
 * @example
 * readPort('2222'); // 2222
 * readPort(99999999999); // null
 */
export function readPort(v: unknown): number | null {
  const n = readInt(v);
  return n !== null && n >= 0 && n <= 65535 ? n : null;
}

export function readNumber(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string') {
    // Number('') and Number('  ') are 0, which would invent a value.
    if (v.trim() === '') return null;
    const n = Number(v);
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

/**
 * A boolean, also from Python's and JSON's spellings as strings (`"true"`, `"False"`);
 * VirusTotal's `is_new` is such a string.
 *
 * @example
 * readBool(true); // true
 * readBool('false'); // false
 * readBool(1); // null
 */
export function readBool(v: unknown): boolean | null {
  if (typeof v === 'boolean') return v;
  if (v === 'true' || v === 'True') return true;
  if (v === 'false' || v === 'False') return false;
  return null;
}

/**
 * A list of strings (KEX algorithm lists). Returned as the same array object, not a copy,
 * because these lists are read per event; treat it as read-only. A list holding any
 * non-string → `null`.
 *
 * @example
 * readStringList(['curve25519-sha256', 'ecdh-sha2-nistp256']); // the same array
 * readStringList([1, 2]); // null
 */
export function readStringList(v: unknown): readonly string[] | null {
  if (!Array.isArray(v)) return null;
  for (let i = 0; i < v.length; i++) {
    if (typeof v[i] !== 'string') return null;
  }
  return v as string[];
}

/**
 * A JSON object (not an array, not `null`), returned as is.
 *
 * @example
 * readRecord({ a: 1 }); // { a: 1 }
 * readRecord([]); // null
 */
export function readRecord(v: unknown): Record<string, unknown> | null {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}

/**
 * A hex digest in lower case (Cowrie writes lower case, but VirusTotal and hand-made
 * fixtures may not, and digests are join keys).
 *
 * @example
 * readLowerHex('ABCD'); // 'abcd'
 */
export function readLowerHex(v: unknown): string | null {
  return typeof v === 'string' ? v.toLowerCase() : null;
}

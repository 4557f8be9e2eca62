// The predecessor stored SPUR as 18 positional slots, in two different orders
// (predecessor-details.md §2.6). These turn either list back into a v2-shaped object so that one
// normaliser reads everything.

/** Slots of the service order (`EnrichmentService`, cached as `{"spur_data":[…]}`): dotted v2 paths. */
export const SERVICE_ORDER = [
  'as.organization', 'client.behaviors', 'client.concentration.country', 'client.concentration.geohash',
  'client.concentration.skew', 'client.countries', 'client.count', 'client.proxies', 'client.spread', 'client.types',
  'infrastructure', 'location.city', 'location.country', 'location.state', 'organization', 'risks', 'services', 'tunnels',
] as const;

/**
 * Which order an 18-slot list is in. The service order keeps raw JSON types (lists, numbers),
 * the legacy order `str()`-ed everything: slot 0 is the AS number there and slot 3 the
 * upper-case infrastructure, where the service order has an AS name and a lower-case geohash.
 */
export function detectSlotOrder(slots: readonly unknown[]): 'service' | 'legacy' {
  if (slots.some((s) => typeof s !== 'string')) return 'service';
  const s = slots as readonly string[];
  let legacy = 0;
  if (/^\d+$/.test(s[0] ?? '')) legacy += 2;
  if (/^[A-Z_]+$/.test(s[3] ?? '')) legacy += 1;
  if ((s[4] ?? '').startsWith('[') || (s[6] ?? '').startsWith('[')) legacy += 1;
  if (/^(True|False)$/.test(s[14] ?? '')) legacy += 1;
  if (/^[A-Z_]+$/.test(s[10] ?? '')) legacy -= 2; // infrastructure in the service order's slot 10
  return legacy > 0 ? 'legacy' : 'service';
}

/** Service-order slots -> v2-shaped object. */
export function serviceSlotsToObject(slots: readonly unknown[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  SERVICE_ORDER.forEach((path, i) => {
    const v = slots[i];
    if (v === undefined || v === '') return;
    const parts = path.split('.');
    let cur = out;
    for (const p of parts.slice(0, -1)) cur = (cur[p] ??= {}) as Record<string, unknown>;
    cur[parts[parts.length - 1] as string] = v;
  });
  return out;
}

/** Legacy-order slots (all strings, Python reprs for lists) -> v2-shaped object. */
export function legacySlotsToObject(slots: readonly unknown[]): Record<string, unknown> {
  const s = (i: number): string => (typeof slots[i] === 'string' ? (slots[i] as string) : '');
  const tunnel = { anonymous: s(14), entries: s(15), operator: s(16), type: s(17) };
  return {
    as: { number: s(0), organization: s(1) },
    organization: s(2),
    infrastructure: s(3),
    client: {
      behaviors: s(4), proxies: s(5), types: s(6), count: s(7),
      concentration: parsePythonRepr(s(8)), countries: s(9), spread: s(10),
    },
    risks: s(11),
    services: s(12),
    location: splitLocation(s(13)),
    tunnels: Object.values(tunnel).some((v) => v !== '') ? [tunnel] : [],
  };
}

/** `"city, state, country"` with empty parts skipped: three parts are unambiguous, fewer are a best guess. */
function splitLocation(text: string): Record<string, string> | null {
  const parts = text.split(',').map((p) => p.trim()).filter((p) => p !== '');
  if (parts.length === 0) return null;
  if (parts.length >= 3) return { city: parts[0] as string, state: parts[1] as string, country: parts[2] as string };
  const last = parts[parts.length - 1] as string;
  const country = /^[A-Z]{2}$/.test(last) ? last : undefined;
  const rest = country ? parts.slice(0, -1) : parts;
  return { ...(rest[0] ? { city: rest[0] } : {}), ...(rest[1] ? { state: rest[1] } : {}), ...(country ? { country } : {}) };
}

/** Best effort for a Python dict repr (`{'country': 'US', 'skew': 45}`); anything else -> `null`. */
function parsePythonRepr(text: string): unknown {
  if (!text.startsWith('{')) return null;
  try {
    return JSON.parse(text.replace(/'/g, '"').replace(/\bTrue\b/g, 'true').replace(/\bFalse\b/g, 'false').replace(/\bNone\b/g, 'null'));
  } catch {
    return null;
  }
}

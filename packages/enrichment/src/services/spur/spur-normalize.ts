import { asBoolean, asNumber, asObject, asString, asStringList } from '../coerce.js';
import type { RawAnswer, SpurContext, SpurTunnel } from '../types.js';
import { detectSlotOrder, legacySlotsToObject, serviceSlotsToObject } from './spur-slots.js';

/**
 * Raw SPUR answer -> {@link SpurContext}. Accepts the v2 context object (sparse: absent fields
 * are `null`/[]), the predecessor's fixture names (`asn` for `as`), its cache value
 * `{"spur_data":[18 slots]}` and bare 18-slot lists in either the service or the legacy order.
 *
 * @example
 * ```ts
 * normalizeSpur('1.1.1.1', { status: 'found', raw: { ip: '1.1.1.1', infrastructure: 'DATACENTER', as: { number: 13335 } } }).infrastructure; // 'DATACENTER'
 * ```
 */
export function normalizeSpur(subject: string, answer: RawAnswer): SpurContext {
  return fromObject(subject, toObject(answer.raw));
}

function toObject(raw: unknown): Record<string, unknown> {
  const slots = Array.isArray(raw) ? raw : asObject(raw)?.spur_data;
  if (Array.isArray(slots)) return detectSlotOrder(slots) === 'legacy' ? legacySlotsToObject(slots) : serviceSlotsToObject(slots);
  return asObject(raw) ?? {};
}

function fromObject(subject: string, o: Record<string, unknown>): SpurContext {
  const as = asObject(o.as) ?? asObject(o.asn) ?? {};
  const client = asObject(o.client) ?? {};
  const conc = asObject(client.concentration);
  const loc = asObject(o.location);
  return {
    ip: asString(o.ip) ?? subject,
    asn: asNumber(as.number ?? (typeof o.asn === 'string' || typeof o.asn === 'number' ? String(o.asn).replace(/^AS/i, '') : undefined)),
    asOrganization: asString(as.organization),
    organization: asString(o.organization),
    infrastructure: asString(o.infrastructure),
    risks: asStringList(o.risks),
    services: asStringList(o.services),
    tunnels: (Array.isArray(o.tunnels) ? o.tunnels : []).map(readTunnel),
    client: {
      behaviors: asStringList(client.behaviors),
      proxies: asStringList(client.proxies),
      types: asStringList(client.types),
      count: asNumber(client.count),
      countries: asNumber(client.countries),
      spread: asNumber(client.spread),
      concentration: conc ? {
        country: asString(conc.country), state: asString(conc.state), city: asString(conc.city),
        geohash: asString(conc.geohash), density: asNumber(conc.density), skew: asNumber(conc.skew),
      } : null,
    },
    location: loc ? { city: asString(loc.city), state: asString(loc.state), country: asString(loc.country) } : null,
  };
}

function readTunnel(v: unknown): SpurTunnel {
  const t = asObject(v) ?? {};
  return {
    type: asString(t.type),
    operator: asString(t.operator),
    anonymous: asBoolean(t.anonymous),
    entries: asStringList(t.entries),
    exits: asStringList(t.exits),
  };
}

import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  CURRENT_EVENT_IDS,
  KNOWN_EVENT_IDS,
  RETIRED_EVENT_FAMILIES,
  RETIRED_EVENT_IDS,
  isKnownEventId,
  retiredEventFamily,
  type CowrieEvent,
  type EventKind,
  type KnownEventId,
} from '../../src/events/index.js';

describe('event ids', () => {
  it("lists the 48 ids of cowrie's core/eventids.py at HEAD, without duplicates", () => {
    expect(CURRENT_EVENT_IDS).toHaveLength(48);
    expect(new Set(CURRENT_EVENT_IDS).size).toBe(48);
    for (const id of CURRENT_EVENT_IDS) expect(id).toMatch(/^cowrie\.[a-z0-9_-]+(\.[a-z0-9_-]+)+$/);
  });

  it('KNOWN_EVENT_IDS = current + retired exact ids', () => {
    expect(KNOWN_EVENT_IDS).toEqual([...CURRENT_EVENT_IDS, ...RETIRED_EVENT_IDS]);
    expect(KNOWN_EVENT_IDS).toContain('cowrie.pool_client');
    expect(RETIRED_EVENT_FAMILIES).toEqual(['cowrie.threatjammer.*', 'cowrie.backend_pool.*']);
  });

  it('isKnownEventId matches exactly', () => {
    expect(isKnownEventId('cowrie.session.file_download.failed')).toBe(true);
    expect(isKnownEventId('cowrie.pool_client')).toBe(true);
    expect(isKnownEventId('KIPP0001')).toBe(false);
    expect(isKnownEventId('cowrie.threatjammer.x')).toBe(false);
  });

  it('retiredEventFamily recognises the two families by prefix', () => {
    expect(retiredEventFamily('cowrie.threatjammer.reportedip')).toBe('cowrie.threatjammer.*');
    expect(retiredEventFamily('cowrie.backend_pool.vm_ready')).toBe('cowrie.backend_pool.*');
    expect(retiredEventFamily('cowrie.threatjammer')).toBeNull();
  });

  it('the union kinds are exactly the known ids, the families and unknown', () => {
    expectTypeOf<CowrieEvent['kind']>().toEqualTypeOf<EventKind>();
    expectTypeOf<KnownEventId>().toExtend<CowrieEvent['kind']>();
  });
});

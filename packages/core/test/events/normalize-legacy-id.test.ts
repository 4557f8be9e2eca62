import { describe, expect, it } from 'vitest';
import { mapLegacyEventId } from '../../src/events/normalize-legacy-id.js';

const EXPECTED: Array<[string, string | null]> = [
  ['0001', 'cowrie.session.connect'],
  ['0002', 'cowrie.login.success'],
  ['0003', 'cowrie.login.failed'],
  ['0004', 'cowrie.log.open'],
  ['0005', 'cowrie.command.success'],
  ['0006', 'cowrie.command.failed'],
  ['0007', 'cowrie.session.file_download'],
  ['0008', 'cowrie.command.input'],
  ['0009', 'cowrie.client.version'],
  ['0010', 'cowrie.client.size'],
  ['0011', 'cowrie.session.closed'],
  ['0012', 'cowrie.log.closed'],
  ['0013', 'cowrie.client.var'],
  ['0014', 'cowrie.direct-tcpip.request'],
  ['0015', null],
  ['0016', 'cowrie.client.fingerprint'],
  ['0017', 'cowrie.session.file_upload'],
];

describe('mapLegacyEventId', () => {
  it.each(EXPECTED)('maps KIPP%s and COW%s identically', (n, id) => {
    expect(mapLegacyEventId(`KIPP${n}`)).toBe(id);
    expect(mapLegacyEventId(`COW${n}`)).toBe(id);
  });

  it('ignores anything else', () => {
    expect(mapLegacyEventId('KIPP0018')).toBeNull();
    expect(mapLegacyEventId('COW0000')).toBeNull();
    expect(mapLegacyEventId('kipp0001')).toBeNull();
    expect(mapLegacyEventId('cowrie.login.success')).toBeNull();
  });
});

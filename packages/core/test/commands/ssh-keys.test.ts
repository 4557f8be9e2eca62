import { createHash, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { extractSshKeys } from '../../src/commands/index.js';

// Fixtures generated with OpenSSH `ssh-keygen` (public halves only); the fingerprints are what
// `ssh-keygen -l` and `ssh-keygen -l -E md5` printed for them — an independent implementation.
const ED25519_FIXTURE = {
  line: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIDmdktiPwmrT0EJb8EmkQZ6Z21rcTlv8m7qw9jjJA6Jy fixture@test',
  data: 'AAAAC3NzaC1lZDI1NTE5AAAAIDmdktiPwmrT0EJb8EmkQZ6Z21rcTlv8m7qw9jjJA6Jy',
  sha256: 'SHA256:EzPAM7svdHwKqwCbEZ1rOjQTxtjHLuFdcUHH9YV21o4',
  md5: '49:38:75:fd:c8:3c:53:5e:86:5d:10:33:82:2e:8e:a3',
};
const RSA_FIXTURE = {
  data:
    'AAAAB3NzaC1yc2EAAAADAQABAAAAgQDddcMA5neUoFMzFzR7MSxtID9XVcBErCB7jnCl8MRsXRJ9Oo2nLYSSPqAmQ6b4Or8KFxPiN/qXqF+' +
    'AgQSF/JSDaOIrLBOAOe2fy6Ic+zFT2L+6Cf+bZpNOntNIeqfb70wc0spXRQSR9gpqLXFYYjNcxEMjuVZoNHzAD/nmX9tjmQ==',
  sha256: 'SHA256:3cznSxhQKqQS2Qsi8MV7X3k+rOeIvNPZg9lbsWr+Ikg',
  md5: '39:4f:b5:df:ad:31:ba:85:c7:81:ae:6d:30:ad:55:0d',
  bits: 1024,
};

/** SSH wire `string`: uint32 big-endian length + bytes. */
const sshString = (b: Buffer | string): Buffer => {
  const body = typeof b === 'string' ? Buffer.from(b, 'latin1') : b;
  const len = Buffer.alloc(4);
  len.writeUInt32BE(body.length);
  return Buffer.concat([len, body]);
};
/** SSH wire `mpint` for a positive integer given big-endian unsigned bytes. */
const sshMpint = (unsigned: Buffer): Buffer =>
  sshString((unsigned[0] ?? 0) & 0x80 ? Buffer.concat([Buffer.from([0]), unsigned]) : unsigned);

function ed25519Blob(): Buffer {
  const { publicKey } = generateKeyPairSync('ed25519');
  const x = publicKey.export({ format: 'jwk' }).x ?? '';
  return Buffer.concat([sshString('ssh-ed25519'), sshString(Buffer.from(x, 'base64url'))]);
}
function rsaBlob(modulusLength: number): Buffer {
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength });
  const jwk = publicKey.export({ format: 'jwk' });
  return Buffer.concat([
    sshString('ssh-rsa'),
    sshMpint(Buffer.from(jwk.e ?? '', 'base64url')),
    sshMpint(Buffer.from(jwk.n ?? '', 'base64url')),
  ]);
}
function ecdsaP256Blob(): Buffer {
  const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const jwk = publicKey.export({ format: 'jwk' });
  const point = Buffer.concat([Buffer.from([4]), Buffer.from(jwk.x ?? '', 'base64url'), Buffer.from(jwk.y ?? '', 'base64url')]);
  return Buffer.concat([sshString('ecdsa-sha2-nistp256'), sshString('nistp256'), sshString(point)]);
}

// Independent of the module: Node's digest straight into the printed forms.
const sha256Of = (blob: Buffer): string => `SHA256:${createHash('sha256').update(blob).digest('base64').split('=')[0]}`;
const md5Of = (blob: Buffer): string => (createHash('md5').update(blob).digest('hex').match(/../g) ?? []).join(':');

describe('extractSshKeys', () => {
  it('matches ssh-keygen fingerprints for an ed25519 key with a comment', () => {
    const keys = extractSshKeys(`echo "${ED25519_FIXTURE.line}" >> ~/.ssh/authorized_keys`);
    expect(keys).toEqual([
      {
        keyType: 'ssh-ed25519',
        keyData: ED25519_FIXTURE.data,
        comment: 'fixture@test',
        fingerprintSha256: ED25519_FIXTURE.sha256,
        fingerprintMd5: ED25519_FIXTURE.md5,
        bits: null,
      },
    ]);
  });

  it('matches ssh-keygen for RSA including bits, in the classic mdrfckr one-liner', () => {
    const line = `cd ~ && rm -rf .ssh && mkdir .ssh && echo "ssh-rsa ${RSA_FIXTURE.data} mdrfckr">>.ssh/authorized_keys && chmod -R go= ~/.ssh && cd ~`;
    const [key, ...rest] = extractSshKeys(line);
    expect(rest).toEqual([]);
    expect(key).toMatchObject({
      keyType: 'ssh-rsa',
      keyData: RSA_FIXTURE.data,
      comment: 'mdrfckr',
      fingerprintSha256: RSA_FIXTURE.sha256,
      fingerprintMd5: RSA_FIXTURE.md5,
      bits: RSA_FIXTURE.bits,
    });
  });

  it('computes RSA bits from generated 2048- and 1536-bit keys (leading zero byte not counted)', () => {
    for (const size of [2048, 1536]) {
      const blob = rsaBlob(size);
      const [key] = extractSshKeys(`echo ssh-rsa ${blob.toString('base64')} >> authorized_keys`);
      expect(key?.bits).toBe(size);
      expect(key?.fingerprintSha256).toBe(sha256Of(blob));
      expect(key?.fingerprintMd5).toBe(md5Of(blob));
      expect(key?.comment).toBeNull();
    }
  });

  it('finds several keys in one printf line, split by literal \\n, with and without comments', () => {
    const a = ed25519Blob();
    const b = ecdsaP256Blob();
    const line = `printf "ssh-ed25519 ${a.toString('base64')} first key\\necdsa-sha2-nistp256 ${b.toString('base64')}\\n" > /root/.ssh/authorized_keys`;
    const keys = extractSshKeys(line);
    expect(keys.map((k) => [k.keyType, k.comment, k.fingerprintSha256, k.bits])).toEqual([
      ['ssh-ed25519', 'first key', sha256Of(a), null],
      ['ecdsa-sha2-nistp256', null, sha256Of(b), null],
    ]);
  });

  it('finds keys split by real newlines and CRLF', () => {
    const a = ed25519Blob();
    const b = ed25519Blob();
    const keys = extractSshKeys(`cat >> authorized_keys <<EOF\r\nssh-ed25519 ${a.toString('base64')} one\r\nssh-ed25519 ${b.toString('base64')}\r\nEOF`);
    expect(keys.map((k) => [k.fingerprintSha256, k.comment])).toEqual([
      [sha256Of(a), 'one'],
      [sha256Of(b), null],
    ]);
  });

  it('deduplicates identical keys within one line, keeping the first occurrence', () => {
    const blob = ed25519Blob().toString('base64');
    const line = `echo "ssh-ed25519 ${blob} a" >> ~/.ssh/authorized_keys; echo "ssh-ed25519 ${blob} b" >> ~/.ssh/authorized_keys2`;
    const keys = extractSshKeys(line);
    expect(keys).toHaveLength(1);
    expect(keys[0]?.comment).toBe('a');
  });

  it('recognises sk-ssh-ed25519@openssh.com without a second ssh-ed25519 match inside it', () => {
    const type = 'sk-ssh-ed25519@openssh.com';
    const blob = Buffer.concat([sshString(type), sshString(Buffer.alloc(32, 7)), sshString('ssh:')]);
    const keys = extractSshKeys(`echo '${type} ${blob.toString('base64')} yubi' >> authorized_keys`);
    expect(keys.map((k) => [k.keyType, k.comment, k.fingerprintSha256])).toEqual([[type, 'yubi', sha256Of(blob)]]);
  });

  it('ends the comment at ; & | > and quotes; trims it', () => {
    const blob = ed25519Blob().toString('base64');
    for (const [tail, comment] of [
      ['  root@box  ;ls', 'root@box'],
      [' x&&y', 'x'],
      [' x|y', 'x'],
      [' x>y', 'x'],
      [" x'", 'x'],
      ['   ', null],
    ] as const) {
      expect(extractSshKeys(`cd authorized_keys; echo ssh-ed25519 ${blob}${tail}`)[0]?.comment).toBe(comment);
    }
  });

  it('rejects garbage, a bare type without key material, type mismatch, truncation, trailing bytes', () => {
    const ed = ed25519Blob();
    const truncated = sshString('ssh-rsa').subarray(0, 6);
    const trailing = Buffer.concat([ed, Buffer.from([1, 2])]);
    for (const line of [
      'echo "ssh-rsa AAAAnotakeyatall mdrfckr" >> authorized_keys',
      'echo "ssh-rsa AAAAB3NzaC1yc2E" >> authorized_keys', // decodes to exactly string("ssh-rsa")
      `echo "ssh-rsa ${ed.toString('base64')}" >> authorized_keys`,
      `echo "ssh-rsa ${truncated.toString('base64')}" >> authorized_keys`,
      `echo "ssh-ed25519 ${ed.subarray(0, ed.length - 1).toString('base64')}" >> authorized_keys`,
      `echo "ssh-ed25519 ${trailing.toString('base64')}" >> authorized_keys`,
      'echo "ssh-rsa A" >> authorized_keys',
      'echo "ssh-rsa AAAA===" >> authorized_keys',
    ]) {
      expect(extractSshKeys(line), line).toEqual([]);
    }
  });

  it('rejects non-canonical base64 (non-zero bits after the last byte)', () => {
    const b64 = ecdsaP256Blob().toString('base64'); // 104 bytes: one `=` of padding
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    const last = b64.at(-2) ?? 'A';
    const tweaked = `${b64.slice(0, -2)}${alphabet[alphabet.indexOf(last) + 1] ?? 'B'}=`;
    expect(Buffer.from(tweaked, 'base64').equals(Buffer.from(b64, 'base64'))).toBe(true);
    expect(extractSshKeys(`echo ecdsa-sha2-nistp256 ${b64} >> authorized_keys`)).toHaveLength(1);
    expect(extractSshKeys(`echo ecdsa-sha2-nistp256 ${tweaked} >> authorized_keys`)).toEqual([]);
  });

  it('accepts a blob written without its = padding', () => {
    const blob = ecdsaP256Blob();
    const b64 = blob.toString('base64');
    const unpadded = b64.replace(/=+$/, '');
    const keys = extractSshKeys(`echo ecdsa-sha2-nistp256 ${unpadded} >> authorized_keys`);
    expect(keys[0]?.fingerprintSha256).toBe(sha256Of(blob));
  });

  it('ignores lines that do not mention authorized_keys', () => {
    expect(extractSshKeys(`echo "${ED25519_FIXTURE.line}" >> /tmp/k`)).toEqual([]);
    expect(extractSshKeys('')).toEqual([]);
    expect(extractSshKeys(undefined as unknown as string)).toEqual([]);
  });
});

/**
 * OpenSSH public-key wire format (RFC 4253 §6.6): a blob of length-prefixed strings whose
 * first string names the key type. Used to validate keys found in attacker commands and to
 * fingerprint them exactly as `ssh-keygen -l` does.
 *
 * @module
 */

import { createHash } from 'node:crypto';

/** One `string` field read from a blob, and where the next field starts. */
interface WireString {
  value: Buffer;
  next: number;
}

/** Reads a uint32-length-prefixed string at `offset`; `null` when the blob is too short. */
function readString(blob: Buffer, offset: number): WireString | null {
  if (offset + 4 > blob.length) return null;
  const len = blob.readUInt32BE(offset);
  const start = offset + 4;
  if (len > blob.length - start) return null;
  return { value: blob.subarray(start, start + len), next: start + len };
}

/**
 * Decodes base64 strictly: only the canonical encoding of some byte string is accepted
 * (padding optional), so text that merely looks like base64 does not become a "key".
 */
function decodeBase64Strict(data: string): Buffer | null {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(data)) return null;
  const body = data.replace(/=+$/, '');
  if (data.length !== body.length && data.length % 4 !== 0) return null;
  if (body.length % 4 === 1) return null;
  const decoded = Buffer.from(body, 'base64');
  return decoded.toString('base64').replace(/=+$/, '') === body ? decoded : null;
}

/**
 * Decodes `keyData` and checks that the blob's first string equals `keyType` and that the
 * rest is one or more complete strings (every OpenSSH public key type — RSA/DSA mpints,
 * Ed25519/Ed448 points, ECDSA curve and point, the `sk-` application — is laid out so).
 * Returns the blob, or `null` for garbage, truncation, a bare type with no key material, or
 * a type that contradicts the text.
 *
 * @example
 * decodeSshKeyBlob('ssh-ed25519', 'AAAAC3NzaC1lZDI1NTE5AAAAI…'); // Buffer
 * decodeSshKeyBlob('ssh-rsa', 'AAAAC3NzaC1lZDI1NTE5AAAAI…');     // null
 */
export function decodeSshKeyBlob(keyType: string, keyData: string): Buffer | null {
  const blob = decodeBase64Strict(keyData);
  if (blob === null) return null;
  const type = readString(blob, 0);
  if (type === null || type.value.toString('latin1') !== keyType || type.next === blob.length) return null;
  for (let field = readString(blob, type.next); field !== null; field = readString(blob, field.next)) {
    if (field.next === blob.length) return blob;
  }
  return null;
}

/**
 * RSA modulus size in bits (`ssh-keygen`'s number): the mpint's leading zero bytes, which
 * only keep it positive, are not counted. `null` when the blob has no readable modulus.
 *
 * @example
 * rsaModulusBits(Buffer.from(rsaPublicKeyBase64, 'base64')); // 2048 for a 2048-bit key
 */
export function rsaModulusBits(blob: Buffer): number | null {
  const type = readString(blob, 0);
  const exponent = type && readString(blob, type.next);
  const modulus = exponent && readString(blob, exponent.next);
  if (!modulus) return null;
  const n = modulus.value;
  let i = 0;
  while (i < n.length && n[i] === 0) i++;
  const top = n[i];
  if (top === undefined) return null;
  return (n.length - i - 1) * 8 + (32 - Math.clz32(top));
}

/**
 * OpenSSH SHA-256 fingerprint: `SHA256:` + unpadded base64 of sha256(blob).
 *
 * @example
 * const blob = Buffer.from('AAAAC3NzaC1lZDI1NTE5AAAAIDmdktiPwmrT0EJb8EmkQZ6Z21rcTlv8m7qw9jjJA6Jy', 'base64');
 * fingerprintSha256(blob); // 'SHA256:EzPAM7svdHwKqwCbEZ1rOjQTxtjHLuFdcUHH9YV21o4'
 */
export function fingerprintSha256(blob: Buffer): string {
  return `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
}

/**
 * Legacy OpenSSH MD5 fingerprint: colon-separated lower-case hex of md5(blob).
 *
 * @example
 * const blob = Buffer.from('AAAAC3NzaC1lZDI1NTE5AAAAIDmdktiPwmrT0EJb8EmkQZ6Z21rcTlv8m7qw9jjJA6Jy', 'base64');
 * fingerprintMd5(blob); // '49:38:75:fd:c8:3c:53:5e:86:5d:10:33:82:2e:8e:a3'
 */
export function fingerprintMd5(blob: Buffer): string {
  return createHash('md5').update(blob).digest('hex').replace(/(..)(?!$)/g, '$1:');
}

/**
 * One DOORSTEP_SECRET, a key per purpose (HKDF), and token keys that rotate: old links verify until
 * their key is dropped; links made before key ids verify while `legacy` is kept.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../common/config';
import { purposeKey } from '../../common/keys';
import { derivedPayloadKey } from '../../common/payload-codec';
import { createTokens, DEFAULT_TOKEN_KEYS, parseTokenKeys, type Claims } from '../../common/tokens';
import { addressKeyer } from '../../store/address-key';

const SECRET = 'a fixed test secret, 32 chars ok';
const b64 = () => randomBytes(32).toString('base64');
const track: Claims = { kind: 'track', shop: 'acme', order: 'A-1' };
const config = (env: Record<string, string>) =>
  loadConfig({ DOORSTEP_DATA_DIR: mkdtempSync(join(tmpdir(), 'doorstep-keys-')), DOORSTEP_SECRET: SECRET, ...env });

/** A link as every Doorstep before key ids signed it: the claims and an HMAC under the secret itself. */
function legacyToken(claims: unknown[]): string {
  const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${body}.${createHmac('sha256', SECRET).update(body).digest().subarray(0, 16).toString('base64url')}`;
}

describe('token keys', () => {
  it('a rotation keeps old links verifying until their key is dropped', () => {
    const [k1, k2] = [b64(), b64()];
    const before = createTokens(parseTokenKeys(`k1:${k1}`, SECRET));
    const old = before.sign(track);
    const rotated = createTokens(parseTokenKeys(`k2:${k2},k1:${k1}`, SECRET));
    expect(rotated.verify(old)).toEqual(track);
    const fresh = rotated.sign(track);
    expect(fresh.split('.')[1]).toBe('k2');
    expect(before.verify(fresh)).toBeUndefined();
    const dropped = createTokens(parseTokenKeys(`k2:${k2}`, SECRET));
    expect(dropped.verify(fresh)).toEqual(track);
    expect(dropped.verify(old)).toBeUndefined();
  });

  it('a link signed before key ids verifies while "legacy" is listed, and not once it is dropped', () => {
    const old = legacyToken(['t', 'acme', 'A-1']);
    expect(createTokens(config({}).tokenKeys).verify(old)).toEqual(track);
    expect(createTokens(parseTokenKeys(DEFAULT_TOKEN_KEYS, SECRET)).verify(old)).toEqual(track);
    expect(createTokens(config({ DOORSTEP_TOKEN_KEYS: `k2:${b64()},s:derived,legacy` }).tokenKeys).verify(old)).toEqual(
      track,
    );
    expect(
      createTokens(config({ DOORSTEP_TOKEN_KEYS: `k2:${b64()},s:derived` }).tokenKeys).verify(old),
    ).toBeUndefined();
  });

  it('the default key derived from the secret keeps verifying when a new key is put first with "s:derived" after it', () => {
    const today = createTokens(config({}).tokenKeys).sign(track);
    expect(createTokens(config({ DOORSTEP_TOKEN_KEYS: `k2:${b64()},s:derived` }).tokenKeys).verify(today)).toEqual(
      track,
    );
    expect(createTokens(config({ DOORSTEP_TOKEN_KEYS: `k2:${b64()}` }).tokenKeys).verify(today)).toBeUndefined();
  });

  it('a tampered body or a key id swapped for another is refused', () => {
    const tokens = createTokens(parseTokenKeys(`a:${b64()},b:${b64()}`, SECRET));
    const [body, id, mac] = tokens.sign(track).split('.');
    const other = Buffer.from(JSON.stringify(['t', 'acme', 'A-2'])).toString('base64url');
    for (const bad of [`${other}.${id}.${mac}`, `${body}.b.${mac}`, `${body}.${mac}`, `${body}.${id}.${mac}.x`])
      expect(tokens.verify(bad)).toBeUndefined();
  });

  it('names a bad DOORSTEP_TOKEN_KEYS entry and never echoes a key', () => {
    const key = b64();
    for (const [list, why] of [
      ['legacy,k1:derived', /entry 1 .*cannot sign/],
      [`k1:${key},k1:derived`, /entry 2 .*repeats an id/],
      ['k1:c2hvcnQ=', /entry 1 .*at least 32 bytes/],
      [`a.b:${key}`, /entry 1 .*needs an id/],
    ] as const) {
      const error = (() => {
        try {
          config({ DOORSTEP_TOKEN_KEYS: list });
        } catch (err) {
          return err as Error;
        }
      })();
      expect(error).toBeInstanceOf(ConfigError);
      expect(error!.message).toMatch(why);
      expect(error!.message).toMatch(/→ at DOORSTEP_TOKEN_KEYS/);
      expect(error!.message).not.toContain(key);
    }
  });
});

describe('keys per purpose', () => {
  it('tokens, console sessions, payloads and address hashes each have their own key', () => {
    const tokens = parseTokenKeys('s:derived', SECRET).keys[0].key;
    const keys = [
      tokens,
      purposeKey(SECRET, 'console sessions'),
      derivedPayloadKey(SECRET).key,
      Buffer.from(SECRET),
    ].map((k) => k.toString('hex'));
    expect(new Set(keys).size).toBe(4);
    // A token's MAC is no address hash: the same text keyed for the two purposes differs.
    expect(createHmac('sha256', tokens).update('+48600123456').digest('base64url')).not.toBe(
      addressKeyer(SECRET)('+48600123456'),
    );
  });

  it('the payload key is the one every running chain was written with (unchanged derivation)', () => {
    expect(derivedPayloadKey(SECRET).key.toString('hex')).toBe(
      '5eac1e54c0b8a50e616e217fd8562345e88f3be0b13077f8655eb2b66fc795c9',
    );
  });

  it('the address hash is what it was before key ids (opt-outs stored under it stay found)', () => {
    const before = createHmac('sha256', SECRET).update('anna@example.com').digest('base64url');
    expect(addressKeyer(SECRET)(' Anna@Example.com')).toBe(before);
    expect(addressKeyer(config({ DOORSTEP_TOKEN_KEYS: `k9:${b64()}` }).secret)('anna@example.com')).toBe(before);
  });
});

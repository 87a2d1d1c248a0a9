/** The weaker scheme for carriers that sign nothing: a key in the URL and a source allow-list. */
import { describe, expect, it } from 'vitest';
import { allowList, keyMatches, verifyUrlKey } from '../../connectors/carriers/url-secret';

const KEYS = ['old-key-aaaaaaaaaaaaaaaaaaaaaa', 'new-key-bbbbbbbbbbbbbbbbbbbbbb'];
const delivery = (key?: string) => ({ body: Buffer.alloc(0), headers: {}, query: { key }, ip: '127.0.0.1' });

describe('a key in the URL', () => {
  it('takes either key of a rotation and refuses any other, a prefix, and none', () => {
    expect(keyMatches(KEYS[0], KEYS)).toBe(true);
    expect(keyMatches(KEYS[1], KEYS)).toBe(true);
    expect(keyMatches('old-key-aaaaaaaaaaaaaaaaaaaaa', KEYS)).toBe(false);
    expect(keyMatches(`${KEYS[0]}x`, KEYS)).toBe(false);
    expect(verifyUrlKey(delivery(KEYS[1]), KEYS)).toBeUndefined();
    expect(verifyUrlKey(delivery('guess'), KEYS)).toBe('no matching key');
    expect(verifyUrlKey(delivery(), KEYS)).toBe('no key in the URL');
  });
});

describe('the source allow-list', () => {
  const allowed = allowList(['10.1.0.0/16', '192.0.2.7', '2001:db8::/32']);

  it('takes addresses in its ranges, as IPv4, as IPv4 mapped into IPv6, and IPv6', () => {
    for (const ip of ['10.1.200.3', '::ffff:10.1.0.1', '192.0.2.7', '2001:db8::42']) expect(allowed(ip), ip).toBe(true);
  });

  it('refuses every other address', () => {
    for (const ip of ['10.2.0.1', '192.0.2.8', '::ffff:127.0.0.1', '2001:db9::1', '127.0.0.1'])
      expect(allowed(ip), ip).toBe(false);
  });
});

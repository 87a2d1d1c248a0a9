/**
 * The weaker scheme, for carriers that sign nothing: a secret in the endpoint's URL (`?key=...`,
 * several during a rotation) plus, optionally, the endpoint's source allow-list (`allowFrom`).
 * WEAKER than a signature: the key travels in every URL (the carrier's, a proxy's or a load
 * balancer's logs may keep it), it does not cover the body, and nothing in it bounds a replay (the
 * route keeps a hash of each body instead). Prefer a carrier's own signature wherever it has one;
 * with this scheme, serve HTTPS only and set `allowFrom` to the carrier's published addresses.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { BlockList, isIPv4 } from 'node:net';
import { z } from 'zod';
import type { PushRequest } from './model';

/** The keys an endpoint's URL may carry (any of them verifies: a rotation adds the new one first). */
export const UrlKeys = z
  .array(z.string().regex(/^[A-Za-z0-9_-]{24,128}$/, '24 to 128 letters, digits, _ or - (random, URL-safe)'))
  .min(1)
  .max(4);

/** Source addresses or CIDR ranges (IPv4 or IPv6) a delivery must come from. */
export const AllowFrom = z
  .array(z.union([z.ipv4(), z.ipv6(), z.cidrv4(), z.cidrv6()]))
  .min(1)
  .max(64);

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/** Whether `given` is one of `keys`: compared in constant time, every key each time (no early exit). */
export function keyMatches(given: string | undefined, keys: readonly string[]): boolean {
  if (!given) return false;
  const mine = digest(given);
  return keys.map((k) => timingSafeEqual(mine, digest(k))).includes(true);
}

/** Why a URL-keyed delivery is refused (no key, or none of the endpoint's), or undefined when it is the carrier's. */
export function verifyUrlKey(request: PushRequest, keys: readonly string[]): string | undefined {
  if (!request.query.key) return 'no key in the URL';
  return keyMatches(request.query.key, keys) ? undefined : 'no matching key';
}

/** IPv4 addresses as an IPv6 socket reports them ("::ffff:10.0.0.1") compare as IPv4. */
const plain = (ip: string) => (ip.startsWith('::ffff:') && isIPv4(ip.slice(7)) ? ip.slice(7) : ip);

/** A check of a caller's address against an allow-list of addresses and CIDR ranges. */
export function allowList(entries: readonly string[]): (ip: string) => boolean {
  const list = new BlockList();
  for (const entry of entries) {
    const [address, prefix] = entry.split('/');
    const type = isIPv4(address!) ? 'ipv4' : 'ipv6';
    if (prefix === undefined) list.addAddress(address!, type);
    else list.addSubnet(address!, Number(prefix), type);
  }
  return (ip) => {
    const address = plain(ip);
    return list.check(address, isIPv4(address) ? 'ipv4' : 'ipv6');
  };
}

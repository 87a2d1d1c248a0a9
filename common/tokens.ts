/**
 * Signed customer tokens for rating, tracking and unsubscribe links: `body.keyId.mac`, where body is
 * base64url(JSON claims) and mac an HMAC-SHA256 (truncated to 128 bits) of `body.keyId` under the
 * named token key. Compact enough for an SMS; bound to shop, order and (for ratings) touchpoint.
 * Token keys rotate: the first signs, every one verifies. Tokens made before key ids (`body.mac`,
 * keyed by DOORSTEP_SECRET itself) verify while the `legacy` entry is kept.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { purposeKey } from './keys';

export interface RatingClaims {
  kind: 'rate';
  shop: string;
  order: string;
  touchpoint: string;
  /** Expiry, epoch seconds. */
  exp: number;
  /** The customer's language, so that the rating page speaks it. */
  lang?: string;
}

export interface TrackingClaims {
  kind: 'track';
  shop: string;
  order: string;
}

/** The one-click email unsubscribe link: bound to a shop and an address key (never the address). */
export interface UnsubscribeClaims {
  kind: 'unsub';
  shop: string;
  address: string;
}

export type Claims = RatingClaims | TrackingClaims | UnsubscribeClaims;

export interface Tokens {
  sign(claims: Claims): string;
  /** The claims of a valid, unexpired token; undefined otherwise. */
  verify(token: string, now?: Date): Claims | undefined;
}

/** Claims as a compact JSON array, so that links stay short enough for an SMS. */
function pack(c: Claims): unknown[] {
  if (c.kind === 'rate') return ['r', c.shop, c.order, c.touchpoint, c.exp, ...(c.lang ? [c.lang] : [])];
  if (c.kind === 'track') return ['t', c.shop, c.order];
  return ['u', c.shop, c.address];
}

function unpack(v: unknown): Claims | undefined {
  if (!Array.isArray(v) || !v.slice(1, 3).every((x) => typeof x === 'string')) return undefined;
  const [kind, shop, second, touchpoint, exp, lang] = v as [string, string, string, unknown, unknown, unknown];
  if (kind === 'r' && typeof touchpoint === 'string' && typeof exp === 'number') {
    return { kind: 'rate', shop, order: second, touchpoint, exp, ...(typeof lang === 'string' && { lang }) };
  }
  if (kind === 't') return { kind: 'track', shop, order: second };
  if (kind === 'u') return { kind: 'unsub', shop, address: second };
  return undefined;
}

export interface TokenKey {
  /** Short (it goes into every link): letters, digits, _ and -. */
  id: string;
  key: Buffer;
}

/** The keys customer tokens are signed and verified with. */
export interface TokenKeys {
  /** The first signs new tokens; every one verifies. */
  keys: TokenKey[];
  /** DOORSTEP_SECRET itself, when tokens made before key ids should still verify. */
  legacy?: Buffer;
}

/** What DOORSTEP_TOKEN_KEYS means when unset: one key derived from the secret, and the tokens made before key ids. */
export const DEFAULT_TOKEN_KEYS = 's:derived,legacy';

/**
 * Parses DOORSTEP_TOKEN_KEYS: `id:<32+ bytes in base64>`, `id:derived` (a key derived from the
 * secret for that id) or `legacy` (the secret itself, verifying old tokens only), the signing key
 * first. Throws a readable error naming the entry.
 */
export function parseTokenKeys(list: string, secret: string): TokenKeys {
  const keys: TokenKey[] = [];
  let legacy: Buffer | undefined;
  list.split(',').forEach((raw, i) => {
    const entry = raw.trim();
    const fail = (why: string) => {
      throw new Error(`entry ${i + 1} ("${entry.split(':')[0]}…") ${why}`);
    };
    if (entry === 'legacy') {
      if (i === 0) fail('cannot sign: put a key before "legacy"');
      legacy = Buffer.from(secret);
      return;
    }
    const [id, value = ''] = entry.split(':');
    if (!/^[A-Za-z0-9_-]{1,8}$/.test(id ?? '')) fail('needs an id of 1-8 letters, digits, _ or -, as in id:<key>');
    if (keys.some((k) => k.id === id)) fail('repeats an id');
    const key = value === 'derived' ? purposeKey(secret, `customer tokens ${id}`) : Buffer.from(value, 'base64');
    if (key.length < 32) fail('needs a key of at least 32 bytes in base64, or "derived"');
    keys.push({ id, key });
  });
  return { keys, legacy };
}

const mac = (key: Buffer, data: string) =>
  createHmac('sha256', key).update(data).digest().subarray(0, 16).toString('base64url');

function same(a: string, b: string): boolean {
  const [x, y] = [Buffer.from(a), Buffer.from(b)];
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The body of a token if one of `keys` signed it. */
function signedBody(token: string, { keys, legacy }: TokenKeys): string | undefined {
  const parts = token.split('.');
  if (parts.length === 2 && legacy) {
    const [body, sig] = parts;
    return same(mac(legacy, body), sig) ? body : undefined;
  }
  if (parts.length !== 3) return undefined;
  const [body, id, sig] = parts;
  const key = keys.find((k) => k.id === id);
  return key && same(mac(key.key, `${body}.${id}`), sig) ? body : undefined;
}

/** A token signer and verifier under `ring` (the configuration's `tokenKeys`). */
export function createTokens(ring: TokenKeys): Tokens {
  const [signing] = ring.keys;
  return {
    sign(claims) {
      const signed = `${Buffer.from(JSON.stringify(pack(claims))).toString('base64url')}.${signing.id}`;
      return `${signed}.${mac(signing.key, signed)}`;
    },
    verify(token, now = new Date()) {
      const body = signedBody(token, ring);
      if (!body) return undefined;
      try {
        const claims = unpack(JSON.parse(Buffer.from(body, 'base64url').toString()));
        if (claims?.kind === 'rate' && claims.exp * 1000 < now.getTime()) return undefined;
        return claims;
      } catch {
        return undefined;
      }
    },
  };
}

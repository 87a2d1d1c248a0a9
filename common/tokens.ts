/**
 * Signed customer tokens for rating, tracking and unsubscribe links: base64url(JSON claims) + "." +
 * HMAC. Compact enough for an SMS; bound to shop, order and (for ratings) touchpoint.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

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

/** A token signer and verifier keyed by `secret` (HMAC-SHA256 truncated to 128 bits). */
export function createTokens(secret: string): Tokens {
  const mac = (body: string) => createHmac('sha256', secret).update(body).digest().subarray(0, 16).toString('base64url');
  return {
    sign(claims) {
      const body = Buffer.from(JSON.stringify(pack(claims))).toString('base64url');
      return `${body}.${mac(body)}`;
    },
    verify(token, now = new Date()) {
      const [body, sig, extra] = token.split('.');
      if (!body || !sig || extra !== undefined) return undefined;
      const expected = Buffer.from(mac(body));
      const given = Buffer.from(sig);
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
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

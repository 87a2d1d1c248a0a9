/**
 * Signed customer tokens for rating, tracking and unsubscribe links: base64url(JSON claims) + "." + HMAC-SHA256.
 * Compact enough for an SMS; bound to shop, order and (for ratings) touchpoint.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface RatingClaims {
  kind: 'rate';
  shop: string;
  order: string;
  touchpoint: string;
  /** Expiry, epoch seconds. */
  exp: number;
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

/** A token signer and verifier keyed by `secret`. */
export function createTokens(secret: string): Tokens {
  const mac = (body: string) => createHmac('sha256', secret).update(body).digest('base64url');
  return {
    sign(claims) {
      const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
      return `${body}.${mac(body)}`;
    },
    verify(token, now = new Date()) {
      const [body, sig] = token.split('.');
      if (!body || !sig) return undefined;
      const expected = Buffer.from(mac(body));
      const given = Buffer.from(sig);
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
      try {
        const claims = JSON.parse(Buffer.from(body, 'base64url').toString()) as Claims;
        if (claims.kind === 'rate' && claims.exp * 1000 < now.getTime()) return undefined;
        return claims;
      } catch {
        return undefined;
      }
    },
  };
}

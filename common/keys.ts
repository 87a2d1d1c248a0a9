/**
 * Keys derived from DOORSTEP_SECRET, one per purpose (HKDF-SHA256 with the purpose as its info),
 * so that no key of one purpose tells anything about another's:
 * - `customer tokens <id>`: rating, tracking and unsubscribe links (see tokens.ts, rotatable);
 * - `console sessions`: the console's session cookie and CSRF tokens;
 * - `temporal payloads`: the payload codec's default key (derivedPayloadKey, unchanged since 0.1).
 * Address hashes (store/address-key.ts) keep the secret itself as their key: opt-outs are stored
 * under them and cannot be re-keyed, since the store never holds the addresses.
 */
import { hkdfSync } from 'node:crypto';

/** The 32-byte key of `purpose`, derived from the secret. */
export function purposeKey(secret: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'doorstep', `${purpose} v1`, 32));
}

/**
 * The store never holds a phone number or an email address: it keys them by an HMAC, so the same
 * address always maps to the same key and the key reveals nothing. Its key is DOORSTEP_SECRET
 * itself, as it always was, and never one of the rotatable token keys: opt-outs (STOP,
 * unsubscribe), the daily cap and the contact search are stored under these hashes and could not be
 * re-keyed without the addresses, so a new key would forget every opt-out.
 */
import { createHmac } from 'node:crypto';

export type AddressKeyer = (address: string) => string;

/** A keyer for addresses ("whatsapp:" prefixes and letter case do not matter). */
export function addressKeyer(secret: string): AddressKeyer {
  return (address) =>
    createHmac('sha256', secret)
      .update(
        address
          .trim()
          .toLowerCase()
          .replace(/^whatsapp:/, ''),
      )
      .digest('base64url');
}

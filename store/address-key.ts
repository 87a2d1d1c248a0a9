/**
 * The store never holds a phone number or an email address: it keys them by an HMAC under the
 * Doorstep secret, so the same address always maps to the same key and the key reveals nothing.
 */
import { createHmac } from 'node:crypto';

export type AddressKeyer = (address: string) => string;

/** A keyer for addresses ("whatsapp:" prefixes and letter case do not matter). */
export function addressKeyer(secret: string): AddressKeyer {
  return (address) =>
    createHmac('sha256', secret)
      .update(address.trim().toLowerCase().replace(/^whatsapp:/, ''))
      .digest('base64url');
}

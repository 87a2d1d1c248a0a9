/**
 * The example API's error codes that will not succeed on retry; anything else is read by the shared HTTP
 * rules (429, 5xx).
 */
import type { Classified, VendorError } from '../../../../activities/channels/failures';

const PERMANENT: Record<string, string> = {
  recipient_invalid: 'invalid recipient',
  recipient_blocked: 'recipient opted out',
  sender_unverified: 'sender not verified',
};

/** Reads an example API error whose code is known to be permanent. */
export function classifyExample(e: VendorError): Classified | undefined {
  if (typeof e.code !== 'string' || !(e.code in PERMANENT)) return undefined;
  const classified: Classified = { permanent: true, reason: `${e.code} ${PERMANENT[e.code]}`, code: e.code };
  return e.code === 'recipient_blocked' ? { ...classified, optedOut: 'Example recipient_blocked' } : classified;
}

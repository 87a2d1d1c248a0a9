/** A carrier's HMAC over the exact body, checked against each of an endpoint's secrets (several during a rotation). */
import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Whether one of `secrets` made the digest `given` (decoded from the carrier's header) over `body`: compared in
 * constant time, every secret each time.
 */
export function hmacMatchesAny(
  body: Buffer,
  given: Buffer,
  secrets: readonly string[],
  algorithm: 'sha256' | 'sha1' = 'sha256',
): boolean {
  if (!given.length) return false;
  return secrets
    .map((secret) => createHmac(algorithm, secret).update(body).digest())
    .map((mine) => mine.length === given.length && timingSafeEqual(mine, given))
    .includes(true);
}

/**
 * Staff passwords: scrypt hashes ("scrypt$N$r$p$salt$hash", base64url), made by
 * `npm run hash-password` and kept in DOORSTEP_CONFIG; never the passwords themselves.
 */
import { randomBytes, scrypt, scryptSync, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const COST = { N: 2 ** 15, r: 8, p: 1 };
const KEY_LENGTH = 32;
const maxmem = (o: ScryptOptions) => 256 * o.N! * o.r! + 1024 * 1024;

/** A hash of `password` with a fresh salt. */
export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(password, salt, KEY_LENGTH, { ...COST, maxmem: maxmem(COST) });
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64url'), hash.toString('base64url')].join('$');
}

/** The shape every stored hash has (checked when the configuration is read). */
export const PASSWORD_HASH = /^scrypt\$\d+\$\d+\$\d+\$[\w-]+\$[\w-]+$/;

/** Whether `password` matches `stored`; false for a malformed hash. */
export function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || !hash) return Promise.resolve(false);
  const expected = Buffer.from(hash, 'base64url');
  const options = { N: Number(n), r: Number(r), p: Number(p) };
  return new Promise((resolve) => {
    try {
      scrypt(
        password,
        Buffer.from(salt, 'base64url'),
        expected.length,
        { ...options, maxmem: maxmem(options) },
        (err, key) => {
          resolve(!err && timingSafeEqual(key, expected));
        },
      );
    } catch {
      // Parameters scrypt refuses outright (a hand-edited hash).
      resolve(false);
    }
  });
}

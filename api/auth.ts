/** Bearer API keys with scopes; each key belongs to one shop and sees only that shop's chains. */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler, Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { ApiKey, Scope } from '../common/config';
import { problem } from './problem';
import { MINUTE_MS } from '../workflows/durations';

export interface Caller {
  shop: string;
  scopes: Scope[];
  /** The key's name, for the audit trail. */
  name: string;
  /** Which key it is, for its rate limit (a digest, never the key). */
  keyId: string;
  requestsPerMinute: number;
}

const digest = (key: string) => createHash('sha256').update(key).digest();

/** Resolves the caller from `Authorization: Bearer <key>`; 401 when missing or unknown. */
export function authenticate(keys: ApiKey[]): RequestHandler {
  const known = keys.map((k) => {
    const d = digest(k.key);
    return {
      digest: d,
      caller: {
        shop: k.shop,
        scopes: k.scopes,
        name: k.name,
        keyId: d.toString('hex', 0, 8),
        requestsPerMinute: k.requestsPerMinute,
      },
    };
  });
  return (req, res, next) => {
    const match = /^Bearer (.+)$/.exec(req.get('authorization') ?? '');
    const given = match && digest(match[1]);
    const found = given && known.find((k) => timingSafeEqual(k.digest, given));
    if (!found) {
      res.set('WWW-Authenticate', 'Bearer');
      return problem(res, 401, match ? 'unknown API key' : 'send Authorization: Bearer <api key>');
    }
    res.locals.caller = found.caller;
    next();
  };
}

/**
 * Each key's own request rate (`requestsPerMinute`, per API process): a leaked or looping client
 * gets 429 with Retry-After instead of flooding Temporal. One limiter for every route it guards.
 */
export function throttle(): RequestHandler {
  return rateLimit({
    windowMs: MINUTE_MS,
    limit: (_req, res) => callerOf(res).requestsPerMinute,
    keyGenerator: (_req, res) => callerOf(res).keyId,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, res) =>
      problem(
        res,
        429,
        `this key may make ${callerOf(res).requestsPerMinute} requests a minute; retry after the Retry-After header`,
      ),
  });
}

/** 403 unless the caller's key carries `scope`. */
export function requireScope(scope: Scope): RequestHandler {
  return (_req, res, next) =>
    callerOf(res).scopes.includes(scope) ? next() : problem(res, 403, `this key lacks the ${scope} scope`);
}

export function callerOf(res: Response): Caller {
  return res.locals.caller as Caller;
}

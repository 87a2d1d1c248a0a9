/** Bearer API keys with scopes; each key belongs to one shop and sees only that shop's chains. */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler, Response } from 'express';
import type { ApiKey, Scope } from '../common/config';
import { problem } from './problem';

export interface Caller {
  shop: string;
  scopes: Scope[];
  /** The key's name, for the audit trail. */
  name: string;
}

const digest = (key: string) => createHash('sha256').update(key).digest();

/** Resolves the caller from `Authorization: Bearer <key>`; 401 when missing or unknown. */
export function authenticate(keys: ApiKey[]): RequestHandler {
  const known = keys.map((k) => ({ digest: digest(k.key), caller: { shop: k.shop, scopes: k.scopes, name: k.name } }));
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

/** 403 unless the caller's key carries `scope`. */
export function requireScope(scope: Scope): RequestHandler {
  return (_req, res, next) => (callerOf(res).scopes.includes(scope) ? next() : problem(res, 403, `this key lacks the ${scope} scope`));
}

export function callerOf(res: Response): Caller {
  return res.locals.caller as Caller;
}

/**
 * Console sessions: a signed, HTTP-only, same-site cookie naming the staff member, checked against
 * the configured accounts on every request (a removed account or a changed password ends it), and
 * a per-session CSRF token on every form.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import cookieParser from 'cookie-parser';
import type { CookieOptions, Request, RequestHandler, Response } from 'express';
import type { StaffAccount } from '../../common/config';
import { purposeKey } from '../../common/keys';
import { HOUR_MS } from '../../workflows/durations';

export const SESSION_COOKIE = 'doorstep_console';
const SESSION_HOURS = 12;

/** The signed-in staff member, as a console page sees them. */
export interface Staff {
  username: string;
  name: string;
  shop: string;
  role: StaffAccount['role'];
  /** Their own addresses, where the template editor sends them a test. */
  email?: string;
  phone?: string;
  /** Goes into every form the page posts. */
  csrf: string;
}

interface SessionClaims {
  u: string;
  /** A fingerprint of the password hash the session began with. */
  h: string;
  exp: number;
}

const fingerprint = (account: StaffAccount) =>
  createHash('sha256').update(account.passwordHash).digest('base64url').slice(0, 12);

/**
 * Session handling for the console, under a key of its own derived from the Doorstep secret (cookie-parser
 * signs the cookie).
 */
export function consoleSessions(staff: StaffAccount[], secret: string, secureCookies: boolean) {
  const key = purposeKey(secret, 'console sessions');
  const cookieOptions: CookieOptions = {
    signed: true,
    httpOnly: true,
    sameSite: 'strict',
    secure: secureCookies,
    path: '/console',
  };
  const csrfOf = (raw: string) => createHmac('sha256', key).update(`csrf:${raw}`).digest('base64url');

  function current(req: Request): Staff | undefined {
    const raw: unknown = req.signedCookies?.[SESSION_COOKIE];
    if (typeof raw !== 'string') return undefined;
    try {
      const claims = JSON.parse(raw) as SessionClaims;
      const account = staff.find((s) => s.username === claims.u);
      if (!account || claims.exp < Date.now() || claims.h !== fingerprint(account)) return undefined;
      return {
        username: account.username,
        name: account.name ?? account.username,
        shop: account.shop,
        role: account.role,
        email: account.email,
        phone: account.phone,
        csrf: csrfOf(raw),
      };
    } catch {
      return undefined;
    }
  }

  return {
    /** Reads the signed session cookie (goes before every other console handler). */
    cookies: cookieParser(key.toString('base64url')),
    /** Starts a session for `account`. */
    begin(res: Response, account: StaffAccount): void {
      const claims: SessionClaims = {
        u: account.username,
        h: fingerprint(account),
        exp: Date.now() + SESSION_HOURS * HOUR_MS,
      };
      res.cookie(SESSION_COOKIE, JSON.stringify(claims), { ...cookieOptions, maxAge: SESSION_HOURS * HOUR_MS });
    },
    end(res: Response): void {
      res.clearCookie(SESSION_COOKIE, cookieOptions);
    },
    /**
     * Lets signed-in staff through (as `res.locals.staff`); others go to the sign-in page, and a POST needs
     * the form's CSRF token.
     */
    required: ((req, res, next) => {
      const who = current(req);
      if (!who)
        return res.redirect(
          303,
          `/console/sign-in?next=${encodeURIComponent(req.method === 'GET' ? req.originalUrl : '/console')}`,
        );
      if (req.method === 'POST') {
        const given = Buffer.from(String(req.body?._csrf ?? ''));
        const expected = Buffer.from(who.csrf);
        if (given.length !== expected.length || !timingSafeEqual(given, expected))
          return void res.status(403).type('text').send('This form has expired: reload the page and try again.');
      }
      res.locals.staff = who;
      next();
    }) as RequestHandler,
  };
}

/** Whether the staff member may act on chains: agents, and editors (who also write the shop's wording). */
export const canAct = (staff: Staff) => staff.role === 'agent' || staff.role === 'editor';

/** The staff member of a request that passed `required`. */
export function staffOf(res: Response): Staff {
  return res.locals.staff as Staff;
}

/**
 * One JSON line per request (pino-http) with its id, method, route template, status and time, and
 * the chain's workflow id when the request names an order. The id is the caller's X-Request-Id
 * when that is a plain token, else a new one; either way it is sent back in X-Request-Id. Neither
 * the path nor the query nor a header is logged: customers' links carry their tokens there.
 */
import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import { pinoHttp } from 'pino-http';
import { logger } from '../common/logger';

const TOKEN = /^[\w.:-]{1,64}$/;

export function requestLog() {
  return pinoHttp<Request, Response>({
    logger,
    genReqId(req, res) {
      const given = req.get('x-request-id');
      const id = given && TOKEN.test(given) ? given : randomUUID();
      res.set('x-request-id', id);
      return id;
    },
    serializers: {
      req: (req: { id: string; method: string }) => ({ id: req.id, method: req.method }),
      res: (res: { statusCode: number }) => ({ status: res.statusCode }),
    },
    customProps: (_req, res) => ({ route: res.locals.route, workflowId: res.locals.workflowId }),
    // A 503 asks the caller to come back (Retry-After); other 5xx are failures, whose error the
    // error handler logs with its stack: the request's line needs only the status.
    customLogLevel: (_req, res, err) =>
      res.statusCode === 503 ? 'warn' : err || res.statusCode >= 500 ? 'error' : 'info',
    customErrorObject: (_req, _res, _err, { err: _, ...line }: Record<string, unknown>) => line,
  });
}

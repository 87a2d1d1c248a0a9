/** RFC 9457 problem+json answers, with the offending field paths for validation errors. */
import type { ErrorRequestHandler, Response } from 'express';
import type { z } from 'zod';
import { ChainError } from './chains';

export interface FieldError {
  path: string;
  message: string;
}

const TITLES: Record<number, string> = {
  400: 'Invalid request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  410: 'Gone',
  413: 'Payload too large',
  415: 'Unsupported media type',
  429: 'Too many requests',
  500: 'Internal error',
  503: 'Unavailable',
};

/** Sends a problem+json answer. */
export function problem(res: Response, status: number, detail: string, errors?: FieldError[]): void {
  res
    .status(status)
    .type('application/problem+json')
    .json({ type: 'about:blank', title: TITLES[status] ?? 'Error', status, detail, ...(errors && { errors }) });
}

/** A 400 naming each invalid field as a dotted path (e.g. `customer.phone`, `items.0.qty`). */
export function invalid(res: Response, error: z.ZodError, prefix: string[] = []): void {
  const errors = error.issues.map((i) => ({
    path: [...prefix, ...i.path.map(String)].join('.') || '(body)',
    message: i.message,
  }));
  problem(res, 400, `${errors.length} invalid field(s): ${errors.map((e) => e.path).join(', ')}`, errors);
}

/** The last express error handler: known failures keep their status, the rest are 500s. */
export const errorHandler: ErrorRequestHandler = (err, req, res, next) => {
  if (res.headersSent) return next(err);
  if (err instanceof ChainError) return problem(res, err.status, err.message);
  const status = (err as { status?: number }).status;
  if (status && status >= 400 && status < 500) return problem(res, status, (err as Error).message);
  req.log.error({ err }, 'request failed');
  problem(res, 500, 'something went wrong; it has been logged');
};

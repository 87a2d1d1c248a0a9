/** What every documented operation shares: the problem answers, the API key's security, JSON content. */
import type { ResponseConfig } from '@asteasolutions/zod-to-openapi';
import type { z } from 'zod';
import { EventAccepted, Problem } from '../schemas';

/** What each problem status means here. */
const PROBLEMS: Record<number, string> = {
  400: 'invalid request: the field paths are in errors',
  401: 'no or unknown API key, or a bad signature',
  403: 'the key lacks the scope, or the signature is wrong',
  404: "no such order (or not this shop's), or not configured",
  409: 'not possible now: the reason is in detail',
  410: 'gone: the order was erased, or its chain has finished',
  413: 'the body is too large',
  429: 'too many requests for this key: retry after Retry-After',
  503: 'not ready yet: retry after Retry-After',
};

/** The problem+json answers of these statuses. */
export function problems(...statuses: number[]): Record<number, ResponseConfig> {
  return Object.fromEntries(
    statuses.map((s) => [
      s,
      { description: PROBLEMS[s], content: { 'application/problem+json': { schema: Problem } } },
    ]),
  );
}

/** What every call with an API key may answer besides its own outcomes. */
export const KEYED = [400, 401, 403, 429];

/**
 * An operation a shop's API key calls: documented as secured, answering the key's refusals (KEYED)
 * and its own `refusals` besides `answers`.
 */
export function keyed<S, R extends Record<number, ResponseConfig>>(
  summary: string,
  request: S,
  answers: R,
  refusals: number[] = [],
) {
  return { summary, secured: true, request, responses: { ...answers, ...problems(...KEYED, ...refusals) } };
}

/** A JSON answer of this schema (the handler's body is typed from it). */
export function json<S extends z.ZodType>(schema: S) {
  return { content: { 'application/json': { schema } } };
}

/** The answers of a tracking event: applied, or known already. */
export const EVENT_ANSWERS = {
  202: { description: 'applied', ...json(EventAccepted) },
  200: { description: 'duplicate eventId', ...json(EventAccepted) },
};

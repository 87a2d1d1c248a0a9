/**
 * The API's metrics (prom-client, the process's default registry): request duration by method,
 * route template and status; tracking events by source and outcome; delivery receipts by channel
 * and status. Labels are bounded: the route is Express's template ("/v1/orders/:orderId/events"),
 * never the path, so no order id, token or address becomes a label, and a request no route took
 * counts as "unmatched"; a provider's status outside the known ones counts as "other".
 */
import type { RequestHandler, Response } from 'express';
import { Counter, Histogram, register, type Metric } from 'prom-client';

/** One metric per name and process, however many apps it builds (the tests build several). */
function single<T extends Metric>(name: string, make: (name: string) => T): T {
  return (register.getSingleMetric(name) as T | undefined) ?? make(name);
}

const requestSeconds = () =>
  single('doorstep_api_request_duration_seconds', (name) =>
    new Histogram({ name, help: 'API request duration by method, route template and status', labelNames: ['method', 'route', 'status'] as const, buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] }),
  );

const SOURCES = ['api', 'webhook'] as const;
const OUTCOMES = ['accepted', 'duplicate', 'rejected', 'failed'] as const;

const events = () =>
  single('doorstep_events_total', (name) => {
    const counter = new Counter({ name, help: 'Tracking events received, by source (api, webhook) and outcome (accepted, duplicate, rejected, failed)', labelNames: ['source', 'outcome'] as const });
    // Every series from the start: increase() over a series' first sample would miss its first event.
    for (const source of SOURCES) for (const outcome of OUTCOMES) counter.inc({ source, outcome }, 0);
    return counter;
  });

const receipts = () =>
  single('doorstep_delivery_receipts_total', (name) =>
    new Counter({ name, help: "Providers' delivery receipts (status callbacks), by channel and status", labelNames: ['channel', 'status'] as const }),
  );

export function requestMetrics(): RequestHandler {
  const seconds = requestSeconds();
  return (req, res, next) => {
    const stop = seconds.startTimer();
    // A nested router's mount path (req.baseUrl) is gone again by the time the response ends: the
    // template is taken when Express matches the route and sets req.route (and kept for the request log).
    let route = 'unmatched';
    let matched: { path: string } | undefined;
    Object.defineProperty(req, 'route', {
      configurable: true,
      enumerable: true,
      get: () => matched,
      set(r: { path: string }) {
        matched = r;
        route = res.locals.route = `${req.baseUrl}${r.path === '/' ? '' : r.path}` || '/';
      },
    });
    res.once('finish', () => stop({ method: req.method, route, status: String(res.statusCode) }));
    next();
  };
}

/** 202 a new event, 200 one already known, 4xx a refusal (invalid, unknown order, impossible now, bad signature). */
function eventOutcome({ statusCode }: Response): (typeof OUTCOMES)[number] {
  if (statusCode === 202) return 'accepted';
  if (statusCode === 200) return 'duplicate';
  return statusCode < 500 ? 'rejected' : 'failed';
}

/** Counts the outcome of every tracking event a route answers (from its status). */
export function eventMetrics(source: (typeof SOURCES)[number]): RequestHandler {
  const counter = events();
  return (_req, res, next) => {
    res.once('finish', () => counter.inc({ source, outcome: eventOutcome(res) }));
    next();
  };
}

const STATUSES = new Set([
  // messages
  'accepted', 'scheduled', 'queued', 'sending', 'sent', 'delivered', 'undelivered', 'failed', 'read', 'canceled', 'partially_delivered',
  // calls
  'initiated', 'ringing', 'in-progress', 'completed', 'busy', 'no-answer',
]);

/** Counts a delivery receipt (each status of a message once). */
export function countReceipt(channel: string, status: string): void {
  receipts().inc({ channel, status: STATUSES.has(status) ? status : 'other' });
}

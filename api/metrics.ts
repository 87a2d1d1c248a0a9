/**
 * The API's metrics (prom-client, the process's default registry): request duration by method,
 * route template and status; tracking events by source and outcome; delivery receipts by channel
 * and status; carriers' push deliveries and their updates by connector (the endpoint's format). Labels are bounded: the route is Express's template ("/v1/orders/:orderId/events"),
 * never the path, so no order id, token or address becomes a label, and a request no route took
 * counts as "unmatched"; a provider's status outside the known ones counts as "other".
 */
import type { RequestHandler, Response } from 'express';
import { Counter, Histogram, register, type Registry } from 'prom-client';
import { perRegistry } from '../common/metrics';
import { UPDATE_RESULTS, type UpdateResult } from '../connectors/carriers/deliver';

const SOURCES = ['api', 'webhook'] as const;
/** What became of a carrier's push delivery, and of each update in it. */
export const DELIVERY_OUTCOMES = ['accepted', 'rejected_signature', 'bad_body'] as const;
export type DeliveryOutcome = (typeof DELIVERY_OUTCOMES)[number];
const OUTCOMES = ['accepted', 'duplicate', 'rejected', 'failed'] as const;

const UPDATES = 'doorstep_carrier_updates_total';

const apiMetrics = perRegistry((registry: Registry) => {
  const registers = [registry];
  const events = new Counter({
    name: 'doorstep_events_total',
    help: 'Tracking events received, by source (api, webhook) and outcome (accepted, duplicate, rejected, failed)',
    labelNames: ['source', 'outcome'] as const,
    registers,
  });
  // Every series from the start: increase() over a series' first sample would miss its first event.
  for (const source of SOURCES) for (const outcome of OUTCOMES) events.inc({ source, outcome }, 0);
  return {
    requestSeconds: new Histogram({
      name: 'doorstep_api_request_duration_seconds',
      help: 'API request duration by method, route template and status',
      labelNames: ['method', 'route', 'status'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    events,
    receipts: new Counter({
      name: 'doorstep_delivery_receipts_total',
      help: "Providers' delivery receipts (status callbacks), by channel and status",
      labelNames: ['channel', 'status'] as const,
      registers,
    }),
    deliveries: new Counter({
      name: 'doorstep_carrier_deliveries_total',
      help: "Carriers' push deliveries, by connector and outcome (accepted, rejected_signature, bad_body)",
      labelNames: ['connector', 'outcome'] as const,
      registers,
    }),
    // Shared with the pull connectors (activities/metrics.ts): in one process, whichever registers it first owns it.
    updates:
      (registry.getSingleMetric(UPDATES) as Counter<'connector' | 'result'> | undefined) ??
      new Counter({
        name: UPDATES,
        help: "Carriers' updates by connector and result (mapped, unmapped, unknown_parcel, refused, duplicate)",
        labelNames: ['connector', 'result'] as const,
        registers,
      }),
  };
});

/** Every series of each connector from the start (a connector that stopped delivering shows as flat, not absent). */
export function carrierSeries(connectors: readonly string[]): void {
  const { deliveries, updates } = apiMetrics(register);
  for (const connector of connectors) {
    for (const outcome of DELIVERY_OUTCOMES) deliveries.inc({ connector, outcome }, 0);
    for (const result of UPDATE_RESULTS) updates.inc({ connector, result }, 0);
  }
}

/** Counts one push delivery of `connector`. */
export function countDelivery(connector: string, outcome: DeliveryOutcome): void {
  apiMetrics(register).deliveries.inc({ connector, outcome });
}

/** Counts one carrier update of `connector`. */
export function countUpdate(connector: string, result: UpdateResult): void {
  apiMetrics(register).updates.inc({ connector, result });
}

/** Times every request by method, route template (see route-template.ts) and status. */
export function requestMetrics(): RequestHandler {
  const seconds = apiMetrics(register).requestSeconds;
  return (req, res, next) => {
    const stop = seconds.startTimer();
    res.once('finish', () =>
      stop({ method: req.method, route: res.locals.route ?? 'unmatched', status: String(res.statusCode) }),
    );
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
  const counter = apiMetrics(register).events;
  return (_req, res, next) => {
    res.once('finish', () => counter.inc({ source, outcome: eventOutcome(res) }));
    next();
  };
}

const STATUSES = new Set([
  // messages
  'accepted',
  'scheduled',
  'queued',
  'sending',
  'sent',
  'delivered',
  'undelivered',
  'failed',
  'read',
  'canceled',
  'partially_delivered',
  // calls
  'initiated',
  'ringing',
  'in-progress',
  'completed',
  'busy',
  'no-answer',
]);

/** Counts a delivery receipt (each status of a message once). */
export function countReceipt(channel: string, status: string): void {
  apiMetrics(register).receipts.inc({ channel, status: STATUSES.has(status) ? status : 'other' });
}

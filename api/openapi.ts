/** The OpenAPI 3.1 document, generated from the same zod schemas the routes validate with. */
import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { CarrierEvent } from './routes/carrier-webhooks';
import { Feedback, OrderInput, SupportAction, TrackingEvent } from '../workflows/contract';
import { ChainListSchema, ChainStateSchema } from './chain-schema';
import {
  ActionHeaders,
  CarrierReportSchema,
  EventAccepted,
  FeedbackRecorded,
  Health,
  ListQuery,
  OrderAccepted,
  OrderIdParam,
  Problem,
  ReportFilters,
  TouchpointReportSchema,
} from './schemas';

function build() {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'apiKey', { type: 'http', scheme: 'bearer' });
  // zod's own .meta({ id }) names a component; the generator reads it without patching zod.
  const order = OrderInput.meta({ id: 'OrderInput' });
  const event = TrackingEvent.meta({ id: 'TrackingEvent' });
  const problem = Problem.meta({ id: 'Problem' });
  const accepted = EventAccepted.meta({ id: 'EventAccepted' });
  const json = (schema: z.ZodType) => ({ content: { 'application/json': { schema } } });
  /** A request body, which every operation that takes one requires. */
  const body = (schema: z.ZodType) => ({ required: true, ...json(schema) });
  const problems = (...statuses: number[]) =>
    Object.fromEntries(
      statuses.map((s) => [
        s,
        { description: PROBLEMS[s], content: { 'application/problem+json': { schema: problem } } },
      ]),
    );
  /** What every call with an API key may answer besides its own outcomes. */
  const keyed = [400, 401, 403, 429];
  const secured = { security: [{ apiKey: [] }] };
  const eventAnswers = {
    202: { description: 'applied', ...json(accepted) },
    200: { description: 'duplicate eventId', ...json(accepted) },
  };

  registry.registerPath({
    method: 'post',
    path: '/v1/orders',
    summary: 'Start the chain of an order (idempotent)',
    ...secured,
    request: { body: body(order) },
    responses: {
      201: { description: 'started', ...json(OrderAccepted) },
      200: { description: 'same order again', ...json(OrderAccepted) },
      ...problems(...keyed, 409, 410, 413),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/orders',
    summary: 'List chains',
    ...secured,
    request: { query: ListQuery },
    responses: {
      200: { description: 'a page of chains', ...json(ChainListSchema) },
      ...problems(...keyed),
      431: { description: 'the query is longer than the server reads (a page token from elsewhere)' },
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/orders/{orderId}',
    summary: 'The chain of an order',
    ...secured,
    request: { params: OrderIdParam },
    responses: {
      200: {
        description: 'stage, promise, delays, touchpoints with notices and ratings, conflicts, attention, audit',
        ...json(ChainStateSchema),
      },
      ...problems(...keyed, 404),
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/v1/orders/{orderId}/events',
    summary: 'A tracking event',
    ...secured,
    request: { params: OrderIdParam, body: body(event) },
    responses: { ...eventAnswers, ...problems(...keyed, 404, 409, 413) },
  });
  for (const option of SupportAction.options as z.ZodObject<{ action: z.ZodLiteral<string> }>[]) {
    const action = option.shape.action.value;
    // The action is named in the path; the body carries the rest.
    const schema = option.omit({ action: true });
    registry.registerPath({
      method: 'post',
      path: `/v1/orders/{orderId}/actions/${action}`,
      summary: `Support action: ${action}`,
      ...secured,
      request: { params: OrderIdParam, body: body(schema), headers: ActionHeaders },
      responses: {
        202: { description: 'done', ...json(accepted) },
        200: { description: 'done already (same Idempotency-Key)', ...json(accepted) },
        ...problems(...keyed, 404, 409),
      },
    });
  }
  registry.registerPath({
    method: 'get',
    path: '/v1/reports/touchpoints',
    summary: 'Touchpoint audit: checks, responses, mean score, verdict, weakest link',
    ...secured,
    request: { query: ReportFilters },
    responses: { 200: { description: 'the audit', ...json(TouchpointReportSchema) }, ...problems(...keyed) },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/reports/carriers',
    summary: 'Carrier scorecard: on-time rate, carrier-caused delays, conflicts, courier and handover ratings',
    ...secured,
    request: { query: ReportFilters },
    responses: { 200: { description: 'the scorecard', ...json(CarrierReportSchema) }, ...problems(...keyed) },
  });
  registry.registerPath({
    method: 'post',
    path: '/v1/feedback',
    summary: "Record a customer's rating (the signed token authorises it)",
    request: { body: body(Feedback.meta({ id: 'Feedback' })) },
    responses: { 202: { description: 'recorded', ...json(FeedbackRecorded) }, ...problems(400, 404, 409, 410) },
  });
  registry.registerPath({
    method: 'post',
    path: '/webhooks/carriers/{endpoint}',
    summary: "A carrier's tracking event, signed the Standard Webhooks way instead of an API key",
    request: {
      params: z.object({ endpoint: z.string() }),
      headers: z.object({
        'webhook-id': z.string().describe('unique per message'),
        'webhook-timestamp': z.string().describe('Unix seconds; refused when more than five minutes off'),
        'webhook-signature': z
          .string()
          .describe('space-separated v1,<base64 HMAC-SHA256 of id.timestamp.body>, one per secret during a rotation'),
      }),
      body: body(CarrierEvent.extend({ event: event })),
    },
    responses: { ...eventAnswers, ...problems(400, 401, 404, 409, 413) },
  });
  const twilioForm = (path: string, summary: string, answers: Record<number, object>) =>
    registry.registerPath({
      method: 'post',
      path,
      summary,
      request: {
        headers: z.object({
          'x-twilio-signature': z.string().describe("Twilio's signature over PUBLIC_BASE_URL and the form"),
        }),
        body: {
          required: true,
          content: { 'application/x-www-form-urlencoded': { schema: z.record(z.string(), z.string()) } },
        },
      },
      responses: { ...answers, ...problems(400, 403, 404) },
    });
  twilioForm('/webhooks/twilio/status', 'Delivery receipts (Twilio status callbacks)', {
    204: { description: 'recorded' },
    ...problems(503),
  });
  twilioForm('/webhooks/twilio/inbound', 'Inbound texts and digits pressed during a call', {
    200: { description: 'TwiML answer', content: { 'text/xml': { schema: z.string() } } },
  });
  registry.registerPath({
    method: 'get',
    path: '/healthz',
    summary: 'Liveness',
    responses: { 200: { description: 'alive', ...json(Health) } },
  });
  registry.registerPath({
    method: 'get',
    path: '/readyz',
    summary: 'Readiness: Temporal answers',
    responses: {
      200: { description: 'ready', ...json(Health) },
      503: { description: 'Temporal unreachable', ...json(Health) },
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/metrics',
    summary: 'Prometheus metrics of this API process',
    responses: {
      200: { description: 'the text exposition format', content: { 'text/plain': { schema: z.string() } } },
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/openapi.json',
    summary: 'This document',
    responses: {
      200: {
        description: 'OpenAPI 3.1',
        content: { 'application/json': { schema: z.record(z.string(), z.unknown()) } },
      },
    },
  });
  const doc = new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: { title: 'Doorstep API', version: '1' },
  });
  statedRules(doc.components?.schemas?.OrderInput as JsonSchema);
  return doc;
}

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

type JsonSchema = { properties: Record<string, JsonSchema>; [keyword: string]: unknown };

/**
 * The order's rules that zod checks in code, stated in JSON Schema too so that clients and API
 * fuzzers see them: a known time zone, an E.164 phone, a contact for every channel asked for, exactly
 * one promise.
 */
function statedRules(order: JsonSchema): void {
  const customer = order.properties.customer;
  customer.properties.timezone = {
    ...customer.properties.timezone,
    enum: ['UTC', ...Intl.supportedValuesOf('timeZone')],
  };
  customer.properties.phone = {
    ...customer.properties.phone,
    pattern: String(z.e164()._zod.def.pattern).slice(1, -1),
    description: 'E.164',
  };
  const needs = (channels: string[], contact: string) => ({
    if: { required: ['channels'], properties: { channels: { contains: { enum: channels } } } },
    then: { required: [contact] },
  });
  customer.allOf = [needs(['sms', 'whatsapp', 'voice'], 'phone'), needs(['email'], 'email')];
  order.oneOf = [
    { required: ['promisedDate'], not: { required: ['promisedWindow'] } },
    { required: ['promisedWindow'], not: { required: ['promisedDate'] } },
  ];
}

let document: ReturnType<typeof build> | undefined;
/** The document, built on first use. */
export function openApiDocument() {
  document ??= build();
  return document;
}

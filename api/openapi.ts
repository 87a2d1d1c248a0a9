/** The OpenAPI 3.1 document, generated from the same zod schemas the routes validate with. */
import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { CarrierEvent } from './routes/carrier-webhooks';
import { Feedback, OrderInput, SupportAction, TrackingEvent } from '../workflows/contract';
import {
  CarrierReportSchema,
  EventAccepted,
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
  const json = (schema: z.ZodType) => ({ content: { 'application/json': { schema } } });
  /** A request body, which every operation that takes one requires. */
  const body = (schema: z.ZodType) => ({ required: true, ...json(schema) });
  const problems = Object.fromEntries(
    [400, 401, 403, 404, 409].map((s) => [s, { description: 'problem', content: { 'application/problem+json': { schema: problem } } }]),
  );
  const secured = { security: [{ apiKey: [] }] };

  registry.registerPath({
    method: 'post', path: '/v1/orders', summary: 'Start the chain of an order (idempotent)', ...secured,
    request: { body: body(order) },
    responses: { 201: { description: 'started', ...json(OrderAccepted) }, 200: { description: 'same order again', ...json(OrderAccepted) }, ...problems },
  });
  registry.registerPath({
    method: 'get', path: '/v1/orders', summary: 'List chains', ...secured,
    request: { query: ListQuery },
    responses: {
      200: { description: 'a page of chains', ...json(z.object({ items: z.array(z.object({ orderId: z.string(), stage: z.string() })), nextPageToken: z.string().optional() })) },
      ...problems,
      431: { description: 'the query is longer than the server reads (a page token from elsewhere)' },
    },
  });
  registry.registerPath({
    method: 'get', path: '/v1/orders/{orderId}', summary: 'The chain of an order', ...secured,
    request: { params: OrderIdParam },
    responses: { 200: { description: 'stage, promise, delays, touchpoints with notices and ratings, conflicts' }, ...problems },
  });
  registry.registerPath({
    method: 'post', path: '/v1/orders/{orderId}/events', summary: 'A tracking event', ...secured,
    request: { params: OrderIdParam, body: body(event) },
    responses: { 202: { description: 'applied', ...json(EventAccepted) }, 200: { description: 'duplicate eventId', ...json(EventAccepted) }, ...problems },
  });
  for (const option of SupportAction.options as z.ZodObject<{ action: z.ZodLiteral<string> }>[]) {
    const action = option.shape.action.value;
    // The action is named in the path; the body carries the rest.
    const schema = option.omit({ action: true });
    registry.registerPath({
      method: 'post', path: `/v1/orders/{orderId}/actions/${action}`, summary: `Support action: ${action}`, ...secured,
      request: { params: OrderIdParam, body: body(schema) },
      responses: { 202: { description: 'done', ...json(EventAccepted) }, ...problems },
    });
  }
  registry.registerPath({
    method: 'get', path: '/v1/reports/touchpoints', summary: 'Touchpoint audit: checks, responses, mean score, verdict, weakest link', ...secured,
    request: { query: ReportFilters },
    responses: { 200: { description: 'the audit', ...json(TouchpointReportSchema) }, ...problems },
  });
  registry.registerPath({
    method: 'get', path: '/v1/reports/carriers', summary: 'Carrier scorecard: on-time rate, delays, conflicts, courier and handover ratings', ...secured,
    request: { query: ReportFilters },
    responses: { 200: { description: 'the scorecard', ...json(CarrierReportSchema) }, ...problems },
  });
  registry.registerPath({
    method: 'post', path: '/v1/feedback', summary: "Record a customer's rating (the signed token authorises it)",
    request: { body: body(Feedback.meta({ id: 'Feedback' })) },
    responses: { 202: { description: 'recorded' }, ...problems },
  });
  registry.registerPath({
    method: 'post', path: '/webhooks/carriers/{endpoint}', summary: "A carrier's tracking event, signed the Standard Webhooks way instead of an API key",
    request: {
      params: z.object({ endpoint: z.string() }),
      headers: z.object({
        'webhook-id': z.string().describe('unique per message'),
        'webhook-timestamp': z.string().describe('Unix seconds; refused when more than five minutes off'),
        'webhook-signature': z.string().describe('space-separated v1,<base64 HMAC-SHA256 of id.timestamp.body>, one per secret during a rotation'),
      }),
      body: body(CarrierEvent.extend({ event: event })),
    },
    responses: { 202: { description: 'applied', ...json(EventAccepted) }, 200: { description: 'duplicate eventId', ...json(EventAccepted) }, ...problems },
  });
  const doc = new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: { title: 'Doorstep API', version: '1' },
  });
  statedRules(doc.components?.schemas?.OrderInput as JsonSchema);
  return doc;
}

type JsonSchema = { properties: Record<string, JsonSchema>; [keyword: string]: unknown };

/**
 * The order's rules that zod checks in code, stated in JSON Schema too so that clients and API
 * fuzzers see them: a known time zone, an E.164 phone, a contact for every channel asked for, exactly
 * one promise.
 */
function statedRules(order: JsonSchema): void {
  const customer = order.properties.customer;
  customer.properties.timezone = { ...customer.properties.timezone, enum: ['UTC', ...Intl.supportedValuesOf('timeZone')] };
  customer.properties.phone = { ...customer.properties.phone, pattern: String(z.e164()._zod.def.pattern).slice(1, -1), description: 'E.164' };
  const needs = (channels: string[], contact: string) => ({ if: { required: ['channels'], properties: { channels: { contains: { enum: channels } } } }, then: { required: [contact] } });
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

/**
 * One server span per request, parent of the Temporal client's spans (starting a chain, an Update,
 * a signal): a W3C `traceparent` from the caller is continued. Named by route template once routed
 * (`POST /v1/orders/:orderId/events`, see route-template.ts), never by path. Without tracing (see
 * common/tracing.ts) the
 * tracer is OpenTelemetry's no-op one and this costs next to nothing.
 */
import { context, propagation, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { RequestHandler } from 'express';

export function traceRequests(): RequestHandler {
  const tracer = trace.getTracer('doorstep-api');
  return (req, res, next) => {
    const parent = propagation.extract(context.active(), req.headers);
    const span = tracer.startSpan(
      req.method,
      { kind: SpanKind.SERVER, attributes: { 'http.request.method': req.method } },
      parent,
    );
    // 'close' comes once, after 'finish' or when the client went away; the route template is known by then.
    res.once('close', () => {
      const route: string | undefined = res.locals.route;
      if (route) span.updateName(`${req.method} ${route}`).setAttribute('http.route', route);
      span.setAttribute('http.response.status_code', res.statusCode);
      if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    });
    context.with(trace.setSpan(parent, span), next);
  };
}

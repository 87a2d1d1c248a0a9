/**
 * API request duration by method, route and status (prom-client, the process's default registry).
 * The route is Express's template ("/v1/orders/:orderId/events"), never the path itself: no order
 * id, token or address becomes a label; a request no route took counts as "unmatched".
 */
import type { RequestHandler } from 'express';
import { Histogram, register } from 'prom-client';

const NAME = 'doorstep_api_request_duration_seconds';

/** One histogram per process, however many apps it builds (the tests build several). */
function histogram(): Histogram<'method' | 'route' | 'status'> {
  return (register.getSingleMetric(NAME) as Histogram<'method' | 'route' | 'status'> | undefined) ??
    new Histogram({
      name: NAME,
      help: 'API request duration by method, route template and status',
      labelNames: ['method', 'route', 'status'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    });
}

export function requestMetrics(): RequestHandler {
  const seconds = histogram();
  return (req, res, next) => {
    const stop = seconds.startTimer();
    // A nested router's mount path (req.baseUrl) is gone again by the time the response ends: the
    // template is taken when Express matches the route and sets req.route.
    let route = 'unmatched';
    let matched: { path: string } | undefined;
    Object.defineProperty(req, 'route', {
      configurable: true,
      enumerable: true,
      get: () => matched,
      set(r: { path: string }) {
        matched = r;
        route = `${req.baseUrl}${r.path === '/' ? '' : r.path}` || '/';
      },
    });
    res.once('finish', () => stop({ method: req.method, route, status: String(res.statusCode) }));
    next();
  };
}

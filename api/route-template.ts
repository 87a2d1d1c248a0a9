/**
 * The route template of each request ("/v1/orders/:orderId/events"), in `res.locals.route` once
 * Express has matched a route (unset when none did): the request's metrics, log line and span are
 * named by it, never by the path, which carries order ids and customers' tokens. A nested router's
 * mount path (req.baseUrl) is gone again by the time the response ends, so the template is taken
 * when Express sets req.route.
 */
import type { RequestHandler } from 'express';

export function routeTemplate(): RequestHandler {
  return (req, res, next) => {
    let matched: { path: string } | undefined;
    Object.defineProperty(req, 'route', {
      configurable: true,
      enumerable: true,
      get: () => matched,
      set(r: { path: string }) {
        matched = r;
        res.locals.route = `${req.baseUrl}${r.path === '/' ? '' : r.path}` || '/';
      },
    });
    next();
  };
}

/** Process-wide Prometheus metrics: the default registry, its process metrics, and a /metrics server for workers. */
import { createServer, type Server } from 'node:http';
import { collectDefaultMetrics, register, type Registry } from 'prom-client';

let collecting = false;

/** Starts collecting the default process metrics (CPU, memory, event loop) once per process. */
export function collectProcessMetrics(): void {
  if (collecting) return;
  collectDefaultMetrics({ register });
  collecting = true;
}

/**
 * `build` run once per registry (the process's default one, or a test's own): the metrics it
 * registered, however often they are asked for (prom-client refuses a name registered twice).
 */
export function perRegistry<T, A extends unknown[]>(
  build: (registry: Registry, ...args: A) => T,
): (registry: Registry, ...args: A) => T {
  const built = new WeakMap<Registry, T>();
  return (registry, ...args) => {
    let metrics = built.get(registry);
    if (!metrics) built.set(registry, (metrics = build(registry, ...args)));
    return metrics;
  };
}

/** The exposition of `registry` in Prometheus text format. */
export async function exposition(registry: Registry = register): Promise<{ contentType: string; body: string }> {
  return { contentType: registry.contentType, body: await registry.metrics() };
}

/** Serves GET /metrics on `port` (the worker process, which has no API of its own). */
export function serveMetrics(port: number): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.url !== '/metrics') return void res.writeHead(404).end();
    exposition().then(
      ({ contentType, body }) => res.writeHead(200, { 'content-type': contentType }).end(body),
      () => res.writeHead(500).end(),
    );
  });
  return new Promise((resolve) => server.listen(port, () => resolve(server)));
}

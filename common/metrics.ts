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

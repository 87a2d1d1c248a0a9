/**
 * A local carrier tracking API on 127.0.0.1 for the pull connectors' tests and chaos scenario: it
 * records every call (when, what number, its headers and body) and answers as `answer` says.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CarrierCall {
  at: number;
  method: string;
  path: string;
  /** The tracking number asked for (DHL's query, or Poczta Polska's <numer>). */
  number: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface CarrierReply {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

export interface CarrierEndpoint {
  url: string;
  calls: CarrierCall[];
  close(): Promise<void>;
}

const numberOf = (url: URL, body: string) =>
  url.searchParams.get('trackingNumber') ?? /<(?:\w+:)?numer>([^<]*)</.exec(body)?.[1] ?? '';

/** Starts the endpoint; `answer` decides each reply from the call. */
export async function carrierEndpoint(answer: (call: CarrierCall) => CarrierReply): Promise<CarrierEndpoint> {
  const calls: CarrierCall[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const call = { at: Date.now(), method: req.method ?? 'GET', path: url.pathname, number: numberOf(url, body) };
      const recorded = { ...call, headers: req.headers, body };
      calls.push(recorded);
      const reply = answer(recorded);
      res.writeHead(reply.status, reply.headers).end(reply.body ?? '');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

/** The most calls in any `windowMs` window (a sliding window over the calls' times). */
export function maxInWindow(times: number[], windowMs = 60_000): number {
  const sorted = [...times].sort((a, b) => a - b);
  let max = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[i]! - sorted[j]! >= windowMs) j++;
    max = Math.max(max, i - j + 1);
  }
  return max;
}

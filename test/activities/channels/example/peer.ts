/**
 * A local HTTP peer that answers as the example API documents: POST /messages takes a message (201
 * with its id and time) or answers what a test queued; GET /messages?to= lists a number's messages.
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ExamplePeer {
  url: string;
  /** Every request as it arrived: method, path, headers that matter and the JSON body. */
  requests: { method: string; path: string; authorization?: string; contentType?: string; body?: unknown }[];
  /** Answers for the next POSTs, in order: HTTP status and the API's error code. */
  answers: { status: number; code: string }[];
  close(): Promise<void>;
}

/** Starts the peer on a free loopback port. */
export async function examplePeer(): Promise<ExamplePeer> {
  const requests: ExamplePeer['requests'] = [];
  const answers: ExamplePeer['answers'] = [];
  const taken: { id: string; to: string; text: string; createdAt: string }[] = [];
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const url = new URL(req.url!, 'http://example.local');
      const body = raw ? (JSON.parse(raw) as { to: string; text: string }) : undefined;
      const { authorization, 'content-type': contentType } = req.headers;
      requests.push({ method: req.method!, path: req.url!, authorization, contentType, body });
      const reply = (status: number, json: object) =>
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
      if (req.method === 'GET')
        return reply(200, { messages: taken.filter((m) => m.to === url.searchParams.get('to')).reverse() });
      const answer = answers.shift();
      if (answer) return reply(answer.status, { error: { code: answer.code, message: `refused: ${answer.code}` } });
      const message = { id: `ex_${randomUUID()}`, to: body!.to, text: body!.text, createdAt: new Date().toISOString() };
      taken.push(message);
      reply(201, message);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    answers,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

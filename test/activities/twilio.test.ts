/** SMS, WhatsApp and voice through the real twilio SDK against a local HTTP endpoint. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApplicationFailure } from '@temporalio/common';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { createActivities } from '../../activities';
import { logger } from '../../common/logger';
import { createTokens } from '../../common/tokens';
import { buildChannels } from '../../worker/transports';
import { outbox, testConfig } from '../helpers/temporal';
import { noticeInput } from './notice-input';

const SID = 'AC00000000000000000000000000000001';
interface Seen {
  method: string;
  path: string;
  auth: string;
  form: Record<string, string>;
}
const seen: Seen[] = [];
/** Answers queued by a test: status and JSON body; 201 with a sid by default. */
let answers: { status: number; body: object }[] = [];
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      seen.push({ method: req.method!, path: req.url!, auth: req.headers.authorization ?? '', form: Object.fromEntries(new URLSearchParams(raw)) });
      const { status, body } = answers.shift() ?? { status: 201, body: { sid: `SM${seen.length}`, status: 'queued' } };
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  seen.length = 0;
  answers = [];
});

function activities() {
  const config = testConfig({
    TWILIO_ACCOUNT_SID: SID,
    TWILIO_AUTH_TOKEN: 'secret-token',
    TWILIO_FROM: '+48111222333',
    TWILIO_WHATSAPP_FROM: '+48111222444',
    TWILIO_API_BASE_URL: baseUrl,
  });
  const acts = createActivities({ channels: buildChannels(config), tokens: createTokens(config.secret), publicBaseUrl: config.publicBaseUrl, log: logger });
  return { acts, config };
}

it('an SMS goes to the Messages API with To, From, Body and the status callback', async () => {
  const { acts } = activities();
  const notice = await acts.sendNotice(noticeInput(['sms']));
  expect(seen).toHaveLength(1);
  expect(seen[0]).toMatchObject({ method: 'POST', path: `/2010-04-01/Accounts/${SID}/Messages.json` });
  expect(seen[0].auth).toBe(`Basic ${Buffer.from(`${SID}:secret-token`).toString('base64')}`);
  expect(seen[0].form).toMatchObject({ To: '+48600123456', From: '+48111222333', StatusCallback: 'http://localhost:8080/webhooks/twilio/status' });
  expect(seen[0].form.Body).toContain('Your order A-100 is with dpd');
  expect(notice).toMatchObject({ channel: 'sms', providerId: 'SM1', status: 'sent' });
});

it('WhatsApp uses whatsapp: addresses; voice reads the notice through TwiML', async () => {
  const { acts } = activities();
  await acts.sendNotice(noticeInput(['whatsapp']));
  await acts.sendNotice(noticeInput(['voice']));
  expect(seen[0].form).toMatchObject({ To: 'whatsapp:+48600123456', From: 'whatsapp:+48111222444' });
  expect(seen[1].path).toBe(`/2010-04-01/Accounts/${SID}/Calls.json`);
  expect(seen[1].form.Twiml).toMatch(/^<Response><Say>Your order A-100 is with dpd.*<\/Say><\/Response>$/s);
});

it('an invalid number (21211) falls back to the next channel', async () => {
  const { acts, config } = activities();
  answers = [{ status: 400, body: { code: 21211, message: "The 'To' number is not a valid phone number.", status: 400 } }];
  const notice = await acts.sendNotice(noticeInput(['sms', 'email']));
  expect(seen).toHaveLength(1);
  expect(notice.channel).toBe('email');
  expect(outbox(config).map((m) => m.to)).toEqual(['anna@example.com']);
});

it('a provider outage (500) is a retryable failure for Temporal to retry', async () => {
  const { acts } = activities();
  answers = [{ status: 500, body: { code: 20500, message: 'Internal Server Error', status: 500 } }];
  const failure = await acts.sendNotice(noticeInput(['sms', 'email'])).catch((e: unknown) => e);
  expect(failure).toBeInstanceOf(ApplicationFailure);
  expect((failure as ApplicationFailure).nonRetryable).toBe(false);
  expect((failure as ApplicationFailure).type).toBe('TransientDeliveryFailure');
});

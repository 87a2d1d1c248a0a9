/**
 * Rotating the token key loses no opt-out: a STOP texted and an email unsubscribe clicked before the
 * rotation still suppress notices after it. Two processes' configurations share one PostgreSQL store
 * and one DOORSTEP_SECRET; the second lists a new signing key first (DOORSTEP_TOKEN_KEYS).
 */
import { randomBytes } from 'node:crypto';
import { Registry } from 'prom-client';
import request from 'supertest';
import twilio from 'twilio';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { appFor } from '../../api/server';
import { createStore, type Store } from '../../store';
import { workerActivities } from '../../worker/worker';
import type { AppConfig } from '../../common/config';
import { inActivityContext, noticeInput, noticeOf } from '../activities/notice-input';
import { devServer, outbox, testConfig, type DevServer } from '../helpers/temporal';
import { TWILIO_SID, TWILIO_TOKEN } from '../helpers/twilio-endpoint';

const run = randomBytes(4).toString('hex');
const customer = {
  email: `rotation-${run}@example.com`,
  phone: `+48605${String(parseInt(run, 16) % 1_000_000).padStart(6, '0')}`,
};
const shared = { DATABASE_URL: inject('databaseUrl'), DOORSTEP_SECRET: `rotation-test-secret-${run}-0123456789` };
let before: DevServer;
let after: { config: AppConfig; store: Store };

beforeAll(async () => {
  // Twilio's token only signs the inbound webhook here: no SMS goes to Twilio.
  before = await devServer(
    testConfig({
      ...shared,
      TWILIO_ACCOUNT_SID: TWILIO_SID,
      TWILIO_AUTH_TOKEN: TWILIO_TOKEN,
      TWILIO_FROM: '+48111222333',
      TWILIO_API_BASE_URL: 'http://127.0.0.1:9',
    }),
  );
  const config = testConfig({ ...shared, DOORSTEP_TOKEN_KEYS: `k2:${randomBytes(32).toString('base64')},s:derived` });
  after = { config, store: await createStore(config) };
});
afterAll(async () => {
  await before?.close();
  await after?.store.close();
});

const sender = (config: AppConfig, store: Store) =>
  inActivityContext(workerActivities(config, { store, registry: new Registry() }).sendNotice);
const input = (orderId: string, channels: ('email' | 'sms')[]) => {
  const base = noticeInput(
    channels,
    { touchpoint: 'arrival', template: 'arrival', workflowId: `order-acme-${orderId}` },
    customer,
  );
  return { ...base, order: { ...base.order, orderId } };
};

it('a STOP and an unsubscribe recorded before a token-key rotation still suppress SMS and email after it', async () => {
  const app = appFor(before.config, before.client, before.store);
  // Before: an email with its unsubscribe link (signed by the key derived from the secret), then STOP by SMS.
  expect(noticeOf(await sender(before.config, before.store)(input(`R1-${run}`, ['email']))).channel).toBe('email');
  const link = outbox(before.config).find((m) => m.to === customer.email)!.unsubscribeUrl!;
  expect(new URL(link).pathname.split('.')[1]).toBe('s');
  expect((await request(app).post(new URL(link).pathname).type('form').send('List-Unsubscribe=One-Click')).status).toBe(
    200,
  );
  const form = { From: customer.phone, To: '+48111222333', Body: 'STOP', MessageSid: `SMrot${run}` };
  const signature = twilio.getExpectedTwilioSignature(
    TWILIO_TOKEN,
    'http://localhost:8080/webhooks/twilio/inbound',
    form,
  );
  expect(
    (await request(app).post('/webhooks/twilio/inbound').type('form').set('X-Twilio-Signature', signature).send(form))
      .status,
  ).toBe(200);

  // After the rotation: new links carry the new key id, and both opt-outs still hold.
  const notice = noticeOf(await sender(after.config, after.store)(input(`R2-${run}`, ['sms', 'email'])));
  expect(notice.status).toBe('suppressed');
  expect(notice.decisions).toMatchObject([
    { outcome: 'suppressed', channel: 'sms', reason: expect.stringMatching(/^opted out of sms \(STOP by sms/) },
    {
      outcome: 'suppressed',
      channel: 'email',
      reason: expect.stringMatching(/^opted out of email \(unsubscribe link/),
    },
  ]);
  expect(outbox(after.config)).toEqual([]);
  const essential = noticeOf(
    await sender(
      after.config,
      after.store,
    )({
      ...input(`R3-${run}`, ['email']),
      touchpoint: 'delay',
      template: 'delay',
      facts: { days: 1, newDate: '2026-12-04', reason: 'a storm' },
    }),
  );
  expect(essential.channel).toBe('email');
  expect(new URL(outbox(after.config)[0].unsubscribeUrl!).pathname.split('.')[1]).toBe('k2');
});

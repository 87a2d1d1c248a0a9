/**
 * Each notice reaches the customer once, or support hears why: through real retries on the dev
 * server, against a real SMTP server and the real twilio SDK on a local endpoint.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChainState } from '../../workflows/contract';
import { startChain, waitForState } from '../helpers/chains';
import { event, onTimePath, order, shop } from '../helpers/fixtures';
import { trackingEventUpdate } from '../../workflows/definitions';
import type { Store } from '../../store';
import { afterSent } from '../helpers/faults';
import { smtpSink, type SmtpSink } from '../helpers/smtp-sink';
import { devServer, testConfig, type DevServer } from '../helpers/temporal';
import { twilioEndpoint, twilioEnv, type TwilioEndpoint } from '../helpers/twilio-endpoint';

let env: DevServer;
let sink: SmtpSink;
let twilio: TwilioEndpoint;

beforeAll(async () => {
  sink = await smtpSink();
  twilio = await twilioEndpoint();
  env = await devServer(
    testConfig({ SMTP_URL: sink.url, MAIL_FROM: 'Acme <orders@acme.example>', ...twilioEnv(twilio) }),
  );
});
afterAll(async () => {
  await env.close();
  await sink.close();
  await twilio.close();
});

const confirmation = (s: ChainState) => s.touchpoints[0].notices[0];
/** A confirmation email body in the shop's own words, with every placeholder the touchpoint requires. */
const WORDING = 'We have your order {orderId}. We will deliver it {promise}.';

/** Starts the order's chain and returns its state once the confirmation is sent (the chain is then stopped). */
const confirmationSent = (o: ReturnType<typeof order>, store?: Store) =>
  env.withWorker(async () => {
    const h = await startChain(env, o, shop());
    const s = await waitForState(h, (x) => confirmation(x)?.status === 'sent');
    await h.terminate('test over');
    return s;
  }, store);

describe('exactly once', () => {
  it('a worker that dies after the provider accepted the email does not send it again on retry', async () => {
    const o = order({ customer: { ...order().customer, channels: ['email'] } });
    const key = `order-acme-${o.orderId}:confirmation:email:1`;
    let crashes = 0;
    // The fault runs after the SMTP server accepted the message and the ledger recorded it.
    const store = afterSent(env.store, (ledgerKey) => {
      if (ledgerKey === key && crashes++ === 0) throw new Error('worker died before completing the activity');
    });
    const state = await confirmationSent(o, store);
    expect(crashes).toBe(1);
    const mails = sink.received.filter((r) => r.mail.messageId === `<${key.replace(/:/g, '.')}@acme.example>`);
    expect(mails).toHaveLength(1);
    expect(confirmation(state)).toMatchObject({
      channel: 'email',
      status: 'sent',
      providerId: mails[0].mail.messageId,
    });
    expect(await env.registry.metrics()).toMatch(
      /doorstep_notices_total\{channel="email",touchpoint="confirmation",outcome="reused"\} 1/,
    );
  });

  it("a retry that finds the email sent names the shop's wording it went out in, not a version put since", async () => {
    const o = order({ customer: { ...order().customer, channels: ['email'] } });
    const key = `order-acme-${o.orderId}:confirmation:email:1`;
    const slot = { template: 'confirmation', locale: 'en', channel: 'email' };
    const sent = await env.store.templates.put('acme', slot, { subject: 'Order {orderId}: v1', text: WORDING }, 't');
    // The editor saves a new version while the worker that sent the first one dies before completing.
    const store = afterSent(env.store, (ledgerKey) => {
      if (ledgerKey !== key) return;
      void env.store.templates.put('acme', slot, { subject: 'Order {orderId}: v2', text: WORDING }, 't');
      throw new Error('worker died before completing the activity');
    });
    try {
      const state = await confirmationSent(o, store);
      const mails = sink.received.filter(
        (r) => r.envelopeTo.includes(o.customer.email!) && r.mail.subject?.includes(o.orderId),
      );
      expect(mails.map((m) => m.mail.subject)).toEqual([`Order ${o.orderId}: v1`]);
      expect(confirmation(state)).toMatchObject({ status: 'sent', templateVersion: sent.version });
    } finally {
      await env.store.templates.remove('acme', slot, 't');
    }
  });

  it('a provider outage (500) then acceptance (201) yields exactly one SMS', async () => {
    twilio.reset();
    twilio.answers.push({ status: 500, body: { code: 20500, message: 'Internal Server Error', status: 500 } });
    const o = order({ customer: { ...order().customer, phone: '+48600500201', channels: ['sms'] } });
    const state = await confirmationSent(o);
    expect(twilio.requests.map((r) => r.form.To)).toEqual(['+48600500201', '+48600500201']);
    expect(twilio.accepted).toHaveLength(1);
    expect(confirmation(state)).toMatchObject({
      channel: 'sms',
      providerId: twilio.accepted[0],
      decisions: [{ outcome: 'sent', reason: 'sent by sms' }],
    });
  });

  it('an SMS Twilio took before the connection broke is found in its Messages list, not sent again', async () => {
    twilio.reset();
    twilio.answers.push({ status: 0, body: {} });
    const o = order({ customer: { ...order().customer, phone: '+48600500202', channels: ['sms'] } });
    const state = await confirmationSent(o);
    expect(twilio.requests.map((r) => r.method)).toEqual(['POST', 'GET']);
    expect(twilio.accepted).toHaveLength(1);
    expect(confirmation(state)).toMatchObject({ channel: 'sms', status: 'sent', providerId: twilio.accepted[0] });
  });

  it('a return notice that no channel takes reaches support through the parent chain', async () => {
    const o = order({
      returnWindowDays: 1,
      customer: { ...order().customer, email: 'gone@example.com', channels: ['email'] },
    });
    const state = await env.withWorker(async () => {
      const h = await startChain(env, o, shop());
      for (const e of [...onTimePath(), event('return_requested')])
        await h.executeUpdate(trackingEventUpdate, { args: [e] });
      // The child reports the alert and the touchpoint as two signals: wait for both.
      const reported = (x: ChainState) =>
        x.attention.some((a) => a.includes('return-accepted')) &&
        x.touchpoints.some((t) => t.key === 'return-accepted' && t.notices.length > 0);
      const s = await waitForState(h, reported, 60_000);
      await h.terminate('test over');
      return s;
    });
    expect(state.attention).toContainEqual(expect.stringMatching(/^notice return-accepted failed: email SMTP 550/));
    expect(state.touchpoints.find((t) => t.key === 'return-accepted')!.notices[0]).toMatchObject({
      status: 'failed',
      decisions: [{ outcome: 'failed', channel: 'email' }],
    });
  });
});

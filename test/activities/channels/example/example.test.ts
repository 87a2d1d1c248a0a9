/**
 * The example provider, added in this one folder plus its configuration: the channel contract and a notice
 * sent through it.
 */
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore, type Store } from '../../../../store';
import { buildChannels } from '../../../../worker/transports';
import { workerActivities } from '../../../../worker/worker';
import { testConfig } from '../../../helpers/temporal';
import { inActivityContext, noticeInput, noticeOf } from '../../notice-input';
import { channelContract, contractMessage } from '../contract';
import { readExample } from './config';
import { exampleProvider, type ExampleConfig } from '.';
import { examplePeer, type ExamplePeer } from './peer';

/** The configuration with the example's block pointing at `peer`. */
const configFor = (peer: ExamplePeer): ExampleConfig => ({
  ...testConfig(),
  example: readExample({ EXAMPLE_API_URL: peer.url, EXAMPLE_API_TOKEN: 'ex-token', EXAMPLE_FROM: 'Acme' }),
});

channelContract(
  'example sms',
  async () => {
    const peer = await examplePeer();
    return {
      channel: buildChannels(configFor(peer), [exampleProvider]).sms!,
      lastReceived: () => {
        const body = peer.requests.filter((r) => r.method === 'POST').at(-1)?.body as { to: string } | undefined;
        return body && { to: body.to, payload: JSON.stringify(body) };
      },
      refuseNext: (kind) =>
        peer.answers.push(
          kind === 'permanent' ? { status: 422, code: 'recipient_invalid' } : { status: 503, code: 'busy' },
        ),
      close: () => peer.close(),
    };
  },
  { find: true, refusals: { permanent: 'recipient_invalid invalid recipient', transient: '503 provider error' } },
);

describe('the example provider in the worker', () => {
  let peer: ExamplePeer;
  let store: Store;
  let sendNotice: ReturnType<typeof inActivityContext>;

  beforeAll(async () => {
    peer = await examplePeer();
    const config = configFor(peer);
    store = await createStore(config);
    const channels = buildChannels(config, [exampleProvider]);
    sendNotice = inActivityContext(workerActivities(config, { store, channels, registry: new Registry() }).sendNotice);
  });
  afterAll(async () => {
    await peer.close();
    await store.close();
  });

  it('unconfigured, it leaves SMS with the outbox', () => {
    const channels = buildChannels(testConfig(), [exampleProvider]);
    expect(channels.sms?.find).toBeUndefined();
  });

  it('a message is one JSON POST with the bearer token: from, to, the short text and the ledger key', async () => {
    const channel = buildChannels(configFor(peer), [exampleProvider]).sms!;
    const message = contractMessage(channel);
    peer.requests.length = 0;
    await channel.send(message);
    expect(peer.requests).toEqual([
      {
        method: 'POST',
        path: '/messages',
        authorization: 'Bearer ex-token',
        contentType: 'application/json',
        body: { from: 'Acme', to: '+48600123456', text: message.rendered.short, reference: message.idempotencyKey },
      },
    ]);
  });

  it('a notice goes by it, and a recipient it reports blocked is opted out of later SMS', async () => {
    const base = noticeInput(['sms', 'email']);
    const sent = noticeOf(await sendNotice({ ...base, order: { ...base.order, orderId: 'X-1' } }));
    expect(sent).toMatchObject({ channel: 'sms', providerId: expect.stringMatching(/^ex_/) });
    expect(sent.decisions).toMatchObject([{ outcome: 'sent', channel: 'sms', reason: 'sent by sms' }]);

    peer.answers.push({ status: 422, code: 'recipient_blocked' });
    const blocked = noticeOf(await sendNotice({ ...base, order: { ...base.order, orderId: 'X-2' } }));
    expect(blocked.decisions.map((d) => [d.outcome, d.channel, d.reason])).toEqual([
      ['failed', 'sms', 'recipient_blocked recipient opted out'],
      ['sent', 'email', 'fell back to email: recipient_blocked recipient opted out'],
    ]);
    const later = noticeOf(
      await sendNotice({
        ...base,
        touchpoint: 'arrival',
        template: 'arrival',
        order: { ...base.order, orderId: 'X-3' },
      }),
    );
    expect(later.decisions[0]).toMatchObject({
      outcome: 'suppressed',
      channel: 'sms',
      reason: expect.stringContaining('opted out of sms (Example recipient_blocked'),
    });
  });
});

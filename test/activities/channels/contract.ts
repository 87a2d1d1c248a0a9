/**
 * The contract every provider's channels pass, each against its real peer: what `send` answers and
 * what the peer received, `find` (where the provider can be asked), the address resolver, and how
 * the provider's refusals are classified. A provider's test calls `channelContract` once per channel.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentFor, type Channel, type OutgoingMessage } from '../../../activities/channels/channel';
import { classify, transientFailure } from '../../../activities/channels/failures';
import { FAILURE } from '../../../workflows/failures';
import { CHANNEL_ADDRESS } from '../../../workflows/channels';

/**
 * What the peer took last, as it went on the wire: the recipient and the whole payload (mail text, form body,
 * TwiML, JSON).
 */
export interface Wire {
  to: string;
  payload: string;
}

export interface ContractPeer {
  /** The channel under test, built from its configuration through the provider registry. */
  channel: Channel;
  lastReceived(): Wire | undefined;
  /** Makes the peer refuse the next send, for good or for now. */
  refuseNext?(kind: 'permanent' | 'transient'): void;
  close(): Promise<void>;
}

export interface ContractOptions {
  /** Whether the provider can be asked for a message it took. */
  find: boolean;
  /** The reasons the peer's refusals classify to; absent when there is no vendor to refuse (the outbox). */
  refusals?: { permanent: string | RegExp; transient: string | RegExp };
}

const CUSTOMER = { email: 'anna@example.com', phone: '+48600123456' };
let n = 0;

/** A message to the customer's address on `channel`, with text of its own (a find matches this one only). */
export function contractMessage(channel: Channel): OutgoingMessage {
  const text = `Acme: contract notice ${++n} by ${channel.name}. Track it: http://localhost:8080/t/c${n}`;
  const reached = channel.address(CUSTOMER);
  if (!('to' in reached)) throw new Error(`${channel.name} cannot reach the contract customer: ${reached.missing}`);
  const rendered = {
    language: 'en',
    subject: `Acme: notice ${n}`,
    text,
    html: `<p>${text}</p>`,
    short: text,
    spoken: text,
  };
  return { to: reached.to, idempotencyKey: `order-acme-C-${n}:tracking:${channel.name}:1`, rendered };
}

/** Runs the channel contract for the channel `makePeer` builds. */
export function channelContract(name: string, makePeer: () => Promise<ContractPeer>, options: ContractOptions): void {
  describe(`${name}: the channel contract`, () => {
    let peer: ContractPeer;
    beforeAll(async () => {
      peer = await makePeer();
    });
    afterAll(() => peer.close());

    it('answers the provider id and an ISO acceptance time; the peer got the recipient and the text', async () => {
      const message = contractMessage(peer.channel);
      const sent = await peer.channel.send(message);
      expect(sent.providerId).toMatch(/\S/);
      expect(new Date(sent.acceptedAt).toISOString()).toBe(sent.acceptedAt);
      const wire = peer.lastReceived();
      expect(wire?.to).toContain(message.to);
      expect(wire?.payload).toContain(contentFor(peer.channel.name, message.rendered).text);
    });

    it("resolves the customer's address, or says which one is missing", () => {
      const { field, missing } = CHANNEL_ADDRESS[peer.channel.name];
      expect(peer.channel.address(CUSTOMER)).toEqual({ to: CUSTOMER[field] });
      expect(peer.channel.address({ ...CUSTOMER, [field]: undefined })).toEqual({ missing });
    });

    if (options.find) {
      it('finds a message it took since a time, not one taken before that time nor one never sent', async () => {
        const message = contractMessage(peer.channel);
        const since = new Date(Date.now() - 1_000);
        const sent = await peer.channel.send(message);
        expect(await peer.channel.find!(message, since)).toEqual({
          providerId: sent.providerId,
          acceptedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        });
        // Well past any clock skew the provider is allowed: the message was taken before it.
        expect(await peer.channel.find!(message, new Date(Date.now() + 600_000))).toBeUndefined();
        expect(await peer.channel.find!(contractMessage(peer.channel), since)).toBeUndefined();
      });
    } else {
      it('cannot be asked for a message it took: a retry sends again under the same key', () => {
        expect(peer.channel.find).toBeUndefined();
      });
    }

    const { refusals } = options;
    if (refusals) {
      it('a permanent refusal classifies permanent, in words support reads', async () => {
        peer.refuseNext!('permanent');
        const failure = classify(await peer.channel.send(contractMessage(peer.channel)).catch((e: unknown) => e));
        expect(failure.permanent).toBe(true);
        expect(failure.reason).toMatch(refusals.permanent);
      });

      it('a transient refusal is retried by Temporal', async () => {
        peer.refuseNext!('transient');
        const failure = classify(await peer.channel.send(contractMessage(peer.channel)).catch((e: unknown) => e));
        expect(failure.permanent).toBe(false);
        expect(failure.reason).toMatch(refusals.transient);
        expect(transientFailure(peer.channel.name, failure)).toMatchObject({
          nonRetryable: false,
          type: FAILURE.transientDelivery,
        });
      });
    }
  });
}

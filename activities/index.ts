/** Side effects of the chain, built from what the worker wired: channels, token signer, clock. */
import { ApplicationFailure } from '@temporalio/common';
import { DateTime } from 'luxon';
import type { Logger } from 'pino';
import type { Tokens } from '../common/tokens';
import { mask } from '../common/logger';
import type { ChannelName, Notice, Shop } from '../workflows/contract';
import { chainWorkflowId } from '../workflows/definitions';
import { scaleOf, type TemplateId } from '../workflows/touchpoints';
import type { Channels } from './channels/channel';
import { classify } from './channels/errors';
import { render, type NoticeFacts, type OrderSummary } from './templates/render';

export interface ActivityDeps {
  channels: Channels;
  tokens: Tokens;
  /** Base of every link in a notice. */
  publicBaseUrl: string;
  log: Logger;
  /** How long a rating link stays valid. */
  ratingTtlDays?: number;
  clock?: () => Date;
}

export interface SendNoticeInput {
  shop: Shop;
  order: OrderSummary;
  /** Touchpoint key the notice and its rating belong to. */
  touchpoint: string;
  template: TemplateId;
  facts: NoticeFacts;
  trackingUrl: string;
}

export interface GuardTimeInput {
  promisedDate: string;
  timezone: string;
  leadTimeHours: number;
}

/** The activities of a worker, closed over their dependencies. */
export function createActivities(deps: ActivityDeps) {
  const now = deps.clock ?? (() => new Date());
  const ttlSeconds = (deps.ratingTtlDays ?? 30) * 86_400;

  function addressOf(order: OrderSummary, channel: ChannelName): string | undefined {
    return channel === 'email' ? order.customer.email : order.customer.phone;
  }

  return {
    /**
     * Renders and sends one notice on the customer's first channel that accepts it; a permanent
     * failure moves on to the next channel, a transient one is retried by Temporal.
     */
    async sendNotice(input: SendNoticeInput): Promise<Notice> {
      const { shop, order, touchpoint } = input;
      const token = deps.tokens.sign({
        kind: 'rate',
        shop: shop.id,
        order: order.orderId,
        touchpoint,
        exp: Math.floor(now().getTime() / 1000) + ttlSeconds,
      });
      const { subject, text } = render({ ...input, ratingUrl: `${deps.publicBaseUrl}/r/${token}`, scale: scaleOf(touchpoint) });
      const failures: string[] = [];
      for (const channel of order.customer.channels) {
        const impl = deps.channels[channel];
        const to = addressOf(order, channel);
        if (!impl || !to) {
          failures.push(`${channel}: not available`);
          continue;
        }
        try {
          const idempotencyKey = `${chainWorkflowId(shop.id, order.orderId)}:${touchpoint}:${channel}`;
          const sent = await impl.send({ to, subject, text, idempotencyKey });
          deps.log.info({ touchpoint, channel, to: mask(to), providerId: sent.providerId }, 'notice sent');
          return { channel, status: 'sent', providerId: sent.providerId, at: sent.acceptedAt, subject, text };
        } catch (err) {
          const failure = classify(channel, err);
          deps.log.warn({ touchpoint, channel, to: mask(to), error: failure.message }, 'notice failed');
          if (!failure.nonRetryable) throw failure;
          failures.push(failure.message);
        }
      }
      throw ApplicationFailure.nonRetryable(`no channel could deliver: ${failures.join('; ')}`, 'NoUsableChannel');
    },

    /** When the promise guard fires: end of the promised day in the customer's zone, minus lead time. */
    async guardTime({ promisedDate, timezone, leadTimeHours }: GuardTimeInput): Promise<string> {
      return DateTime.fromISO(promisedDate, { zone: timezone }).plus({ days: 1 }).startOf('day').minus({ hours: leadTimeHours }).toUTC().toISO()!;
    },
  };
}

export type Activities = ReturnType<typeof createActivities>;

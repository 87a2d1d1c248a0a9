/**
 * The chain as the API returns it (`GET /v1/orders/{orderId}`, and the list's items), as zod schemas
 * for the OpenAPI document. The workflow keeps plain types (zod objects would cost every cached chain
 * memory); the checks at the end make the compiler hold the two to the same shape.
 */
import { z } from 'zod';
import {
  CarrierStatus,
  CHANNELS,
  Delivery,
  ExceptionReason,
  STAGES,
  SUPPORT_ACTIONS,
  TrackingEvent,
  type ChainState,
} from '../workflows/contract';
import type { ChainSummary } from './chain-list';

const at = z.string().describe('ISO 8601 instant');
const day = z.string().describe('ISO 8601 date');
const channel = z.enum(CHANNELS);
const span = z.object({ from: at, to: at });

const Decision = z.object({
  at,
  outcome: z.enum(['deferred', 'sent', 'failed', 'suppressed', 'skipped', 'dropped', 'delivered', 'undelivered']),
  channel: channel.optional(),
  reason: z.string(),
});

const Notice = z.object({
  revision: z.int(),
  channel: channel.optional(),
  status: z.enum(['queued', 'deferred', 'sent', 'delivered', 'undelivered', 'failed', 'suppressed', 'dropped']),
  at,
  providerId: z.string().optional(),
  subject: z.string().optional(),
  text: z.string().optional(),
  templateVersion: z.int().optional().describe("the version of the shop's own template it carried; unset, built-in"),
  decisions: z.array(Decision),
});

const Touchpoint = z.object({
  key: z.string().describe('the touchpoint id, or id-N for a repeat (delay-2)'),
  name: z.string(),
  status: z.enum(['pending', 'done', 'skipped', 'conflict']),
  at: at.optional(),
  notices: z.array(Notice),
  rating: z
    .object({
      score: z.int(),
      comment: z.string().optional(),
      at,
      changedAt: at.optional(),
      recovered: z.boolean().optional(),
    })
    .optional(),
  note: z.string().optional(),
});

export const ChainStateSchema = z
  .object({
    orderId: z.string(),
    shop: z.string(),
    carrier: z.string(),
    locale: z.string(),
    timezone: z.string(),
    stage: z.enum(STAGES),
    promisedDate: day,
    promisedWindow: z.object({ from: day, to: day }).optional(),
    delays: z.array(
      z.object({
        days: z.int(),
        reason: z.string(),
        newDate: day,
        at,
        source: z.enum(['carrier', 'guard', 'support', 'shop']),
        carrierCaused: z.boolean().optional(),
      }),
    ),
    courierWindow: span.extend({ agreedBy: z.enum(['courier', 'customer']) }).optional(),
    delivery: Delivery.optional().describe(
      'how the parcel reaches the customer; for a pickup point, the point it waits at now (the carrier may have ' +
        'moved it from the one the order named); unset: home (chains started before delivery modes)',
    ),
    pickup: z
      .object({
        code: z
          .string()
          .optional()
          .describe(
            'the code that opens the locker or shows at the counter; unset: the carrier sends it to the customer',
          ),
        until: at.describe('the deadline; an extension moves it'),
        reminderAt: at.optional().describe('when the reminder is due, while one is armed'),
        expired: z.literal(true).optional().describe('nobody collected it in time: it goes back to the shop'),
      })
      .optional()
      .describe('the parcel waits at its pickup point (set by ready_for_pickup)'),
    courierQuestion: z.object({ touchpoint: z.string(), options: z.array(span) }).optional(),
    returnUntil: at.optional(),
    touchpoints: z.array(Touchpoint),
    conflicts: z.array(z.object({ type: z.enum(['delivered_without_call', 'pin_mismatch']), at, detail: z.string() })),
    attention: z.array(z.string()),
    acknowledged: z.object({ at, actor: z.string(), note: z.string(), seen: z.int() }).optional(),
    trackingNumber: z.string().optional(),
    deliveryProof: z.string().optional(),
    events: z.array(
      z.object({
        eventId: z.string(),
        type: z.enum(TrackingEvent.options.map((o) => o.shape.type.value)),
        at,
        applied: z.boolean(),
        carrierStatus: CarrierStatus.optional().describe('what the carrier itself said: its raw code, text and ETA'),
        reason: ExceptionReason.optional().describe("an exception's normalized reason"),
      }),
    ),
    audit: z.array(z.object({ at, actor: z.string(), action: z.enum(SUPPORT_ACTIONS), detail: z.string() })),
    trackingUrl: z.url(),
  })
  .meta({ id: 'Chain' });

export const ChainSummarySchema = z.object({
  orderId: z.string(),
  stage: z.enum(STAGES),
  carrier: z.string().optional(),
  attention: z.boolean(),
  status: z.enum(['running', 'finished']),
  startedAt: at.optional(),
});

export const ChainListSchema = z
  .object({ items: z.array(ChainSummarySchema), nextPageToken: z.string().optional() })
  .meta({ id: 'ChainList' });

/** True when A and B are assignable both ways. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const chainMatches: Same<z.infer<typeof ChainStateSchema>, ChainState> = true;
const summaryMatches: Same<z.infer<typeof ChainSummarySchema>, ChainSummary> = true;
void [chainMatches, summaryMatches];

/** Schemas of the API's own requests and answers (the chain's live in workflows/contract.ts). */
import { z } from 'zod';
import { Feedback, OrderInput, STAGES, TrackingEvent } from '../workflows/contract';
import { ID_PATTERN } from '../workflows/fields';
import { WORK_LISTS } from './chain-list';

/** An email address, or a phone number written with spaces or dashes, made E.164. */
const Contact = z
  .string()
  .trim()
  .max(254)
  .transform((v) => (v.includes('@') ? v : v.replace(/[\s().-]/g, '')))
  .refine(
    (v) => z.email().safeParse(v).success || /^\+[1-9]\d{6,14}$/.test(v),
    'an email address or an E.164 phone number',
  );

export const OrderIdParam = z.object({ orderId: z.string().regex(ID_PATTERN) });

export const ListQuery = z.object({
  stage: z.enum(STAGES).optional(),
  carrier: z.string().max(64).optional(),
  attention: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  list: z.enum(WORK_LISTS).optional(),
  contact: Contact.optional(),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  pageToken: z.string().max(2000).optional(),
});

/** The headers of a support action: a client retrying the same request sends the same Idempotency-Key. */
export const ActionHeaders = z.object({
  'idempotency-key': z.string().min(1).max(200).optional().describe('the action runs once per key'),
});

export const OrderAccepted = z.object({ orderId: z.string(), stage: z.enum(STAGES), trackingUrl: z.url() });
export const EventAccepted = z.object({ stage: z.enum(STAGES), duplicate: z.boolean() }).meta({ id: 'EventAccepted' });
export const FeedbackRecorded = z
  .object({ recorded: z.literal(true), touchpoint: z.string(), score: z.int(), changed: z.boolean() })
  .meta({ id: 'FeedbackRecorded' });
export const Health = z.object({ status: z.string() });

export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.int(),
    detail: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Problem' });

/** The contract's request bodies, named as the document's components. */
export const OrderBody = OrderInput.meta({ id: 'OrderInput' });
export const EventBody = TrackingEvent.meta({ id: 'TrackingEvent' });
export const FeedbackBody = Feedback.meta({ id: 'Feedback' });

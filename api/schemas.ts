/** Schemas of the API's own requests and answers (the chain's live in workflows/contract.ts). */
import { z } from 'zod';
import { STAGES } from '../workflows/contract';

export const OrderIdParam = z.object({ orderId: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/) });

export const ListQuery = z.object({
  stage: z.enum(STAGES).optional(),
  carrier: z.string().max(64).optional(),
  attention: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  pageToken: z.string().max(2000).optional(),
});

export const OrderAccepted = z.object({ orderId: z.string(), stage: z.enum(STAGES), trackingUrl: z.url() });
export const EventAccepted = z.object({ stage: z.enum(STAGES), duplicate: z.boolean() });

export const CourierCallAction = z.object({ window: z.object({ from: z.iso.datetime({ offset: true }), to: z.iso.datetime({ offset: true }) }) });
export const OpenReturnAction = z.object({ reason: z.string().max(300).optional() }).default({});

export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.int(),
  detail: z.string(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});

/** The `/v1/reports` contract as zod schemas, for validation and the document: filters, the audit, the scorecard. */
import { z } from 'zod';
import { DAY_MS } from '../../workflows/durations';
import { EXCEPTION_REASONS } from '../../workflows/events';
import { DELIVERY_MODES } from '../../workflows/touchpoints';

/** A date (midnight UTC) or an instant, between the years 2000 and 2999. */
const instant = z
  // The years are stated as a pattern too, so that the OpenAPI document says so.
  .union([z.iso.datetime({ offset: true }).regex(/^2\d{3}-/), z.iso.date().regex(/^2\d{3}-/)])
  .transform((v) => new Date(v.length === 10 ? `${v}T00:00:00Z` : v).toISOString())
  .refine((v) => v >= '2000' && v < '3000', 'a date between the years 2000 and 2999');

const deliveryMode = z.enum(DELIVERY_MODES);
const mode = z
  .enum(['all', ...DELIVERY_MODES])
  .describe('the chains of one delivery mode (chains before modes are home chains), or all of them');

/** Report filters: an instant or a date for each end (default: the last 30 days), a carrier and a delivery mode. */
export const ReportFilters = z.object({
  from: instant.optional(),
  to: instant.optional(),
  carrier: z.string().min(1).max(64).optional(),
  mode: mode.default('all'),
});
export const ReportQuery = ReportFilters.transform(({ from, to, carrier, mode }) => {
  const end = to ?? new Date().toISOString();
  return { from: from ?? new Date(Date.parse(end) - 30 * DAY_MS).toISOString(), to: end, carrier, mode };
}).refine((q) => q.from < q.to, { path: ['to'], message: 'must be after from' });

const verdict = z.enum(['Wow', 'OK', 'Bad']).nullable();
export const TouchpointReportSchema = z.object({
  from: z.string(),
  to: z.string(),
  carrier: z.string().optional(),
  mode,
  touchpoints: z.array(
    z.object({
      touchpoint: z.string(),
      checksSent: z.int(),
      responses: z.int(),
      responseRate: z.number(),
      meanScore: z.number().nullable(),
      scale: z.int(),
      verdict,
    }),
  ),
  weakestLink: z.string().nullable(),
});

const rate = (what: string) => z.number().min(0).max(1).nullable().describe(what);
const PickupFigures = z
  .object({
    ready: z.int().describe('parcels that became ready at their point'),
    collected: z.int(),
    expired: z.int(),
    collectedFirstDayRate: rate(
      'collected within 24 hours of becoming ready, out of the parcels ready and then collected or expired; null before one',
    ),
    expiredRate: rate('expired, out of those collected or expired; null before either'),
    meanHoursToCollect: z.number().nullable().describe('mean hours from ready to collected; null before a collection'),
  })
  .meta({ id: 'PickupFigures' });

const ExceptionFigures = z
  .object({
    total: z.int().describe('exceptions the carrier reported on the orders of the line (an order can have several)'),
    orders: z.int().describe('orders with at least one exception'),
    orderRate: z.number().min(0).max(1).describe("those orders, out of the line's orders"),
    byReason: z
      .object(Object.fromEntries(EXCEPTION_REASONS.map((reason) => [reason, z.int()])))
      .describe(
        'exceptions by normalized reason, every reason present (0 when none): whatever the carrier called it, as the connectors map it',
      ),
  })
  .meta({ id: 'CarrierExceptions', description: 'the exceptions the carrier reported on the orders of the line' });

export const CarrierReportSchema = z.object({
  from: z.string(),
  to: z.string(),
  mode,
  carriers: z.array(
    z.object({
      carrier: z.string(),
      orders: z.int(),
      delivered: z.int(),
      onTimeRate: z.number().nullable(),
      meanDelayDays: z.number(),
      deliveredWithoutCall: z.int(),
      courierCallRating: z.number().nullable(),
      handoverRating: z.number().nullable(),
      exceptions: ExceptionFigures,
      mode: deliveryMode.optional().describe('the mode the line covers, when one was asked for'),
      pickup: PickupFigures.optional().describe("a pickup_point line's figures at the points"),
    }),
  ),
});

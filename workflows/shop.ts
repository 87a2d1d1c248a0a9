/** A shop's settings as the chain follows them: contacts, languages, quiet hours, caps and lead times. */
import { z } from 'zod';
import { hhmm, isLocale, slug, timeZone } from './fields';

const watchHours = z
  .number()
  .positive()
  .max(24 * 30);

/**
 * The watchlist's thresholds: no first scan within `firstScanHours` of handed_to_carrier, or no scan for
 * `silentHours` in transit, raises attention. `carriers` overrides them per carrier (its lower-case name).
 */
export const CarrierWatch = z.object({
  firstScanHours: watchHours.default(24),
  silentHours: watchHours.default(72),
  carriers: z
    .record(
      z.string().min(1).max(64),
      z.object({ firstScanHours: watchHours.optional(), silentHours: watchHours.optional() }),
    )
    .optional(),
});
export type CarrierWatch = z.infer<typeof CarrierWatch>;
/** The watchlist of a shop that sets none (and of shops snapshotted by chains before 0.5). */
export const WATCH_DEFAULTS: CarrierWatch = { firstScanHours: 24, silentHours: 72 };

export const Shop = z.object({
  id: slug,
  name: z.string().min(1),
  supportEmail: z.email(),
  supportPhone: z.e164().optional(),
  /** The language of customers whose order names none. */
  defaultLocale: z.string().refine(isLocale, 'a BCP 47 language tag such as pl-PL').default('en'),
  /** The time zone of customers whose order names none. */
  timezone: timeZone.default('UTC'),
  /** Customer-local hours when non-urgent notices wait; equal start and end mean none. */
  quietHours: z.object({ start: hhmm, end: hhmm }).default({ start: '21:00', end: '09:00' }),
  /** Non-urgent notices per customer and customer-local day; more wait for the next day. */
  maxNoticesPerDay: z.int().positive().default(3),
  courierLeadTimeHours: z.number().nonnegative().default(24),
  courierCallDeadlineMinutes: z.number().positive().default(120),
  /** Days a closed chain still accepts late ratings before its workflow completes. */
  feedbackWindowDays: z.number().nonnegative().default(14),
  /** Days added to the promise when the guard fires and the carrier gave no new ETA. */
  guardDelayDays: z.int().positive().default(1),
  /** Days a satisfaction check stays open after its notice: its link expires, a rating may change until then. */
  ratingWindowDays: z.number().positive().default(14),
  /** Mean scores (of 5) from which a touchpoint is Wow, or OK; below is Bad. */
  verdicts: z
    .object({ wow: z.number().min(0).max(5), ok: z.number().min(0).max(5) })
    .refine((v) => v.ok <= v.wow, { path: ['ok'], message: 'must not be above wow' })
    .default({ wow: 4.5, ok: 3.5 }),
  /** Hours before a pickup point's deadline when the customer is reminded (moved earlier out of quiet hours). */
  pickupReminderHours: z
    .number()
    .positive()
    .max(24 * 14)
    .default(24),
  /** What happens to a parcel nobody collected in time: it goes back to the shop, is refunded, or is sent again. */
  pickupExpiredAction: z.enum(['return', 'refund', 'resend']).default('return'),
  /** Where support alerts are also POSTed, signed the Standard Webhooks way (DOORSTEP_ALERT_WEBHOOK_SECRET). */
  alertWebhookUrl: z.url().optional(),
  /** The watchlist of silent carriers (defaults: 24 h to the first scan, 72 h of silence in transit). */
  carrierWatch: CarrierWatch.default(WATCH_DEFAULTS),
});
export type Shop = z.infer<typeof Shop>;

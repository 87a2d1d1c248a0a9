/**
 * What a pull connector's client answers for one tracking number: the carrier's statuses as
 * `CarrierUpdate`s (oldest first), no such parcel, or a refusal the whole carrier waits out.
 */
import type { CarrierUpdate } from '../model';

/** One poll of one number: its updates, oldest first, and whether the carrier's last status ends the parcel's way. */
export type PollAnswer = { found: true; updates: CarrierUpdate[]; final: boolean } | { found: false };

/** Polls one tracking number; throws `CarrierBusy` on 429/5xx and `CarrierError` on any other failure. */
export type CarrierClient = (trackingNumber: string) => Promise<PollAnswer>;

/** The carrier refuses for now (429, 5xx): every parcel of the carrier waits `retryAfterMs` (when it says). */
export class CarrierBusy extends Error {
  constructor(
    readonly status: number,
    readonly retryAfterMs?: number,
  ) {
    super(`carrier answered ${status}`);
  }
}

/** An answer the client cannot use (a 4xx other than 404 and 429, or a body it cannot read). */
export class CarrierError extends Error {}

/**
 * The wait a 429 or 5xx asks for: `Retry-After` in seconds or as an HTTP date, else the IETF draft's
 * `RateLimit-Reset` (seconds); undefined when neither is there.
 */
export function retryAfterMs(headers: Headers, now = Date.now()): number | undefined {
  const after = headers.get('retry-after');
  if (after && /^\d+$/.test(after.trim())) return Number(after) * 1000;
  if (after && !Number.isNaN(Date.parse(after))) return Math.max(0, Date.parse(after) - now);
  const reset = headers.get('ratelimit-reset');
  return reset && /^\d+$/.test(reset.trim()) ? Number(reset) * 1000 : undefined;
}

/** Throws what an unsuccessful HTTP answer means for the poller (404 is the caller's to read). */
export function refusal(response: Response): never {
  if (response.status === 429 || response.status >= 500)
    throw new CarrierBusy(response.status, retryAfterMs(response.headers));
  throw new CarrierError(`carrier answered ${response.status}`);
}

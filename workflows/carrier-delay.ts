/**
 * Pure rules of the carrier's side of the promise: when a carrier's exception, its own ETA or its silence
 * (the watchlist) moves the promise, and to which date. No Temporal APIs here: unit-tested row by row.
 */
import type { ExceptionReason } from './events';
import { plusDays } from './local-time';
import type { ReasonCode } from './notice-facts';

/**
 * Days an exception is expected to add from today, by normalized reason. Undefined: support decides (a damaged
 * or lost parcel, or one nobody can name, is the shop's call), and no notice goes out by itself.
 */
export const EXCEPTION_DELAY_DAYS: Readonly<Record<ExceptionReason, number | undefined>> = {
  weather: 1,
  capacity: 1,
  consignee_not_home: 1,
  address_problem: 2,
  customs: 3,
  damaged: undefined,
  lost: undefined,
  other: undefined,
};

/** Each delay reason as support reads it on the chain (the customer reads it in their own language). */
export const DELAY_REASONS: Readonly<Record<ReasonCode, string>> = {
  'not-in-city': 'the parcel has not reached your city yet',
  'carrier-eta': 'the carrier expects to deliver later',
  'carrier-silent': 'the carrier has reported no progress',
  weather: 'carrier exception: weather',
  capacity: 'carrier exception: capacity',
  consignee_not_home: 'carrier exception: consignee not home',
  address_problem: 'carrier exception: address problem',
  customs: 'carrier exception: customs',
  damaged: 'carrier exception: damaged',
  lost: 'carrier exception: lost',
  other: 'carrier exception: other',
};

/**
 * The new promise an exception makes necessary: today (the customer's) plus its expected days, when that is
 * past the promise; undefined when the promise still holds or support decides.
 */
export function exceptionDelay(reason: ExceptionReason, promisedDate: string, today: string): string | undefined {
  const days = EXCEPTION_DELAY_DAYS[reason];
  if (days === undefined) return undefined;
  const newDate = plusDays(today, days);
  return newDate > promisedDate ? newDate : undefined;
}

/** The carrier's own ETA moves the promise when it is later than the promise. */
export function etaDelay(eta: string, promisedDate: string): string | undefined {
  return eta > promisedDate ? eta : undefined;
}

/**
 * A silent carrier puts the promise at risk when less than a day of it is left: it falls due today in the
 * customer's calendar, or has passed (a promise due later is the promise guard's, which fires with the shop's lead
 * time). It moves `days` on from today.
 */
export function silenceDelay(promisedDate: string, today: string, days: number): string | undefined {
  if (promisedDate > today) return undefined;
  return plusDays(today, days);
}

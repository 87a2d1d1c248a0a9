/**
 * Vendor errors mapped to Temporal failures in one place: permanent ones (bad address, opted out,
 * auth) are non-retryable so the notice falls back to the next channel; everything else retries.
 */
import { ApplicationFailure } from '@temporalio/common';

export const PERMANENT = 'PermanentDeliveryFailure';
export const TRANSIENT = 'TransientDeliveryFailure';

/** Twilio error codes that will not succeed on retry (invalid/unreachable number, opted out). */
const TWILIO_PERMANENT = new Set([21211, 21214, 21408, 21610, 21612, 21614, 63003, 63016]);

interface VendorError {
  code?: number | string;
  status?: number;
  responseCode?: number;
  message?: string;
}

/** Turns a channel's thrown error into a retryable or non-retryable ApplicationFailure. */
export function classify(channel: string, err: unknown): ApplicationFailure {
  const e = (err ?? {}) as VendorError;
  const message = `${channel}: ${e.message ?? String(err)}`;
  const permanent =
    (typeof e.code === 'number' && TWILIO_PERMANENT.has(e.code)) ||
    e.status === 400 ||
    e.status === 401 ||
    e.status === 403 ||
    e.status === 404 ||
    (typeof e.responseCode === 'number' && e.responseCode >= 500) ||
    e.code === 'EENVELOPE' ||
    e.code === 'EAUTH';
  return permanent
    ? ApplicationFailure.nonRetryable(message, PERMANENT, { code: e.code })
    : ApplicationFailure.retryable(message, TRANSIENT, { code: e.code });
}

/**
 * Vendor errors classified in one place. Transient ones (Twilio 429/5xx, SMTP 4xx, connection
 * errors) are retried with backoff by Temporal; permanent ones (invalid or unreachable number,
 * opted out, SMTP 5xx, authentication) make the notice fall back to the customer's next channel.
 */
import { ApplicationFailure } from '@temporalio/common';
import { scrubText } from '../../common/logger';

export const TRANSIENT = 'TransientDeliveryFailure';

/** Twilio error codes that will not succeed on retry, with the words support reads. */
const TWILIO_PERMANENT: Record<number, string> = {
  20003: 'authentication failed',
  21211: 'invalid number',
  21214: 'number cannot be reached',
  21217: 'invalid phone number',
  21408: 'region not enabled',
  21610: 'recipient opted out (STOP)',
  21612: 'number cannot receive this message',
  21614: 'not a mobile number',
  63003: 'not reachable on WhatsApp',
  63016: 'outside the WhatsApp session window',
};
/** Twilio delivery-receipt error codes (asynchronous failures), for the same purpose. */
const TWILIO_RECEIPT: Record<number, string> = {
  30003: 'unreachable handset',
  30004: 'message blocked',
  30005: 'unknown number',
  30006: 'landline or unreachable carrier',
  30007: 'filtered by the carrier',
  30008: 'unknown error',
};

/** "30003 unreachable handset" for a Twilio error code. */
export function describeTwilioCode(code: number): string {
  return `${code} ${TWILIO_PERMANENT[code] ?? TWILIO_RECEIPT[code] ?? 'error'}`;
}

/** Twilio's code for a recipient who answered STOP. */
export const TWILIO_OPTED_OUT = 21610;
/** Connection errors, and among them those after which the request may have reached the provider. */
const NETWORK = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ECONNABORTED',
  'ESOCKET',
  'ECONNECTION',
  'EDNS',
  'EAI_AGAIN',
  'ENOTFOUND',
  'EPIPE',
]);
const BROKEN_OFF = new Set(['ECONNRESET', 'ETIMEDOUT', 'ECONNABORTED', 'ESOCKET', 'EPIPE']);

interface VendorError {
  code?: number | string;
  status?: number;
  responseCode?: number;
  response?: string;
  message?: string;
}

export interface Classified {
  permanent: boolean;
  /** Short reason for support: "21211 invalid number", "550 mailbox unavailable", "429 rate limited". */
  reason: string;
  code?: number | string;
  /** The connection broke off after the request went out: the provider may have taken the message. */
  unsure?: boolean;
}

/** Decides whether a channel's error is worth retrying, and says why in a few words. */
export function classify(err: unknown): Classified {
  const e = (err ?? {}) as VendorError;
  // Providers quote the recipient ("The 'To' number +48… is not valid"): reasons end up in logs, spans and on the chain.
  const message = e.message === undefined ? undefined : scrubText(e.message);
  if (typeof e.code === 'number' && e.code in TWILIO_PERMANENT)
    return { permanent: true, reason: describeTwilioCode(e.code), code: e.code };
  if (typeof e.responseCode === 'number') {
    // SMTP replies often quote the recipient: reasons end up in logs and on the chain, addresses must not.
    const reply = (e.response ?? e.message ?? '')
      .replace(/\s+/g, ' ')
      .replace(/<?[^\s<>@]+@[^\s<>]+>?/g, '<address>')
      .slice(0, 120);
    return { permanent: e.responseCode >= 500, reason: `SMTP ${reply}`, code: e.responseCode };
  }
  if (e.code === 'EAUTH' || e.code === 'EENVELOPE')
    return { permanent: true, reason: `${e.code} ${message ?? ''}`.trim(), code: e.code };
  if (typeof e.code === 'string' && NETWORK.has(e.code))
    return { permanent: false, reason: `${e.code} connection failed`, code: e.code, unsure: BROKEN_OFF.has(e.code) };
  if (e.status === 429) return { permanent: false, reason: '429 rate limited', code: e.code ?? 429 };
  if (e.status && e.status >= 500)
    return { permanent: false, reason: `${e.status} provider error`, code: e.code ?? e.status };
  if (e.status && e.status >= 400)
    return { permanent: true, reason: `${e.code ?? e.status} ${message ?? 'refused'}`, code: e.code ?? e.status };
  return { permanent: false, reason: message ?? scrubText(String(err)), unsure: true };
}

/** The retryable failure Temporal backs off on. */
export function transientFailure(channel: string, c: Classified): ApplicationFailure {
  return ApplicationFailure.retryable(`${channel}: ${c.reason}`, TRANSIENT, { code: c.code });
}

/**
 * Send failures classified, shared by every provider. Transient ones (HTTP 429/5xx, connection
 * errors, and what a provider's own table says) are retried with backoff by Temporal; permanent
 * ones make the notice fall back to the customer's next channel. A provider classifies its own
 * errors first (its folder's errors.ts) and wraps its sends with `classifying`; the rest are read here.
 */
import { ApplicationFailure } from '@temporalio/common';
import { scrubText } from '../../common/logger';
import { FAILURE } from '../../workflows/failures';
import type { Channel } from './channel';

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

/** The fields vendors' errors carry (Twilio's RestException, nodemailer's SMTP errors, Node's socket errors). */
export interface VendorError {
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
  /** The recipient opted out at the provider: the opt-out's source as it is recorded ("Twilio 21610"). */
  optedOut?: string;
}

/** A provider's own reading of its errors; undefined leaves an error to the shared one. */
export type VendorClassifier = (err: VendorError) => Classified | undefined;

/** A send failure a provider has classified already. */
class ClassifiedFailure extends Error {
  constructor(
    readonly classified: Classified,
    cause: unknown,
  ) {
    super(classified.reason, { cause });
  }
}

/**
 * The vendor's message without the recipient it may quote ("The 'To' number +48… is not valid"): reasons end
 * up in logs, spans and on the chain.
 */
export function scrubbedMessage(e: VendorError): string | undefined {
  return e.message === undefined ? undefined : scrubText(e.message);
}

/** Connection and HTTP errors, whoever the provider. */
function shared(err: unknown): Classified {
  const e = (err ?? {}) as VendorError;
  const message = scrubbedMessage(e);
  if (typeof e.code === 'string' && NETWORK.has(e.code))
    return { permanent: false, reason: `${e.code} connection failed`, code: e.code, unsure: BROKEN_OFF.has(e.code) };
  if (e.status === 429) return { permanent: false, reason: '429 rate limited', code: e.code ?? 429 };
  if (e.status && e.status >= 500)
    return { permanent: false, reason: `${e.status} provider error`, code: e.code ?? e.status };
  if (e.status && e.status >= 400)
    return { permanent: true, reason: `${e.code ?? e.status} ${message ?? 'refused'}`, code: e.code ?? e.status };
  return { permanent: false, reason: message ?? scrubText(String(err)), unsure: true };
}

/** Decides whether a channel's error is worth retrying, and says why in a few words. */
export function classify(err: unknown): Classified {
  return err instanceof ClassifiedFailure ? err.classified : shared(err);
}

/** `channel` with its send failures read by its provider's classifier first (then by the shared rules). */
export function classifying<T extends Channel>(vendor: VendorClassifier, channel: T): T {
  return {
    ...channel,
    async send(message) {
      try {
        return await channel.send(message);
      } catch (err) {
        const own = vendor((err ?? {}) as VendorError);
        throw own ? new ClassifiedFailure(own, err) : err;
      }
    },
  };
}

/** The retryable failure Temporal backs off on. */
export function transientFailure(channel: string, c: Classified): ApplicationFailure {
  return ApplicationFailure.retryable(`${channel}: ${c.reason}`, FAILURE.transientDelivery, { code: c.code });
}

/**
 * The `ApplicationFailure` types the chain and its activities raise and read, named once: the API
 * maps the refusals to HTTP 409, the retry policies name the permanent ones.
 */
export const FAILURE = {
  /** An event that cannot happen at the chain's stage (the tracking-event Update's validator). */
  impossibleTransition: 'ImpossibleTransition',
  /** A rating the check cannot take: unknown, off the scale or closed. */
  ratingRefused: 'RatingRefused',
  /** A support action the chain cannot do now. */
  actionRefused: 'ActionRefused',
  /** No channel of the customer's could carry the notice (permanent: not retried). */
  noUsableChannel: 'NoUsableChannel',
  /** A provider or the network failed for now: retried with backoff. */
  transientDelivery: 'TransientDeliveryFailure',
  /** Support could not be alerted on any of its ways (permanent: not retried). */
  supportAlertFailed: 'SupportAlertFailed',
} as const;

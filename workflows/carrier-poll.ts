/**
 * One pull connector's loop: a single long-running workflow per polled carrier (so the carrier's rate
 * is shared by every chain and worker), started by the worker at boot. Each turn one activity polls a
 * batch of the carrier's due parcels at its rate; a 429 or 5xx pauses the whole carrier (the carrier's
 * Retry-After, else exponential), and with nothing due it sleeps until the next parcel is (at most ten
 * seconds: parcels linked meanwhile are due at once). Continues as new before its history grows long.
 */
import { ActivityFailure, continueAsNew, proxyActivities, sleep, workflowInfo } from '@temporalio/workflow';
import type { Activities, PollBatch } from '../activities';

// A batch is at most a minute of calls; heartbeats come with every call, so a killed worker's batch
// is taken over within seconds.
const { pollCarrier } = proxyActivities<Activities>({
  startToCloseTimeout: '5 minutes',
  heartbeatTimeout: '20 seconds',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 5 },
});

export interface CarrierPollInput {
  carrier: string;
  /** Refusals in a row so far (carried over a continue-as-new). */
  failures?: number;
  /** Batches in a row a worker answered without the carrier in its configuration. */
  unconfigured?: number;
}

const SECOND = 1000;
/** The longest sleep with nothing due: a parcel linked meanwhile waits at most this long for its first poll. */
const IDLE_MAX = 10 * SECOND;
/** Backoff after the n-th refusal in a row without a Retry-After: 5 s, 10 s, 20 s … at most 10 minutes. */
export const backoffMs = (failures: number) => Math.min(5 * SECOND * 2 ** Math.max(0, failures - 1), 600 * SECOND);
/**
 * A worker without the carrier in its configuration (a rollout that adds it, or one that removes it) is asked
 * again an hour later; a day of such answers in a row ends the loop.
 */
const UNCONFIGURED_WAIT = 3600 * SECOND;
const UNCONFIGURED_TURNS = 24;
/** Turns before continuing as new (each turn is a few events). */
const TURNS = 500;

/** How long the loop waits after a batch, given the refusals in a row (this one included): the carrier's Retry-After when it gave one. */
export function pauseAfter(batch: PollBatch, failures: number): number {
  if (batch.outcome === 'rate_limited' || batch.outcome === 'error') return batch.retryAfterMs ?? backoffMs(failures);
  if (batch.outcome === 'idle') return Math.min(Math.max(batch.nextDueInMs ?? IDLE_MAX, SECOND), IDLE_MAX);
  return 0;
}

/** Polls `carrier`'s open parcels for ever (see the file's header); ends once the carrier has left the configuration for a day. */
export async function carrierPollWorkflow({
  carrier,
  failures = 0,
  unconfigured = 0,
}: CarrierPollInput): Promise<void> {
  for (let turn = 0; turn < TURNS && !workflowInfo().continueAsNewSuggested; turn++) {
    let batch: PollBatch;
    try {
      batch = await pollCarrier({ carrier });
    } catch (err) {
      // The store or Temporal failing five times in a row: wait as after a refusal, then try again.
      if (!(err instanceof ActivityFailure)) throw err;
      batch = { outcome: 'error', polled: 0 };
    }
    if (batch.outcome === 'unconfigured') {
      if (++unconfigured >= UNCONFIGURED_TURNS) return;
      await sleep(UNCONFIGURED_WAIT);
      continue;
    }
    unconfigured = 0;
    // Refusals count in a row only while nothing gets through: a batch that polled some starts over.
    const refused = batch.outcome === 'rate_limited' || batch.outcome === 'error';
    failures = refused ? (batch.polled > 0 ? 1 : failures + 1) : 0;
    const wait = pauseAfter(batch, failures);
    if (wait > 0) await sleep(wait);
  }
  await continueAsNew<typeof carrierPollWorkflow>({ carrier, failures, unconfigured });
}

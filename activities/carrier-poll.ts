/**
 * The pull connectors' activity: one batch of a carrier's due parcels, polled at the carrier's rate
 * (one call every 60 s / requestsPerMinute, the batch at most a minute's worth), each answer handed
 * to the parcel's chain and the parcel's next poll set by what the carrier said. A 429 or 5xx ends the
 * batch: the workflow pauses the whole carrier. Heartbeats per call; a parcel done is marked in the
 * store at once, so a batch retried after a killed worker skips it.
 */
import { Context } from '@temporalio/activity';
import { WorkflowNotFoundError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { CarrierBusy, CarrierError, type PollAnswer } from '../connectors/carriers/polling/answer';
import { carrierClient } from '../connectors/carriers/polling/clients';
import type { CarrierPoll } from '../connectors/carriers/polling/config';
import { nextPollAt } from '../connectors/carriers/polling/next-poll';
import { deliverUpdate, updateResult, type SendEvent } from '../connectors/carriers/deliver';
import type { CarrierUpdate } from '../connectors/carriers/model';
import type { DueParcel, Parcels } from '../store/parcels';
import { trackingEventUpdate } from '../workflows/definitions';
import type { ActivityDeps } from './deps';
import type { WorkerMetrics } from './metrics';

/** What the pull connectors need: the configured carriers, the parcel index and a client to reach chains. */
export interface CarrierPollSettings {
  client: Client;
  polls: CarrierPoll[];
  parcels: Pick<Parcels, 'due' | 'nextDue' | 'polled' | 'find'>;
}

export interface PollBatchInput {
  carrier: string;
}

/** How a batch went: `ok` (all polled), `idle` (none due), or the carrier refused (the workflow waits). */
export interface PollBatch {
  outcome: 'ok' | 'idle' | 'rate_limited' | 'error' | 'unconfigured';
  polled: number;
  /** The carrier's own Retry-After, when it gave one. */
  retryAfterMs?: number;
  /** When idle: how long until the carrier's next parcel is due (none open: undefined). */
  nextDueInMs?: number;
}

/** Sends a chain its event as a Temporal Update; what the chain made of it. */
export const sendByUpdate =
  (client: Client): SendEvent =>
  async (parcel, event) => {
    try {
      // A worker shutting down cancels the batch: the Update (which the chain's own worker may no longer take) ends with it.
      const result = await client.withAbortSignal(Context.current().cancellationSignal, () =>
        client.workflow.getHandle(parcel.chainId).executeUpdate(trackingEventUpdate, { args: [event] }),
      );
      return result.duplicate ? 'duplicate' : 'moved';
    } catch (err) {
      if (err instanceof WorkflowUpdateFailedError) return 'refused';
      if (err instanceof WorkflowNotFoundError || /already completed/i.test(String((err as Error)?.message)))
        return 'finished';
      throw err;
    }
  };

/** The updates the parcel's last poll has not handed on yet (all of them when its last one is not listed). */
function fresh(updates: CarrierUpdate[], lastStatus?: string): CarrierUpdate[] {
  const seen = updates.findIndex((u) => u.eventId === lastStatus);
  return updates.slice(seen + 1);
}

interface Poller {
  poll: CarrierPoll;
  settings: CarrierPollSettings;
  metrics: WorkerMetrics;
  send: SendEvent;
  now: () => Date;
}

/** Hands the parcel's new updates to its chain and files its next poll. */
async function handOn({ poll, settings, metrics, send, now }: Poller, parcel: DueParcel, answer: PollAnswer) {
  if (!answer.found) {
    metrics.carrierPolls.inc({ carrier: parcel.carrier, outcome: 'not_found' });
    return settings.parcels.polled(parcel, { next: nextPollAt(now(), 'not_found', poll.intervalScale) });
  }
  metrics.carrierPolls.inc({ carrier: parcel.carrier, outcome: 'ok' });
  let finished = false;
  for (const update of fresh(answer.updates, parcel.lastStatus)) {
    // A busy chain may take a while to take its Update: the batch is still alive.
    Context.current().heartbeat();
    const outcomes = await deliverUpdate(update, { parcels: settings.parcels, send, shop: parcel.shop });
    for (const o of outcomes) {
      metrics.carrierUpdates.inc({ connector: poll.api, result: updateResult(update, o) });
    }
    finished ||= outcomes.includes('finished');
  }
  const newest = answer.updates.at(-1);
  await settings.parcels.polled(parcel, {
    next: nextPollAt(now(), newest?.meaning.event ?? 'no_events', poll.intervalScale),
    final: answer.final || finished,
    status: newest?.eventId,
  });
}

/** Polls one batch of the carrier's due parcels (see the file's header). */
export function pollCarrierActivity({ carrierPolls: settings, metrics, clock }: ActivityDeps) {
  return async ({ carrier }: PollBatchInput): Promise<PollBatch> => {
    const poll = settings?.polls.find((p) => p.carrier.toLowerCase() === carrier.toLowerCase());
    if (!settings || !poll) return { outcome: 'unconfigured', polled: 0 };
    const now = clock ?? (() => new Date());
    const due = await settings.parcels.due(carrier, now(), poll.requestsPerMinute);
    if (!due.length) {
      const next = await settings.parcels.nextDue(carrier);
      return { outcome: 'idle', polled: 0, nextDueInMs: next && Math.max(0, next.getTime() - now().getTime()) };
    }
    const poller: Poller = { poll, settings, metrics, send: sendByUpdate(settings.client), now };
    const client = carrierClient(poll);
    const gapMs = 60_000 / poll.requestsPerMinute;
    const started = Date.now();
    const ctx = Context.current();
    for (const [i, parcel] of due.entries()) {
      await ctx.sleep(Math.max(0, started + i * gapMs - Date.now()));
      ctx.heartbeat(i);
      let answer: PollAnswer;
      try {
        answer = await client(parcel.trackingNumber);
      } catch (err) {
        if (err instanceof CarrierError) {
          // This parcel's answer is unreadable; the carrier itself answers, so the batch goes on.
          metrics.carrierPolls.inc({ carrier: parcel.carrier, outcome: 'error' });
          await settings.parcels.polled(parcel, { next: nextPollAt(now(), 'not_found', poll.intervalScale) });
          continue;
        }
        const outcome = err instanceof CarrierBusy && err.status === 429 ? 'rate_limited' : 'error';
        metrics.carrierPolls.inc({ carrier: parcel.carrier, outcome });
        const retryAfterMs = err instanceof CarrierBusy ? err.retryAfterMs : undefined;
        return { outcome, polled: i, ...(retryAfterMs !== undefined && { retryAfterMs }) };
      }
      await handOn(poller, parcel, answer);
    }
    // The next batch's first call keeps the same gap after this batch's last.
    await ctx.sleep(Math.max(0, started + due.length * gapMs - Date.now()));
    return { outcome: 'ok', polled: due.length };
  };
}

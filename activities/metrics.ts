/**
 * The worker's metrics (prom-client): chains, notices, ratings, attention, deliveries, delays and
 * conflicts. Labels are bounded: channel, touchpoint id, outcome, reason kind, stage, and the shop's
 * carriers.
 */
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import { perRegistry } from '../common/metrics';
import type { Facts } from '../store/facts';
import { isFinal } from '../workflows/chain-state';
import { STAGES } from '../workflows/contract';

export type WorkerMetrics = ReturnType<typeof build>;

function build(registry: Registry, facts: Pick<Facts, 'stageCounts'>) {
  const registers = [registry];
  const chainCounter = (what: string) =>
    new Counter({
      name: `doorstep_chains_${what}_total`,
      help: `Chains ${what}, by carrier`,
      labelNames: ['carrier'] as const,
      registers,
    });
  return {
    chainsStarted: chainCounter('started'),
    chainsCompleted: chainCounter('completed'),
    chainsCancelled: chainCounter('cancelled'),
    inStage: new Gauge({
      name: 'doorstep_chains_in_stage',
      help: 'Open chains by stage, kept current in the store as chains move (every worker reports the same: aggregate with max)',
      labelNames: ['stage'] as const,
      registers,
      async collect() {
        // A store that does not answer keeps the last values: the rest of /metrics still answers.
        const counts = await facts.stageCounts().catch(() => undefined);
        if (!counts) return;
        // A chain that ended has left the funnel: the completed and cancelled counters count it.
        for (const stage of STAGES) if (!isFinal(stage)) this.set({ stage }, counts.get(stage) ?? 0);
      },
    }),
    deliveries: new Counter({
      name: 'doorstep_deliveries_total',
      help: 'Parcels handed over, by carrier and whether by the first promised date (on_time)',
      labelNames: ['carrier', 'on_time'] as const,
      registers,
    }),
    notices: new Counter({
      name: 'doorstep_notices_total',
      help: 'Notice send attempts by channel, touchpoint and outcome (sent, reused, failed, retried, suppressed)',
      labelNames: ['channel', 'touchpoint', 'outcome'] as const,
      registers,
    }),
    fallbacks: new Counter({
      name: 'doorstep_notice_fallbacks_total',
      help: 'Notices that went out on a later channel after an earlier one failed for good',
      labelNames: ['from', 'to'] as const,
      registers,
    }),
    deferrals: new Counter({
      name: 'doorstep_notice_deferrals_total',
      help: 'Non-urgent notices held back, by reason (quiet_hours, daily_cap)',
      labelNames: ['touchpoint', 'reason'] as const,
      registers,
    }),
    ratings: new Histogram({
      name: 'doorstep_ratings',
      help: 'Answers to satisfaction checks, by touchpoint and carrier (1-5; the closing question 0-10)',
      labelNames: ['touchpoint', 'carrier'] as const,
      buckets: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
      registers,
    }),
    attention: new Counter({
      name: 'doorstep_attention_raised_total',
      help: 'Chains flagged for support, by reason (low_rating, repeated_delay, conflict, notice_failed, other)',
      labelNames: ['reason'] as const,
      registers,
    }),
    delays: new Counter({
      name: 'doorstep_delays_total',
      help: 'Delays announced, by carrier and by who moved the promise (carrier, guard, support, shop); carrier_caused says whether the carrier is to blame',
      labelNames: ['carrier', 'source', 'carrier_caused'] as const,
      registers,
    }),
    conflicts: new Counter({
      name: 'doorstep_conflicts_total',
      help: 'Chain conflicts, by carrier and type',
      labelNames: ['carrier', 'type'] as const,
      registers,
    }),
    sendSeconds: new Histogram({
      name: 'doorstep_notice_send_seconds',
      help: 'Time a provider took to accept a notice',
      labelNames: ['channel'] as const,
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
  };
}

/** The worker metrics of a registry, created once per registry; the stage gauge reads `facts` when scraped. */
export const workerMetrics = perRegistry(build);

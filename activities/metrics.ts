/**
 * The worker's metrics (prom-client): chains, notices, ratings, attention, deliveries, delays,
 * conflicts, pickup-point steps and carriers' exceptions. Labels are bounded: channel, touchpoint id, outcome,
 * reason kind, stage, pickup step, normalized exception reason, and the shop's carriers.
 */
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import { perRegistry } from '../common/metrics';
import type { Facts } from '../store/facts';
import { isFinal } from '../workflows/chain-state';
import { STAGES } from '../workflows/contract';
import { scoreRange } from '../workflows/touchpoints';

export type WorkerMetrics = ReturnType<typeof build>;

/**
 * Carriers' updates by connector and what became of them: shared by the push route (API) and the pull
 * connectors (worker), so whichever process part registers it first, the other takes it over.
 */
function carrierUpdates(registry: Registry): Counter<'connector' | 'result'> {
  const name = 'doorstep_carrier_updates_total';
  return (
    (registry.getSingleMetric(name) as Counter<'connector' | 'result'> | undefined) ??
    new Counter({
      name,
      help: "Carriers' updates by connector and result (mapped, unmapped, unknown_parcel, refused, duplicate)",
      labelNames: ['connector', 'result'],
      registers: [registry],
    })
  );
}

function build(registry: Registry, facts: Pick<Facts, 'stageCounts'>) {
  const registers = [registry];
  const counter = <L extends string>(name: string, help: string, labelNames: readonly L[]) =>
    new Counter<L>({ name, help, labelNames, registers });
  const chainCounter = (what: string) =>
    counter(`doorstep_chains_${what}_total`, `Chains ${what}, by carrier`, ['carrier']);
  // Every score a check can take, each its own bucket: 0–10 covers the 1–5 scale too.
  const { min, max } = scoreRange(10);
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
    deliveries: counter(
      'doorstep_deliveries_total',
      'Parcels handed over, by carrier and whether by the first promised date (on_time)',
      ['carrier', 'on_time'],
    ),
    notices: counter(
      'doorstep_notices_total',
      'Notice send attempts by channel, touchpoint and outcome (sent, reused, failed, retried, suppressed)',
      ['channel', 'touchpoint', 'outcome'],
    ),
    fallbacks: counter(
      'doorstep_notice_fallbacks_total',
      'Notices that went out on a later channel after an earlier one failed for good',
      ['from', 'to'],
    ),
    deferrals: counter(
      'doorstep_notice_deferrals_total',
      'Non-urgent notices held back, by reason (quiet_hours, daily_cap)',
      ['touchpoint', 'reason'],
    ),
    ratings: new Histogram({
      name: 'doorstep_ratings',
      help: 'Answers to satisfaction checks, by touchpoint and carrier (1-5; the closing question 0-10)',
      labelNames: ['touchpoint', 'carrier'] as const,
      buckets: Array.from({ length: max - min + 1 }, (_, i) => min + i),
      registers,
    }),
    attention: counter(
      'doorstep_attention_raised_total',
      'Chains flagged for support, by reason (low_rating, repeated_delay, conflict, notice_failed, other)',
      ['reason'],
    ),
    delays: counter(
      'doorstep_delays_total',
      'Delays announced, by carrier and by who moved the promise (carrier, guard, support, shop); carrier_caused says whether the carrier is to blame',
      ['carrier', 'source', 'carrier_caused'],
    ),
    conflicts: counter('doorstep_conflicts_total', 'Chain conflicts, by carrier and type', ['carrier', 'type']),
    pickups: counter(
      'doorstep_pickups_total',
      'Pickup-point parcels by carrier and step at the point (ready, collected, expired)',
      ['carrier', 'step'],
    ),
    carrierExceptions: counter(
      'doorstep_carrier_exceptions_total',
      "Carriers' exceptions by carrier and normalized reason (consignee_not_home, address_problem, damaged, customs, weather, capacity, lost, other)",
      ['carrier', 'reason'],
    ),
    carrierPolls: counter(
      'doorstep_carrier_polls_total',
      "Pull connectors' calls to a carrier's API, by carrier and outcome (ok, not_found, rate_limited, error)",
      ['carrier', 'outcome'],
    ),
    carrierUpdates: carrierUpdates(registry),
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

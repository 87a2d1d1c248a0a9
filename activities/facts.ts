/**
 * Recording the facts the reports and metrics aggregate (chain started with its delivery mode, stage,
 * delay, conflict, delivered, rating, a pickup-point parcel's steps, a carrier's exception), idempotently,
 * and counting them in the worker metrics the first time they are recorded.
 */
import { isFinal, rankOf } from '../workflows/chain-state';
import type { DelaySource, ExceptionReason, Stage } from '../workflows/contract';
import type { DeliveryMode } from '../workflows/touchpoints';
import type { ActivityDeps } from './deps';

interface ChainRef {
  chainId: string;
  shop: string;
  carrier: string;
  /** Workflow time of the fact, ISO. */
  at: string;
}

export type ChainFact = ChainRef &
  /** `mode` unset: a chain before delivery modes, delivered home. */
  (
    | { kind: 'started'; firstPromise: string; mode?: DeliveryMode }
    | { kind: 'stage'; stage: Stage }
    | { kind: 'delay'; n: number; days: number; source?: DelaySource; carrierCaused?: boolean }
    | { kind: 'conflict'; n: number; type: string }
    | { kind: 'delivered'; onTime: boolean }
    | { kind: 'rating'; touchpoint: string; touchpointId: string; score: number }
    /** A pickup-point parcel became ready at its point, was collected, or expired there. */
    | { kind: 'pickup'; step: 'ready' | 'collected' | 'expired' }
    /** The carrier reported an exception (the scorecard counts them by normalized reason). */
    | { kind: 'exception'; eventId: string; reason: ExceptionReason }
  );

/** The recordFact activity, closed over its dependencies. */
export function recordFactActivity({ store: { facts, parcels }, metrics }: Pick<ActivityDeps, 'store' | 'metrics'>) {
  return async function recordFact(fact: ChainFact): Promise<void> {
    const { chainId, carrier, at } = fact;
    switch (fact.kind) {
      case 'started': {
        const { firstPromise, mode = 'home' } = fact;
        if (await facts.started({ chainId, shop: fact.shop, carrier, startedAt: at, firstPromise, mode }))
          metrics.chainsStarted.inc({ carrier });
        await facts.moveStage(chainId, 'accepted', rankOf('accepted'));
        return;
      }
      case 'stage':
        // A finished chain's parcel is polled no more, whatever its carrier says next (idempotent: a retry does it again).
        if (isFinal(fact.stage)) await parcels.closeChain(chainId);
        if (!(await facts.moveStage(chainId, fact.stage, rankOf(fact.stage)))) return;
        if (fact.stage === 'closed') metrics.chainsCompleted.inc({ carrier });
        if (fact.stage === 'cancelled') metrics.chainsCancelled.inc({ carrier });
        return;
      case 'delay': {
        // Facts of chains before 0.3 carry no source: their delays were all counted against the carrier.
        const { source = 'carrier', carrierCaused = true } = fact;
        if (await facts.delay({ chainId, n: fact.n, days: fact.days, at, source, carrierCaused })) {
          metrics.delays.inc({ carrier, source, carrier_caused: String(carrierCaused) });
        }
        return;
      }
      case 'conflict':
        if (await facts.conflict(chainId, fact.n, fact.type, at)) metrics.conflicts.inc({ carrier, type: fact.type });
        return;
      case 'delivered':
        if (await facts.delivered(chainId, at, fact.onTime))
          metrics.deliveries.inc({ carrier, on_time: String(fact.onTime) });
        return;
      case 'rating':
        // The histogram holds first answers: a retried activity or a changed mind does not count twice.
        if (await facts.answered(chainId, fact.touchpoint, fact.score, at))
          metrics.ratings.observe({ touchpoint: fact.touchpointId, carrier }, fact.score);
        return;
      case 'pickup':
        if (await facts.pickup(chainId, fact.step, at)) metrics.pickups.inc({ carrier, step: fact.step });
        return;
      case 'exception':
        if (await facts.exception({ chainId, eventId: fact.eventId, reason: fact.reason, at }))
          metrics.carrierExceptions.inc({ carrier, reason: fact.reason });
        return;
    }
  };
}

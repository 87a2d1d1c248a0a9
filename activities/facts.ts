/**
 * Recording the facts the reports aggregate (chain started, delay, conflict, delivered, rating),
 * idempotently, and counting them in the worker metrics the first time they are recorded.
 */
import type { ActivityDeps } from './deps';

interface ChainRef {
  chainId: string;
  shop: string;
  carrier: string;
  /** Workflow time of the fact, ISO. */
  at: string;
}

export type ChainFact = ChainRef &
  (
    | { kind: 'started'; firstPromise: string }
    | { kind: 'delay'; n: number; days: number }
    | { kind: 'conflict'; n: number; type: string }
    | { kind: 'delivered'; onTime: boolean }
    | { kind: 'rating'; touchpoint: string; touchpointId: string; score: number }
  );

/** The recordFact activity, closed over its dependencies. */
export function recordFactActivity({ store: { facts }, metrics }: ActivityDeps) {
  return async function recordFact(fact: ChainFact): Promise<void> {
    const { chainId, carrier, at } = fact;
    switch (fact.kind) {
      case 'started':
        await facts.started({ chainId, shop: fact.shop, carrier, startedAt: at, firstPromise: fact.firstPromise });
        return;
      case 'delay':
        if (await facts.delay(chainId, fact.n, fact.days, at)) metrics.delays.inc({ carrier });
        return;
      case 'conflict':
        if (await facts.conflict(chainId, fact.n, fact.type, at)) metrics.conflicts.inc({ carrier, type: fact.type });
        return;
      case 'delivered':
        await facts.delivered(chainId, at, fact.onTime);
        return;
      case 'rating':
        // The histogram holds first answers: a retried activity or a changed mind does not count twice.
        if (await facts.answered(chainId, fact.touchpoint, fact.score, at)) metrics.ratings.observe({ touchpoint: fact.touchpointId, carrier }, fact.score);
        return;
    }
  };
}

/**
 * The durable facts the reports aggregate across orders: each chain (carrier, delivery mode, first
 * promise, delivery; a pickup-point parcel's ready, collected and expired times), its delays,
 * conflicts and carrier exceptions, and each satisfaction check (sent, answered). Every write is
 * idempotent, so a retried activity records a fact once; each answers whether it was new. Each
 * chain's stage is kept too, with the number of chains in every stage kept current as they move.
 */
import type { DeliveryMode } from '../workflows/touchpoints';
import type { Queryable } from './queryable';

export interface ChainStarted {
  chainId: string;
  shop: string;
  carrier: string;
  startedAt: string;
  firstPromise: string;
  /** Home unless said. */
  mode?: DeliveryMode;
}

/** A pickup-point parcel's steps at its point, each recorded once. */
export type PickupStep = 'ready' | 'collected' | 'expired';

/** The column each pickup step's time lives in: a fixed table, never text from a caller. */
const PICKUP_COLUMN: Record<PickupStep, string> = {
  ready: 'ready_at',
  collected: 'collected_at',
  expired: 'expired_at',
};

export interface ChainDelay {
  chainId: string;
  n: number;
  days: number;
  at: string;
  source: string;
  carrierCaused: boolean;
}

/** A carrier's exception on a chain, by normalized reason; `eventId` is the chain event that reported it. */
export interface ChainException {
  chainId: string;
  eventId: string;
  reason: string;
  at: string;
}

export interface CheckSent {
  chainId: string;
  touchpoint: string;
  touchpointId: string;
  shop: string;
  carrier: string;
  scale: number;
  sentAt: string;
}

const inserted = (rows: unknown[]) => rows.length > 0;

/**
 * The statement recording a sent check, its parameters numbered from `$first` (so that it can follow another
 * statement's).
 */
export function insertCheckSql(first: number): string {
  const p = Array.from({ length: 7 }, (_, i) => `$${first + i}`).join(', ');
  return `insert into checks (chain_id, touchpoint, touchpoint_id, shop, carrier, scale, sent_at) values (${p})
         on conflict (chain_id, touchpoint) do nothing returning chain_id`;
}

export const checkParams = (c: CheckSent) => [
  c.chainId,
  c.touchpoint,
  c.touchpointId,
  c.shop,
  c.carrier,
  c.scale,
  c.sentAt,
];

export class Facts {
  constructor(private readonly sql: Queryable) {}

  async started(c: ChainStarted): Promise<boolean> {
    return inserted(
      await this.sql.query(
        `insert into chain_facts (chain_id, shop, carrier, started_at, first_promise, mode) values ($1, $2, $3, $4, $5, $6)
         on conflict (chain_id) do nothing returning chain_id`,
        [c.chainId, c.shop, c.carrier, c.startedAt, c.firstPromise, c.mode ?? 'home'],
      ),
    );
  }

  /** The `n`th delay of a chain (n counts from 1), with who moved the promise and whether the carrier is to blame. */
  async delay(d: ChainDelay): Promise<boolean> {
    return inserted(
      await this.sql.query(
        `insert into chain_delays (chain_id, n, days, at, source, carrier_caused) values ($1, $2, $3, $4, $5, $6) on conflict do nothing returning n`,
        [d.chainId, d.n, d.days, d.at, d.source, d.carrierCaused],
      ),
    );
  }

  /** The `n`th conflict of a chain (n counts from 1). */
  async conflict(chainId: string, n: number, type: string, at: string): Promise<boolean> {
    return inserted(
      await this.sql.query(
        `insert into chain_conflicts (chain_id, n, type, at) values ($1, $2, $3, $4) on conflict do nothing returning n`,
        [chainId, n, type, at],
      ),
    );
  }

  /** A carrier's exception, once per chain event (a retried activity or a redelivered event records it once). */
  async exception(e: ChainException): Promise<boolean> {
    return inserted(
      await this.sql.query(
        `insert into chain_exceptions (chain_id, event_id, reason, at) values ($1, $2, $3, $4)
         on conflict do nothing returning event_id`,
        [e.chainId, e.eventId, e.reason, e.at],
      ),
    );
  }

  async delivered(chainId: string, at: string, onTime: boolean): Promise<boolean> {
    return inserted(
      await this.sql.query(
        `update chain_facts set delivered_at = $2, on_time = $3 where chain_id = $1 and delivered_at is null returning chain_id`,
        [chainId, at, onTime],
      ),
    );
  }

  /**
   * A pickup-point parcel's `step` at its point (the first time it is recorded counts). A chain that started home
   * and was switched to a point is a pickup-point chain from then on.
   */
  async pickup(chainId: string, step: PickupStep, at: string): Promise<boolean> {
    const column = PICKUP_COLUMN[step];
    return inserted(
      await this.sql.query(
        `update chain_facts set ${column} = $2, mode = 'pickup_point' where chain_id = $1 and ${column} is null returning chain_id`,
        [chainId, at],
      ),
    );
  }

  /** A touchpoint's check went out with its first notice (a resend or fallback is the same check). */
  async checkSent(c: CheckSent): Promise<boolean> {
    return inserted(await this.sql.query(insertCheckSql(1), checkParams(c)));
  }

  /** The answer to a check (a change replaces it); true when it is the check's first answer. */
  async answered(chainId: string, touchpoint: string, score: number, at: string): Promise<boolean> {
    const [row] = await this.sql.query<{ before: number | null }>(
      `update checks c set score = $3, answered_at = $4 from checks o
       where c.chain_id = $1 and c.touchpoint = $2 and o.chain_id = c.chain_id and o.touchpoint = c.touchpoint
       returning o.score as before`,
      [chainId, touchpoint, score, at],
    );
    return row !== undefined && row.before === null;
  }

  /**
   * Moves a chain to `stage` (of `rank` on the progress line) unless it is there or further on
   * already; true when it moved. One statement: the chain's row is locked (a concurrent move waits,
   * then sees where this one left it) while the counts of the stage it left and the one it entered
   * change with it.
   */
  async moveStage(chainId: string, stage: string, rank: number): Promise<boolean> {
    // A chain's first move can race another first move: the loser finds the row on its second try.
    for (let attempt = 1; ; attempt++) {
      const [row] = await this.sql.query<{ moved: number; raced: boolean }>(
        `with old as (select stage from chain_stages where chain_id = $1 and rank < $3 for update),
         moved as (update chain_stages c set stage = $2, rank = $3 from old where c.chain_id = $1 returning old.stage as left_stage),
         added as (
           insert into chain_stages (chain_id, stage, rank) select $1, $2, $3 where not exists (select 1 from chain_stages where chain_id = $1)
           on conflict (chain_id) do nothing returning chain_id),
         leaving as (update stage_counts s set chains = s.chains - 1 from moved where s.stage = moved.left_stage),
         entering as (
           insert into stage_counts (stage, chains) select $2, 1 from (select 1 from moved union all select 1 from added) m
           on conflict (stage) do update set chains = stage_counts.chains + 1)
         select ((select count(*) from moved) + (select count(*) from added))::int as moved,
                not exists (select 1 from chain_stages where chain_id = $1) as raced`,
        [chainId, stage, rank],
      );
      if (row.moved > 0) return true;
      if (!row.raced || attempt === 2) return false;
    }
  }

  /** How many chains each stage holds now. */
  async stageCounts(): Promise<Map<string, number>> {
    const rows = await this.sql.query<{ stage: string; chains: string }>('select stage, chains from stage_counts');
    return new Map(rows.map((r) => [r.stage, Number(r.chains)]));
  }
}

/**
 * Order ids whose chains must never start again: finished ones (kept after Temporal forgets a closed
 * chain, so that a repeated `POST /v1/orders` cannot start it anew) and erased ones. No personal
 * data: the chain id, why, and since when.
 */
import type { Queryable } from './queryable';

export type TombstoneReason = 'finished' | 'erased';

export interface Tombstone {
  reason: TombstoneReason;
  at: Date;
}

export class Tombstones {
  constructor(private readonly sql: Queryable) {}

  /**
   * Marks chains as never to start again (an erasure overrides "finished"), each since `at` (now unless
   * given); answers how many were new.
   */
  async bury(chains: { chainId: string; at?: Date }[], reason: TombstoneReason): Promise<number> {
    if (!chains.length) return 0;
    const now = new Date();
    const rows = await this.sql.query<{ fresh: boolean }>(
      `insert into tombstones (chain_id, reason, at) select id, $3, at from unnest($1::text[], $2::timestamptz[]) as c(id, at)
       on conflict (chain_id) do update set reason = 'erased' where excluded.reason = 'erased' and tombstones.reason <> 'erased'
       returning (xmax = 0) as fresh`,
      [chains.map((c) => c.chainId), chains.map((c) => (c.at ?? now).toISOString()), reason],
    );
    return rows.filter((r) => r.fresh).length;
  }

  /** Takes a chain's tombstone away (one buried by mistake). */
  async lift(chainId: string): Promise<void> {
    await this.sql.query(`delete from tombstones where chain_id = $1`, [chainId]);
  }

  /** The tombstone of a chain, if it has one. */
  async find(chainId: string): Promise<Tombstone | undefined> {
    const [row] = await this.sql.query<Tombstone>(`select reason, at from tombstones where chain_id = $1`, [chainId]);
    return row;
  }

  /** When the latest chain seen finishing closed (the retention job lists closed chains from there on). */
  async latestFinished(): Promise<Date | undefined> {
    const [row] = await this.sql.query<{ at: Date | null }>(
      `select max(at) as at from tombstones where reason = 'finished'`,
    );
    return row.at ?? undefined;
  }
}

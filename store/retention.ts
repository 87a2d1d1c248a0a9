/**
 * What the retention job deletes from the store: rows older than a cutoff that belong to chains
 * that can never run again (they have a tombstone), webhook receipts past it, and tombstones past
 * their own, longer, cutoff, and WhatsApp sessions once their window has closed (they serve no purpose
 * after it). Opt-outs and the shops' settings are never deleted by age, and the
 * rows of a chain that may still be running (no tombstone) stay whatever their age.
 */
import type { Sql } from './queryable';

/** Rows deleted, per table. */
export type Purged = Record<string, number>;

/** The tables of a chain's rows, each with the column its age is read from. */
const CHAIN_ROWS: [table: string, age: string][] = [
  ['sends', 'updated_at'],
  ['checks', 'sent_at'],
  ['chain_delays', 'at'],
  ['chain_conflicts', 'at'],
  ['chain_facts', 'started_at'],
  ['chain_exceptions', 'at'],
  ['parcels', 'linked_at'],
];

/** The tables the job deletes from, for compaction afterwards. */
export const PURGED_TABLES = [
  ...CHAIN_ROWS.map(([table]) => table),
  'chain_stages',
  'stage_counts',
  'webhook_receipts',
  'tombstones',
  'whatsapp_sessions',
];

export class StoreRetention {
  constructor(private readonly sql: Sql) {}

  /** Chains with rows older than `cutoff` and no tombstone: whether they still run is Temporal's to say. */
  async unsettled(cutoff: Date, limit: number): Promise<string[]> {
    const old = CHAIN_ROWS.map(([table, age]) => `select chain_id from ${table} where ${age} < $1`).join(' union ');
    const rows = await this.sql.query<{ chain_id: string }>(
      `select distinct o.chain_id from (${old}) o where not exists (select 1 from tombstones t where t.chain_id = o.chain_id) limit $2`,
      [cutoff, limit],
    );
    return rows.map((r) => r.chain_id);
  }

  /**
   * Deletes, in one transaction: rows older than `cutoff` of tombstoned chains, the stage of chains
   * buried before `cutoff` (their stage's count with it), webhook receipts older than `cutoff`, and
   * tombstones older than `tombstoneCutoff`, and WhatsApp sessions whose customer last wrote before `sessionCutoff`.
   */
  async purge(cutoff: Date, tombstoneCutoff: Date, sessionCutoff: Date): Promise<Purged> {
    return this.sql.transaction(async (tx) => {
      const purged: Purged = {};
      const count = async (table: string, statement: string, params: unknown[]) => {
        purged[table] = (await tx.query(`${statement} returning 1`, params)).length;
      };
      for (const [table, age] of CHAIN_ROWS) {
        await count(
          table,
          `delete from ${table} r using tombstones t where r.chain_id = t.chain_id and r.${age} < $1`,
          [cutoff],
        );
      }
      const stages = await tx.query<{ stage: string }>(
        `delete from chain_stages s using tombstones t where s.chain_id = t.chain_id and t.at < $1 returning s.stage`,
        [cutoff],
      );
      purged.chain_stages = stages.length;
      await tx.query(
        `update stage_counts c set chains = c.chains - d.n from (select stage, count(*) as n from unnest($1::text[]) as u(stage) group by stage) d where c.stage = d.stage`,
        [stages.map((s) => s.stage)],
      );
      await count('webhook_receipts', `delete from webhook_receipts where at < $1`, [cutoff]);
      await count('tombstones', `delete from tombstones where at < $1`, [tombstoneCutoff]);
      await count('whatsapp_sessions', `delete from whatsapp_sessions where last_inbound_at < $1`, [sessionCutoff]);
      return purged;
    });
  }
}

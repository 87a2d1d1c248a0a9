/** The store's schema, as numbered migrations applied once each, in order, under a lock. */
import type { Sql } from './queryable';

const MIGRATIONS: string[] = [
  // 1: the send ledger (exactly-once sends, delivery receipts, the daily cap), opt-outs, webhook replays.
  `create table sends (
     key text primary key,
     seq bigint generated always as identity,
     chain_id text not null,
     workflow_id text not null,
     shop text not null,
     touchpoint text not null,
     channel text not null,
     revision int not null,
     address_key text not null,
     customer_key text not null,
     urgent boolean not null,
     local_day text not null,
     locale text not null,
     status text not null check (status in ('sending', 'sent', 'failed')),
     provider_id text,
     delivery text,
     notice jsonb,
     decision jsonb,
     attempts int not null default 1,
     claimed_at timestamptz not null default now(),
     created_at timestamptz not null default now(),
     updated_at timestamptz not null default now()
   );
   create index sends_provider_id on sends (provider_id);
   create index sends_address on sends (address_key, seq desc);
   create index sends_customer_day on sends (shop, customer_key, local_day);
   create table opt_outs (
     scope text not null,
     channel text not null,
     address_key text not null,
     source text not null,
     at timestamptz not null default now(),
     primary key (scope, channel, address_key)
   );
   create table webhook_receipts (
     id text primary key,
     at timestamptz not null default now()
   );`,
  // 2: the facts the reports aggregate: chains, their delays and conflicts, satisfaction checks.
  `create table chain_facts (
     chain_id text primary key,
     shop text not null,
     carrier text not null,
     started_at timestamptz not null,
     first_promise text not null,
     delivered_at timestamptz,
     on_time boolean
   );
   create index chain_facts_shop on chain_facts (shop, started_at);
   create table chain_delays (
     chain_id text not null,
     n int not null,
     days int not null,
     at timestamptz not null,
     primary key (chain_id, n)
   );
   create table chain_conflicts (
     chain_id text not null,
     n int not null,
     type text not null,
     at timestamptz not null,
     primary key (chain_id, n)
   );
   create table checks (
     chain_id text not null,
     touchpoint text not null,
     touchpoint_id text not null,
     shop text not null,
     carrier text not null,
     scale int not null,
     sent_at timestamptz not null,
     score int,
     answered_at timestamptz,
     primary key (chain_id, touchpoint)
   );
   create index checks_shop on checks (shop, sent_at);`,
  // Which activity attempt holds a claim: a later attempt of the same activity takes it over at once.
  `alter table sends add column claimed_by text, add column claimed_attempt int not null default 1;`,
  // Each chain's stage, and how many chains each stage holds, kept current as chains move (metrics).
  `create table chain_stages (
     chain_id text primary key,
     stage text not null,
     rank int not null
   );
   create table stage_counts (
     stage text primary key,
     chains bigint not null
   );`,
  // Who moved a promise, and whether the carrier is to blame (the scorecard counts only those delays).
  `alter table chain_delays add column source text not null default 'carrier', add column carrier_caused boolean not null default true;`,
  // The settings of each shop its running chains were last told of (they follow a change from their next decision on).
  `create table shop_settings (
     shop text primary key,
     hash text not null,
     at timestamptz not null default now()
   );`,
  // Order ids that must never start a chain again (finished, or erased), kept longer than Temporal keeps
  // closed chains; the ledger found by chain (erasure, retention); ages the retention job reads.
  `create table tombstones (
     chain_id text primary key,
     reason text not null check (reason in ('finished', 'erased')),
     at timestamptz not null default now()
   );
   create index tombstones_at on tombstones (at);
   create index sends_chain on sends (chain_id);
   create index sends_updated on sends (updated_at);
   create index webhook_receipts_at on webhook_receipts (at);`,
  // A shop's own template wording, append-only: each put is a version, each delete a version that marks it gone.
  `create table template_versions (
     shop text not null,
     template text not null,
     locale text not null,
     channel text not null,
     version int not null,
     subject text,
     text text,
     deleted boolean not null default false,
     author text not null,
     created_at timestamptz not null default now(),
     primary key (shop, template, locale, channel, version)
   );`,
  // WhatsApp's 24-hour window: a customer's last message to a business sender (whatsapp-sessions.ts).
  `create table whatsapp_sessions (
     sender text not null,
     address_key text not null,
     last_inbound_at timestamptz not null,
     primary key (sender, address_key)
   );`,
  // Delivery modes: each chain's mode (chains before them went home) and a pickup-point parcel's steps at its point.
  `alter table chain_facts add column mode text not null default 'home', add column ready_at timestamptz,
     add column collected_at timestamptz, add column expired_at timestamptz;`,
  // Carriers: each parcel's chain found by (shop, carrier, tracking number) (carriers' events and the pull
  // connectors' polls; carrier in lower case), when a poll is next due, and the carriers' exceptions by
  // normalized reason (the scorecard).
  `create table parcels (
     shop text not null,
     carrier text not null,
     tracking_number text not null,
     chain_id text not null,
     order_id text not null,
     linked_at timestamptz not null default now(),
     next_poll_at timestamptz not null default now(),
     polls int not null default 0,
     last_status text,
     last_seen_at timestamptz,
     final boolean not null default false,
     primary key (shop, carrier, tracking_number)
   );
   create index parcels_number on parcels (carrier, tracking_number);
   create index parcels_due on parcels (carrier, next_poll_at) where not final;
   create index parcels_chain on parcels (chain_id);
   create table chain_exceptions (
     chain_id text not null,
     event_id text not null,
     reason text not null,
     at timestamptz not null,
     primary key (chain_id, event_id)
   );`,
];

/** The schema version a migrated store is at. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/** Applies the migrations the store lacks. */
export async function migrate(sql: Sql): Promise<void> {
  await sql.transaction(async (tx) => {
    // One migrator at a time when several processes start against one PostgreSQL.
    await tx.query('select pg_advisory_xact_lock(727274)');
    await tx.query(
      'create table if not exists schema_migrations (version int primary key, applied_at timestamptz not null default now())',
    );
    const done = new Set(
      (await tx.query<{ version: number }>('select version from schema_migrations')).map((r) => r.version),
    );
    for (const [i, statement] of MIGRATIONS.entries()) {
      if (done.has(i + 1)) continue;
      for (const part of statement.split(/;\s*$/m).filter((s) => s.trim())) await tx.query(part);
      await tx.query('insert into schema_migrations (version) values ($1)', [i + 1]);
    }
  });
}

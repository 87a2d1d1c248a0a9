/** The store's schema, as numbered migrations applied once each, in order, under a lock. */
import type { Sql } from './sql';

const MIGRATIONS: string[] = [
  // 1: the send ledger (exactly-once sends, delivery receipts, the daily cap), opt-outs, webhook replays.
  `create table sends (
     key text primary key,
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
     created_at timestamptz not null default now(),
     updated_at timestamptz not null default now()
   );
   create index sends_provider_id on sends (provider_id);
   create index sends_address on sends (address_key, updated_at desc);
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
];

/** Applies the migrations the store lacks. */
export async function migrate(sql: Sql): Promise<void> {
  await sql.transaction(async (tx) => {
    // One migrator at a time when several processes start against one PostgreSQL.
    await tx.query('select pg_advisory_xact_lock(727274)');
    await tx.query('create table if not exists schema_migrations (version int primary key, applied_at timestamptz not null default now())');
    const done = new Set((await tx.query<{ version: number }>('select version from schema_migrations')).map((r) => r.version));
    for (const [i, statement] of MIGRATIONS.entries()) {
      if (done.has(i + 1)) continue;
      for (const part of statement.split(/;\s*$/m).filter((s) => s.trim())) await tx.query(part);
      await tx.query('insert into schema_migrations (version) values ($1)', [i + 1]);
    }
  });
}

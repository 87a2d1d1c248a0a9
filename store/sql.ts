/**
 * The store's connection: PostgreSQL when DATABASE_URL is set, otherwise PGlite (the same
 * PostgreSQL, embedded) in the data dir. Both run the same SQL and the same migrations.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { holdLock } from './lock';
import { migrate } from './migrations';
import type { Queryable, Sql } from './queryable';

export interface StoreLocation {
  databaseUrl?: string;
  /** Where the embedded store lives when there is no DATABASE_URL. */
  dataDir: string;
}

function postgres(url: string): Sql {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  return {
    kind: 'postgres',
    query: async (text, params) => (await pool.query(text, params)).rows,
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn({ query: async (text, params) => (await client.query(text, params)).rows });
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK');
        throw err;
      } finally {
        client.release();
      }
    },
    async compact(tables) {
      await pool.query(`vacuum ${tables.join(', ')}`);
    },
    close: () => pool.end(),
  };
}

async function embedded(dataDir: string): Promise<Sql> {
  const dir = join(dataDir, 'store');
  mkdirSync(dir, { recursive: true });
  const release = holdLock(join(dataDir, 'store.lock'));
  // Without recycling, a write-ahead log segment past a checkpoint is deleted, not kept as the next one (erasure).
  const db = await PGlite.create(dir, { startParams: [...PGlite.defaultStartParams, '-c', 'wal_recycle=off'] });
  const query: Queryable['query'] = async (text, params) => (await db.query(text, params)).rows as never;
  return {
    kind: 'embedded',
    query,
    transaction: (fn) =>
      db.transaction((tx) => fn({ query: async (text, params) => (await tx.query(text, params)).rows as never })),
    async compact(tables) {
      // VACUUM FULL writes each table anew; the checkpoints and the switch retire the old files and log segments.
      for (const statement of [
        `vacuum full ${tables.join(', ')}`,
        'checkpoint',
        'select pg_switch_wal()',
        'checkpoint',
      ])
        await db.exec(statement);
    },
    async close() {
      await db.close();
      release();
    },
  };
}

/** Opens the store and brings its schema up to date. */
export async function openStore({ databaseUrl, dataDir }: StoreLocation): Promise<Sql> {
  const sql = databaseUrl ? postgres(databaseUrl) : await embedded(dataDir);
  await migrate(sql);
  return sql;
}

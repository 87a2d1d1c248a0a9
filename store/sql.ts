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

export interface Queryable {
  /** Rows of a parameterised statement ($1, $2 …). */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
}

export interface Sql extends Queryable {
  /** Runs `fn` in one transaction on one connection. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** "postgres" or "embedded", for logs and the start banner. */
  kind: 'postgres' | 'embedded';
}

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
    close: () => pool.end(),
  };
}

async function embedded(dataDir: string): Promise<Sql> {
  const dir = join(dataDir, 'store');
  mkdirSync(dir, { recursive: true });
  const release = holdLock(join(dataDir, 'store.lock'));
  const db = await PGlite.create(dir);
  const query: Queryable['query'] = async (text, params) => (await db.query(text, params)).rows as never;
  return {
    kind: 'embedded',
    query,
    transaction: (fn) => db.transaction((tx) => fn({ query: async (text, params) => (await tx.query(text, params)).rows as never })),
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

/**
 * What the store's parts run their SQL on: one connection's queries and transactions (see sql.ts for the two
 * kinds).
 */

export interface Queryable {
  /** Rows of a parameterised statement ($1, $2 …). */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
}

export interface Sql extends Queryable {
  /** Runs `fn` in one transaction on one connection. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * Reclaims what deleted and overwritten rows of `tables` left behind. Embedded, nothing of them
   * stays in the data dir's files: the tables are rewritten and the write-ahead log moves past them.
   * On a PostgreSQL server, a plain VACUUM: their space is reused, the bytes are overwritten later.
   */
  compact(tables: string[]): Promise<void>;
  close(): Promise<void>;
  /** "postgres" or "embedded", for logs and the start banner. */
  kind: 'postgres' | 'embedded';
}

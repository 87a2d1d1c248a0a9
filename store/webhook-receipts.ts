/** Webhook deliveries already handled, so a replayed or retried callback changes nothing. */
import type { Queryable } from './queryable';

export class WebhookReceipts {
  constructor(private readonly sql: Queryable) {}

  /** True the first time an id is seen, false for every replay. */
  async firstTime(id: string): Promise<boolean> {
    const rows = await this.sql.query(
      `insert into webhook_receipts (id) values ($1) on conflict (id) do nothing returning id`,
      [id],
    );
    return rows.length > 0;
  }

  /** Forgets an id whose handling failed, so that the sender's retry is handled. */
  async forget(id: string): Promise<void> {
    await this.sql.query(`delete from webhook_receipts where id = $1`, [id]);
  }
}

/**
 * Customers' opt-outs by channel: SMS/WhatsApp STOP (sender-wide, as Twilio enforces it) and the
 * email unsubscribe link (per shop). Addresses are kept only as keys.
 */
import type { ChannelName } from '../workflows/contract';
import type { Queryable } from './queryable';

/** Scope of an opt-out that holds for every shop (STOP to the shared Twilio sender). */
export const EVERY_SHOP = '*';

export interface OptOut {
  source: string;
  at: Date;
}

export class OptOuts {
  constructor(private readonly sql: Queryable) {}

  async optOut(scope: string, channel: ChannelName, addressKey: string, source: string): Promise<void> {
    await this.sql.query(
      `insert into opt_outs (scope, channel, address_key, source) values ($1, $2, $3, $4)
       on conflict (scope, channel, address_key) do update set source = excluded.source, at = now()`,
      [scope, channel, addressKey, source],
    );
  }

  async optIn(scope: string, channel: ChannelName, addressKey: string): Promise<void> {
    await this.sql.query(`delete from opt_outs where scope = $1 and channel = $2 and address_key = $3`, [
      scope,
      channel,
      addressKey,
    ]);
  }

  /** The opt-out that stops `channel` to this address for `shop`, if any. */
  async find(shop: string, channel: ChannelName, addressKey: string): Promise<OptOut | undefined> {
    const [row] = await this.sql.query<OptOut>(
      `select source, at from opt_outs where scope in ($1, $2) and channel = $3 and address_key = $4 limit 1`,
      [shop, EVERY_SHOP, channel, addressKey],
    );
    return row;
  }
}

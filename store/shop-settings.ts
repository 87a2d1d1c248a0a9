/** The last settings of each shop that running chains were told of (a hash of the shop's configuration). */
import type { Queryable } from './queryable';

export class ShopSettings {
  constructor(private readonly sql: Queryable) {}

  /** Shop id → hash of the settings its running chains follow. */
  async told(): Promise<Map<string, string>> {
    const rows = await this.sql.query<{ shop: string; hash: string }>('select shop, hash from shop_settings');
    return new Map(rows.map((r) => [r.shop, r.hash]));
  }

  /** Running chains of these shops were told of these settings. */
  async tell(settings: { shop: string; hash: string }[]): Promise<void> {
    for (const { shop, hash } of settings) {
      await this.sql.query(
        `insert into shop_settings (shop, hash) values ($1, $2) on conflict (shop) do update set hash = excluded.hash, at = now()`,
        [shop, hash],
      );
    }
  }
}

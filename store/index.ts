/**
 * The store: the send ledger, opt-outs, webhook receipts, report facts, reports, the shops' settings chains
 * follow, the shops' template overrides, WhatsApp session windows, tombstones of orders never to start again
 * and the retention purge, over one SQL connection.
 */
import { Facts } from './facts';
import { Ledger } from './ledger';
import { OptOuts } from './opt-outs';
import { Parcels } from './parcels';
import { Reports } from './reports';
import type { Sql } from './queryable';
import { openStore, type StoreLocation } from './sql';
import { StoreRetention } from './retention';
import { ShopSettings } from './shop-settings';
import { TemplateVersions } from './templates';
import { Tombstones } from './tombstones';
import { WebhookReceipts } from './webhook-receipts';
import { WhatsAppSessions } from './whatsapp-sessions';

export interface Store {
  sql: Sql;
  ledger: Ledger;
  optOuts: OptOuts;
  webhooks: WebhookReceipts;
  /** Which chain each carrier's tracking number belongs to, and when a pull connector polls it next. */
  parcels: Parcels;
  facts: Facts;
  reports: Reports;
  shopSettings: ShopSettings;
  /** Shops' own template wording, versioned. */
  templates: TemplateVersions;
  /** Each customer's last WhatsApp message to a business sender (the 24-hour window). */
  whatsappSessions: WhatsAppSessions;
  tombstones: Tombstones;
  retention: StoreRetention;
  close(): Promise<void>;
}

/** Opens (and migrates) the store at `location`. */
export async function createStore(location: StoreLocation): Promise<Store> {
  const sql = await openStore(location);
  return {
    sql,
    ledger: new Ledger(sql),
    optOuts: new OptOuts(sql),
    webhooks: new WebhookReceipts(sql),
    parcels: new Parcels(sql),
    facts: new Facts(sql),
    reports: new Reports(sql),
    shopSettings: new ShopSettings(sql),
    templates: new TemplateVersions(sql),
    whatsappSessions: new WhatsAppSessions(sql),
    tombstones: new Tombstones(sql),
    retention: new StoreRetention(sql),
    close: () => sql.close(),
  };
}

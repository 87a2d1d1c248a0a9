/** The store: the send ledger, opt-outs and webhook receipts over one SQL connection. */
import { Ledger } from './ledger';
import { OptOuts } from './opt-outs';
import { openStore, type Sql, type StoreLocation } from './sql';
import { WebhookReceipts } from './webhook-receipts';

export interface Store {
  sql: Sql;
  ledger: Ledger;
  optOuts: OptOuts;
  webhooks: WebhookReceipts;
  close(): Promise<void>;
}

/** Opens (and migrates) the store at `location`. */
export async function createStore(location: StoreLocation): Promise<Store> {
  const sql = await openStore(location);
  return { sql, ledger: new Ledger(sql), optOuts: new OptOuts(sql), webhooks: new WebhookReceipts(sql), close: () => sql.close() };
}

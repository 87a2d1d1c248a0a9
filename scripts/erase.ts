/**
 * `npm run erase -- --shop <id> (--order <orderId> | --contact <email or phone>)`: erases the
 * customer data of one order, or of every order of a customer found by their email or phone
 * (see api/erasure.ts for what goes and what stays). Uses the same environment as the worker.
 */
import { parseArgs } from 'node:util';
import { Chains } from '../api/chains';
import { eraseOrder } from '../api/erasure';
import { bootstrap, type Bootstrapped } from '../common/bootstrap';
import { addressKeyer } from '../store/address-key';

const { values } = parseArgs({
  options: { shop: { type: 'string' }, order: { type: 'string' }, contact: { type: 'string' } },
});
const { shop, order, contact } = values;
if (!shop || Boolean(order) === Boolean(contact)) {
  console.error('usage: npm run erase -- --shop <id> (--order <orderId> | --contact <email or phone>)');
  process.exit(2);
}
const boot = await bootstrap({
  service: 'doorstep-erase',
  async beforeConnect(config) {
    if (config.shops.has(shop)) return;
    console.error(`no shop "${shop}" in the configuration`);
    process.exit(2);
  },
});
try {
  await erase(boot, shop, order ? [order] : await ordersOf(boot, shop, contact!));
} finally {
  await boot.shutdown();
}

/** The ids of every order of `shop` sent to `contact`. */
async function ordersOf({ client, config }: Bootstrapped, shop: string, contact: string): Promise<string[]> {
  const chains = new Chains(client, config.taskQueue, addressKeyer(config.secret));
  const orders: string[] = [];
  for (let token: string | undefined, first = true; first || token; first = false) {
    const page = await chains.list(shop, { contact }, { size: 100, token });
    orders.push(...page.items.map((i) => i.orderId));
    token = page.nextPageToken;
  }
  return orders;
}

/** Erases each order and says what went. */
async function erase({ client, store, config }: Bootstrapped, shop: string, orders: string[]): Promise<void> {
  for (const orderId of orders) {
    const erased = await eraseOrder({ client, store, config }, shop, orderId);
    console.log(
      `${orderId}: ${erased.workflows} workflow(s) deleted, ${erased.notices} notice(s) scrubbed, ${erased.outboxLines} outbox line(s) removed`,
    );
  }
  if (!orders.length) console.log('no orders found');
}

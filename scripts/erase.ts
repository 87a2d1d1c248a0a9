/**
 * `npm run erase -- --shop <id> (--order <orderId> | --contact <email or phone>)`: erases the
 * customer data of one order, or of every order of a customer found by their email or phone
 * (see api/erasure.ts for what goes and what stays). Uses the same environment as the worker.
 */
import { parseArgs } from 'node:util';
import { Chains } from '../api/chains';
import { eraseOrder } from '../api/erasure';
import { loadConfigOrExit } from '../common/config';
import { connectClient } from '../common/temporal';
import { createStore } from '../store';
import { addressKeyer } from '../store/address-key';

const { values } = parseArgs({
  options: { shop: { type: 'string' }, order: { type: 'string' }, contact: { type: 'string' } },
});
const { shop, order, contact } = values;
if (!shop || Boolean(order) === Boolean(contact)) {
  console.error('usage: npm run erase -- --shop <id> (--order <orderId> | --contact <email or phone>)');
  process.exit(2);
}
const config = loadConfigOrExit();
if (!config.shops.has(shop)) {
  console.error(`no shop "${shop}" in the configuration`);
  process.exit(2);
}
const client = await connectClient(config.temporal, config);
const store = await createStore(config);
try {
  const orders = order ? [order] : [];
  if (contact) {
    const chains = new Chains(client, config.taskQueue, addressKeyer(config.secret));
    for (let token: string | undefined, first = true; first || token; first = false) {
      const page = await chains.list(shop, { contact }, { size: 100, token });
      orders.push(...page.items.map((i) => i.orderId));
      token = page.nextPageToken;
    }
  }
  for (const orderId of orders) {
    const erased = await eraseOrder({ client, store, config }, shop, orderId);
    console.log(
      `${orderId}: ${erased.workflows} workflow(s) deleted, ${erased.notices} notice(s) scrubbed, ${erased.outboxLines} outbox line(s) removed`,
    );
  }
  if (!orders.length) console.log('no orders found');
} finally {
  await store.close();
  await client.connection.close();
}

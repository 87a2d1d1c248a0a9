/** How a chain is started, and how a repeated order is recognised as the same body (idempotent starts). */
import { createHash } from 'node:crypto';
import { Customer, type ChainInput, type OrderInput } from '../workflows/contract';
import { chainWorkflowId } from '../workflows/definitions';
import { ATTENTION, CARRIER, CONTACT, SHOP, STAGE } from '../workflows/search-attributes';

/** The hash of an order body as the caller sent it (before the shop's defaults filled it in). */
const bodyHashOf = (order: OrderInput) => createHash('sha256').update(JSON.stringify(order)).digest('hex');

/**
 * The hash chains before 0.3 kept: the body with the customer's locale "en" where it named none (the schema
 * filled it in then).
 */
function legacyBodyHashOf(order: OrderInput): string {
  const given: Record<string, unknown> = order.customer;
  const customer = Object.fromEntries(
    Object.keys(Customer.shape).flatMap((k) =>
      k === 'locale' ? [[k, given.locale ?? 'en']] : k in given ? [[k, given[k]]] : [],
    ),
  );
  return bodyHashOf({ ...order, customer } as OrderInput);
}

/** Whether a started chain's memo holds the hash of this body (as sent), now or as chains before 0.3 kept it. */
export function sameBody(memo: Record<string, unknown> | undefined, given: OrderInput): boolean {
  return [bodyHashOf(given), legacyBodyHashOf(given)].includes(String(memo?.bodyHash));
}

/**
 * How a chain is started: its id, the body's hash (for idempotent repeats) and its search
 * attributes, with the customer's contacts as keyed hashes (`contacts`) so support can find them;
 * `given` is the order as the caller sent it, when the shop's defaults completed it.
 */
export function chainStartOptions(
  input: ChainInput,
  taskQueue: string,
  contacts: string[] = [],
  given: OrderInput = input.order,
) {
  const { order, shop } = input;
  return {
    taskQueue,
    workflowId: chainWorkflowId(shop.id, order.orderId),
    args: [input] as [ChainInput],
    memo: { bodyHash: bodyHashOf(given) },
    // A finished chain keeps its order id: repeating an old order must not start it again.
    workflowIdReusePolicy: 'REJECT_DUPLICATE' as const,
    typedSearchAttributes: [
      { key: SHOP, value: shop.id },
      { key: CARRIER, value: order.carrier },
      { key: STAGE, value: 'accepted' },
      { key: ATTENTION, value: false },
      { key: CONTACT, value: contacts },
    ],
  };
}

/**
 * Erasing an order's customer data, on the real dev server: the chain is gone from Temporal and the ledger
 * forgets the text and the addresses.
 */
import request from 'supertest';
import { expect, it } from 'vitest';
import { eraseOrder } from '../../api/erasure';
import { event, orderBody, shopConfig } from '../helpers/fixtures';
import { waitForState } from '../helpers/chains';
import { apiBed } from '../helpers/api';

const KEY = 'acme-writer-key-0001';
const bed = apiBed({
  shops: [shopConfig()],
  apiKeys: [{ key: KEY, shop: 'acme', scopes: ['orders:write', 'chains:read'] }],
});

const api = (path: string) =>
  request(bed.app)
    .get(path)
    .set({ Authorization: `Bearer ${KEY}` });

async function eventually(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 100 && !(await check()); i++) await new Promise((r) => setTimeout(r, 200));
  expect(await check()).toBe(true);
}

it("erases an order: its chain leaves Temporal, the ledger keeps rows without text or addresses, and the customer's other order stays", () =>
  bed.env.withWorker(async () => {
    const mine = orderBody({
      customer: { ...orderBody().customer, email: 'erase-me@example.com', phone: '+48600999111' },
    });
    const other = orderBody({ customer: mine.customer });
    for (const body of [mine, other])
      await request(bed.app)
        .post('/v1/orders')
        .set({ Authorization: `Bearer ${KEY}` })
        .send(body)
        .expect(201);
    const handle = bed.env.client.workflow.getHandle(`order-acme-${mine.orderId}`);
    await request(bed.app)
      .post(`/v1/orders/${mine.orderId}/events`)
      .set({ Authorization: `Bearer ${KEY}` })
      .send(event('handed_to_carrier'))
      .expect(202);
    await waitForState(handle, (s) => s.touchpoints.filter((t) => t.notices[0]?.status === 'sent').length >= 2);
    const chainId = `order-acme-${mine.orderId}`;
    const rows = () =>
      bed.env.store.sql.query<{ notice: unknown; address_key: string }>(
        'select notice, address_key from sends where chain_id = $1',
        [chainId],
      );
    expect((await rows()).every((r) => r.notice !== null)).toBe(true);
    const inTransit = async () => (await bed.env.store.facts.stageCounts()).get('handed_to_carrier');
    expect(await inTransit()).toBe(1);

    const erased = await eraseOrder(bed.env, 'acme', mine.orderId);
    expect(erased.workflows).toBe(1);
    expect(erased.notices).toBeGreaterThanOrEqual(2);
    const after = await rows();
    expect(after.length).toBe(erased.notices);
    expect(after.every((r) => r.notice === null && r.address_key === 'erased')).toBe(true);
    expect(await inTransit()).toBe(0);
    // Temporal deletes in the background: the chain and its visibility record go shortly.
    await eventually(async () => (await api(`/v1/orders/${mine.orderId}`)).status === 404);
    await eventually(async () => {
      const listed = await api(`/v1/orders?contact=${encodeURIComponent('erase-me@example.com')}`);
      return (
        JSON.stringify(listed.body.items.map((i: { orderId: string }) => i.orderId)) === JSON.stringify([other.orderId])
      );
    });
    expect((await api(`/v1/orders/${other.orderId}`)).status).toBe(200);
    expect(await eraseOrder(bed.env, 'acme', mine.orderId)).toEqual({ workflows: 0, notices: 0, outboxLines: 0 });
  }));

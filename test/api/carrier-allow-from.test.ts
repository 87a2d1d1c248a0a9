/**
 * A carrier endpoint's allow-list behind a load balancer: with TRUST_PROXY naming the proxy, the caller
 * is the address X-Forwarded-For gives; without it, the header is ignored (anyone could send it).
 */
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { apiBed } from '../helpers/api';
import { shopConfig } from '../helpers/fixtures';

const KEY = 'allow-from-url-key-0000000001';
const config = {
  shops: [shopConfig()],
  carrierWebhooks: [
    { id: 'acme-cdek', shop: 'acme', carrier: 'cdek', format: 'cdek', keys: [KEY], allowFrom: ['192.0.2.0/24'] },
  ],
};
type ApiBedApp = Parameters<typeof request>[0];

/** A delivery with no body worth reading: the answer says how far it got (403 at the list, 400 past it). */
const deliver = (app: ApiBedApp, forwardedFor: string) =>
  request(app)
    .post(`/webhooks/carriers/acme-cdek?key=${KEY}`)
    .set({ 'content-type': 'application/json', 'x-forwarded-for': forwardedFor })
    .send('{}');
describe('behind a proxy Doorstep trusts (TRUST_PROXY=loopback)', () => {
  const bed = apiBed(config, () => ({ TRUST_PROXY: 'loopback' }));
  it("takes the carrier's address from X-Forwarded-For", async () => {
    expect((await deliver(bed.app, '192.0.2.7')).status).toBe(400);
    const outside = await deliver(bed.app, '203.0.113.9');
    expect([outside.status, outside.body.detail]).toEqual([403, 'not from an allowed address']);
  });
});

describe('without TRUST_PROXY', () => {
  const bed = apiBed(config);
  it('ignores X-Forwarded-For: the connection comes from outside the list', async () => {
    expect((await deliver(bed.app, '192.0.2.7')).status).toBe(403);
  });
});

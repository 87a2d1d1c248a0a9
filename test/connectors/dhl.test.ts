/**
 * DHL Shipment Tracking - Unified: the real client against a local endpoint answering DHL's documented
 * payloads (test/fixtures/carriers/dhl-shipment.json); every row of the status table.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dhlClient } from '../../connectors/carriers/dhl/client';
import { DHL_STATUSES } from '../../connectors/carriers/dhl/statuses';
import { meaningOf } from '../../connectors/carriers/model';
import { CarrierBusy, CarrierError } from '../../connectors/carriers/polling/answer';
import { carrierEndpoint, type CarrierEndpoint, type CarrierReply } from '../../scripts/chaos/carrier-endpoint';

const fixture = JSON.parse(readFileSync('test/fixtures/carriers/dhl-shipment.json', 'utf8'));
const json = (status: number, body: unknown, headers: Record<string, string> = {}): CarrierReply => ({
  status,
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

let next: CarrierReply;
let endpoint: CarrierEndpoint;
beforeAll(async () => {
  endpoint = await carrierEndpoint(() => next);
});
afterAll(() => endpoint.close());

const client = () => dhlClient('DHL', { baseUrl: endpoint.url, apiKey: 'demo-key' });

describe('DHL client', () => {
  it('asks GET /track/shipments?trackingNumber=… with the DHL-API-Key header', async () => {
    next = json(200, fixture.body);
    await client()('7777777770');
    const call = endpoint.calls.at(-1)!;
    expect(call).toMatchObject({ method: 'GET', path: '/track/shipments', number: '7777777770' });
    expect(call.headers['dhl-api-key']).toBe('demo-key');
  });

  it("reads the documented answer as updates, oldest first, DHL's ETA on the current status", async () => {
    next = json(200, fixture.body);
    const answer = await client()('7777777770');
    expect(answer.found && answer.final).toBe(false);
    if (!answer.found) throw new Error('not found');
    expect(answer.updates.map((u) => [u.meaning.event, u.at, u.status.eta])).toEqual([
      ['handed_to_carrier', '2018-08-01T14:22:00.000Z', undefined],
      ['in_transit', '2018-08-03T00:00:00.000Z', '2018-08-05'],
    ]);
    expect(answer.updates[1]!.status).toMatchObject({
      code: 'transit',
      text: 'Arrived at Delivery Facility in MIAMI - USA',
    });
    expect(answer.updates[1]!.eventId).toBe('dhl:7777777770:transit:2018-08-03T00:00:00.000Z:2018-08-05');
  });

  it('gives the same status a new id when DHL revises its estimate (news for the chain), the older ones keep theirs', async () => {
    next = json(200, fixture.body);
    const before = await client()('7777777770');
    const revised = structuredClone(fixture.body);
    revised.shipments[0].estimatedTimeOfDelivery = '2018-08-07T17:00:00Z';
    next = json(200, revised);
    const after = await client()('7777777770');
    if (!before.found || !after.found) throw new Error('not found');
    expect(after.updates[0]!.eventId).toBe(before.updates[0]!.eventId);
    expect(after.updates[1]!.eventId).toBe('dhl:7777777770:transit:2018-08-03T00:00:00.000Z:2018-08-07');
    expect(after.updates[1]!.status.eta).toBe('2018-08-07');
  });

  it('gives the same event ids to the same statuses on every poll', async () => {
    next = json(200, fixture.body);
    const [a, b] = [await client()('7777777770'), await client()('7777777770')];
    expect(a).toEqual(b);
  });

  it('is final once DHL says delivered', async () => {
    const delivered = structuredClone(fixture.body);
    delivered.shipments[0].status = { timestamp: '2018-08-05T09:12:00Z', statusCode: 'delivered', status: 'DELIVERED' };
    next = json(200, delivered);
    const answer = await client()('7777777770');
    expect(answer.found && answer.final).toBe(true);
    expect(answer.found && answer.updates.at(-1)!.meaning).toEqual({ event: 'delivered' });
  });

  it('answers not found for a 404', async () => {
    next = json(404, fixture.notFound);
    expect(await client()('000')).toEqual({ found: false });
  });

  it("throws CarrierBusy with DHL's Retry-After for a 429, and for a 5xx", async () => {
    next = json(429, { title: 'Too many requests' }, { 'retry-after': '7' });
    await expect(client()('1')).rejects.toMatchObject({ status: 429, retryAfterMs: 7000 });
    next = json(503, {});
    await expect(client()('1')).rejects.toBeInstanceOf(CarrierBusy);
  });

  it('throws CarrierError for a 401 and for a body DHL does not document', async () => {
    next = json(401, { title: 'Unauthorized' });
    await expect(client()('1')).rejects.toBeInstanceOf(CarrierError);
    next = json(200, { shipments: [] });
    await expect(client()('1')).rejects.toBeInstanceOf(CarrierError);
  });
});

describe("DHL's status table", () => {
  it.each([
    ['pre-transit', { event: 'handed_to_carrier' }],
    ['transit', { event: 'in_transit' }],
    ['delivered', { event: 'delivered' }],
    ['failure', { event: 'exception', reason: 'other' }],
    ['unknown', { event: 'carrier_status' }],
  ])('%s means %j', (code, meaning) => {
    expect(meaningOf(DHL_STATUSES, code)).toEqual(meaning);
  });

  it('has no row the test above does not name', () => {
    expect(Object.keys(DHL_STATUSES).sort()).toEqual(['delivered', 'failure', 'pre-transit', 'transit']);
  });
});

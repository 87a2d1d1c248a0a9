/**
 * Poczta Polska's Sledzenie web service: the real client against a local SOAP endpoint answering the
 * service's documented envelope (test/fixtures/carriers/poczta-polska-sprawdz-przesylke.xml); every
 * row of the status table.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meaningOf } from '../../connectors/carriers/model';
import { pocztaPolskaClient, warsawTime } from '../../connectors/carriers/poczta-polska/client';
import { POCZTA_STATUSES } from '../../connectors/carriers/poczta-polska/statuses';
import { CarrierBusy } from '../../connectors/carriers/polling/answer';
import { carrierEndpoint, type CarrierEndpoint, type CarrierReply } from '../../scripts/chaos/carrier-endpoint';

const ANSWER = readFileSync('test/fixtures/carriers/poczta-polska-sprawdz-przesylke.xml', 'utf8');
const NUMBER = '00659007734210841438';
const xml = (body: string): CarrierReply => ({ status: 200, headers: { 'content-type': 'text/xml' }, body });
const withStatus = (status: number) =>
  ANSWER.replace('<ax21:status>0</ax21:status>', `<ax21:status>${status}</ax21:status>`);

let next: CarrierReply;
let endpoint: CarrierEndpoint;
beforeAll(async () => {
  endpoint = await carrierEndpoint(() => next);
});
afterAll(() => endpoint.close());

const client = (apiKey?: string) => pocztaPolskaClient('Poczta Polska', { baseUrl: endpoint.url, apiKey });

describe('Poczta Polska client', () => {
  it('posts sprawdzPrzesylke to /Sledzenie/services/Sledzenie with the public WS-Security account', async () => {
    next = xml(ANSWER);
    await client()(NUMBER);
    const call = endpoint.calls.at(-1)!;
    expect(call).toMatchObject({ method: 'POST', path: '/Sledzenie/services/Sledzenie', number: NUMBER });
    expect(call.headers.soapaction).toBe('"http://sledzenie.pocztapolska.pl/sprawdzPrzesylke"');
    expect(call.body).toContain('<wsse:Username>sledzeniepp</wsse:Username>');
    expect(call.body).toMatch(/<wsse:Password Type="[^"]+#PasswordText">PPSA<\/wsse:Password>/);
    expect(call.body).toContain('<sled:sprawdzPrzesylke><sled:numer>');
  });

  it('signs in with a dedicated account given as user:password', async () => {
    next = xml(ANSWER);
    await client('shop-account:s3cr:et')(NUMBER);
    expect(endpoint.calls.at(-1)!.body).toContain('<wsse:Username>shop-account</wsse:Username>');
    expect(endpoint.calls.at(-1)!.body).toContain('>s3cr:et</wsse:Password>');
  });

  it('reads the events as updates, oldest first, at their Warsaw times', async () => {
    next = xml(ANSWER);
    const answer = await client()(NUMBER);
    if (!answer.found) throw new Error('not found');
    expect(answer.final).toBe(false);
    expect(answer.updates.map((u) => [u.meaning.event, u.at, u.status.code, u.status.text])).toEqual([
      ['handed_to_carrier', '2026-11-20T13:05:00.000Z', 'P_NAD', 'Nadanie'],
      ['out_for_delivery', '2026-11-21T05:40:00.000Z', 'P_WD', 'Wydanie do doręczenia'],
    ]);
    expect(answer.updates[0]!.eventId).toBe('poczta polska:00659007734210841438:P_NAD:2026-11-20T13:05:00.000Z');
  });

  it('is final at an event the service marks konczace', async () => {
    next = xml(
      ANSWER.replace(
        '<ax21:kod>P_WD</ax21:kod>\n              <ax21:konczace>false',
        '<ax21:kod>P_D</ax21:kod>\n              <ax21:konczace>true',
      ),
    );
    const answer = await client()(NUMBER);
    expect(answer.found && answer.final).toBe(true);
    expect(answer.found && answer.updates.at(-1)!.meaning).toEqual({ event: 'delivered' });
  });

  it('answers not found for status -1 and -2, and backs off for -99 and an HTTP 500', async () => {
    for (const s of [-1, -2]) {
      next = xml(withStatus(s));
      expect(await client()(NUMBER)).toEqual({ found: false });
    }
    next = xml(withStatus(-99));
    await expect(client()(NUMBER)).rejects.toBeInstanceOf(CarrierBusy);
    next = { status: 500, body: 'soap fault' };
    await expect(client()(NUMBER)).rejects.toMatchObject({ status: 500 });
  });

  it('reads summer and winter Warsaw times', () => {
    expect(warsawTime('2026-07-01 12:00')).toBe('2026-07-01T10:00:00.000Z');
    expect(warsawTime('2026-01-15 12:00')).toBe('2026-01-15T11:00:00.000Z');
  });
});

describe("Poczta Polska's status table", () => {
  it.each([
    ['P_NAD', { event: 'handed_to_carrier' }],
    ['P_PZL', { event: 'in_transit' }],
    ['P_WZL', { event: 'in_transit' }],
    ['P_ZWC', { event: 'exception', reason: 'customs' }],
    ['P_WD', { event: 'out_for_delivery' }],
    ['P_WDML', { event: 'out_for_delivery' }],
    ['P_ND', { event: 'delivery_failed' }],
    ['P_A', { event: 'exception', reason: 'consignee_not_home' }],
    ['P_D', { event: 'delivered' }],
    ['P_OWU', { event: 'delivered' }],
    ['P_KWD', { event: 'carrier_status' }],
    ['P_NDZ', { event: 'carrier_status' }],
  ])('%s means %j', (code, meaning) => {
    expect(meaningOf(POCZTA_STATUSES, code)).toEqual(meaning);
  });

  it('has no row the test above does not name', () => {
    expect(Object.keys(POCZTA_STATUSES)).toHaveLength(10);
  });
});

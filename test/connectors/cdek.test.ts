/**
 * CDEK v2 webhooks ORDER_STATUS and DELIV_PROBLEM: the sample payloads read as updates, every row of
 * both tables through the parser, and the URL key (CDEK signs nothing).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cdek, isoOffset } from '../../connectors/carriers/cdek/format';
import { CDEK_PROBLEMS, CDEK_STATUSES } from '../../connectors/carriers/cdek/statuses';
import { FormatError } from '../../connectors/carriers/model';

const fixture = (name: string) => JSON.parse(readFileSync(`test/fixtures/carriers/${name}.json`, 'utf8')).body;
const KEY = 'cdek-url-key-0123456789abcdefgh';
const endpoint = { id: 'acme-cdek', shop: 'acme', carrier: 'CDEK', keys: [KEY] };
const withCode = (name: string, code: string) => {
  const body = fixture(name);
  return { ...body, attributes: { ...body.attributes, code } };
};
const parse = async (body: unknown) => await cdek.parse(body, endpoint);
const statusMeaning = async (code: string) => (await parse(withCode('cdek-order-status', code)))[0]!.meaning;
const problemMeaning = async (code: string) => (await parse(withCode('cdek-deliv-problem', code)))[0]!.meaning;

/** What each order status is expected to mean, written out apart from the table. */
const STATUSES: Record<string, string[]> = {
  carrier_status: [
    'CREATED',
    'REMOVED',
    'RETURNED_TO_SENDER_WAREHOUSE',
    'RETURNED_TO_TRANSIT_WAREHOUSE',
    'SEND_TO_SENDING_OFFICE',
    'MET_AT_SENDING_OFFICE',
  ],
  handed_to_carrier: ['RECEIVED_AT_SHIPMENT_WAREHOUSE'],
  in_transit: [
    'READY_TO_SHIP_AT_SENDING_OFFICE',
    'READY_FOR_SHIPMENT_IN_SENDER_CITY',
    'PASSED_TO_CARRIER_AT_SENDING_OFFICE',
    'TAKEN_BY_TRANSPORTER_FROM_SENDER_CITY',
    'SEND_TO_TRANSIT_OFFICE',
    'SENT_TO_TRANSIT_CITY',
    'MET_AT_TRANSIT_OFFICE',
    'ACCEPTED_IN_TRANSIT_CITY',
    'ACCEPTED_TO_OFFICE_TRANSIT_WAREHOUSE',
    'ACCEPTED_AT_TRANSIT_WAREHOUSE',
    'ENTERED_TO_OFFICE_TRANSIT_WAREHOUSE',
    'READY_TO_SHIP_IN_TRANSIT_OFFICE',
    'READY_FOR_SHIPMENT_IN_TRANSIT_CITY',
    'PASSED_TO_CARRIER_AT_TRANSIT_OFFICE',
    'TAKEN_BY_TRANSPORTER_FROM_TRANSIT_CITY',
    'SEND_TO_RECIPIENT_OFFICE',
    'SENT_TO_RECIPIENT_CITY',
    'IN_CUSTOMS_INTERNATIONAL',
    'SHIPPED_TO_DESTINATION',
    'PASSED_TO_TRANSIT_CARRIER',
    'IN_CUSTOMS_LOCAL',
    'CUSTOMS_COMPLETE',
  ],
  arrived_in_city: [
    'MET_AT_RECIPIENT_OFFICE',
    'ACCEPTED_IN_RECIPIENT_CITY',
    'ACCEPTED_AT_DELIVERY_WAREHOUSE',
    'ENTERED_TO_DELIVERY_WAREHOUSE',
    'ACCEPTED_AT_RECIPIENT_CITY_WAREHOUSE',
  ],
  ready_for_pickup: [
    'ACCEPTED_AT_WAREHOUSE_ON_DEMAND',
    'ENTERED_TO_WAREHOUSE_ON_DEMAND',
    'ACCEPTED_AT_PICK_UP_POINT',
    'POSTOMAT_POSTED',
  ],
  pickup_expired: ['POSTOMAT_SEIZED'],
  picked_up: ['POSTOMAT_RECEIVED'],
  out_for_delivery: ['ISSUED_FOR_DELIVERY', 'TAKEN_BY_COURIER'],
  delivery_failed: ['RETURNED_TO_DELIVERY_WAREHOUSE', 'RETURNED_TO_RECIPIENT_CITY_WAREHOUSE'],
  delivered: ['DELIVERED'],
  'exception:other': ['NOT_DELIVERED'],
};

/** What each delivery problem is expected to mean. */
const PROBLEMS: Record<string, string[]> = {
  'exception:address_problem': ['1', '19', '42', '43', '44', '46', '47', '48'],
  'exception:consignee_not_home': ['13', '17'],
  'exception:capacity': ['35', '37'],
  'exception:lost': ['55'],
  'exception:other': ['9', '11', '36', '38', '39', '40', '41', '45', '49', '52', '54', '57'],
  carrier_status: ['53', '56'],
};

const rows = (expected: Record<string, string[]>) =>
  Object.entries(expected).flatMap(([meaning, codes]) => codes.map((code) => [code, meaning]));
const asMeaning = (expected: string) => {
  const [event, reason] = expected.split(':');
  return reason ? { event, reason } : { event };
};

describe('CDEK format', () => {
  it('reads an ORDER_STATUS: the CDEK number, its time with the offset, the city as text', async () => {
    expect(await parse(fixture('cdek-order-status'))).toEqual([
      {
        carrier: 'CDEK',
        trackingNumber: '1106207236',
        eventId: 'cdek-1106207236-DELIVERED-1715670930',
        at: '2024-05-14T10:15:30+03:00',
        status: { code: 'DELIVERED', text: 'Москва' },
        meaning: { event: 'delivered' },
      },
    ]);
  });

  it('reads a DELIV_PROBLEM as an exception with its normalized reason', async () => {
    expect(await parse(fixture('cdek-deliv-problem'))).toEqual([
      {
        carrier: 'CDEK',
        trackingNumber: '1106207236',
        eventId: 'cdek-1106207236-DELIV_PROBLEM:13-1715679600',
        at: '2024-05-14T12:40:00+03:00',
        status: { code: 'DELIV_PROBLEM:13' },
        meaning: { event: 'exception', reason: 'consignee_not_home' },
      },
    ]);
  });

  it.each(rows(STATUSES))('maps ORDER_STATUS %s to %s', async (code, expected) => {
    expect(await statusMeaning(code!)).toEqual(asMeaning(expected!));
  });

  it.each(rows(PROBLEMS))('maps DELIV_PROBLEM %s to %s', async (code, expected) => {
    expect(await problemMeaning(code!)).toEqual(asMeaning(expected!));
  });

  it('has a test row for every table row, and keeps a code it does not know as carrier_status', async () => {
    expect(Object.values(STATUSES).flat().sort()).toEqual(Object.keys(CDEK_STATUSES).sort());
    expect(Object.values(PROBLEMS).flat().sort()).toEqual(Object.keys(CDEK_PROBLEMS).sort());
    expect(await statusMeaning('SOMETHING_NEW')).toEqual({ event: 'carrier_status' });
    expect(await problemMeaning('99')).toEqual({ event: 'carrier_status' });
  });

  it('reads no update from other webhook types, and refuses a body of another shape', async () => {
    const printForm = {
      type: 'PRINT_FORM',
      date_time: '2024-05-14T10:15:30+0300',
      uuid: 'u-1',
      attributes: { code: 'x' },
    };
    expect(await parse(printForm)).toEqual([]);
    await expect(parse({ type: 'ORDER_STATUS' })).rejects.toThrow(FormatError);
    const undated = withCode('cdek-order-status', 'DELIVERED');
    delete undated.attributes.status_date_time;
    await expect(parse(undated)).rejects.toThrow('ORDER_STATUS without attributes.status_date_time');
    expect(isoOffset('2024-05-14T10:15:30+0300')).toBe('2024-05-14T10:15:30+03:00');
    expect(isoOffset('2024-05-14T10:15:30Z')).toBe('2024-05-14T10:15:30Z');
  });

  it('takes a delivery with one of its URL keys only', () => {
    const request = (query: Record<string, string>) => ({
      body: Buffer.from('{}'),
      headers: {},
      query,
      ip: '127.0.0.1',
    });
    expect(cdek.verify(request({ key: KEY }), endpoint)).toBeUndefined();
    expect(cdek.verify(request({ key: `${KEY}x` }), endpoint)).toBe('no matching key');
  });
});

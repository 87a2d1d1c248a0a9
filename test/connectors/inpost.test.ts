/**
 * InPost ShipX status webhooks: the documented payloads read as updates, every row of the status
 * table through the parser, and the URL key (ShipX signs nothing).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inpost, shipxTime } from '../../connectors/carriers/inpost/format';
import { INPOST_STATUSES } from '../../connectors/carriers/inpost/statuses';
import { FormatError } from '../../connectors/carriers/model';

const fixture = (name: string) => JSON.parse(readFileSync(`test/fixtures/carriers/${name}.json`, 'utf8')).body;
const KEY = 'inpost-url-key-0123456789abcdef';
const endpoint = { id: 'acme-inpost', shop: 'acme', carrier: 'InPost', keys: [KEY], pickupHours: 72 };
const withStatus = (status: string) => {
  const body = fixture('inpost-status-changed');
  return { ...body, payload: { ...body.payload, status } };
};
const parse = async (body: unknown) => await inpost.parse(body, endpoint);
const meaningOf = async (status: string) => (await parse(withStatus(status)))[0]!.meaning;

/** What each ShipX status is expected to mean, written out apart from the table. */
const EXPECTED: Record<string, string[]> = {
  carrier_status: [
    'created',
    'offers_prepared',
    'offer_selected',
    'confirmed',
    'pickup_reminder_sent',
    'pickup_reminder_sent_address',
    'canceled',
    'canceled_redirect_to_box',
    'other',
  ],
  handed_to_carrier: [
    'dispatched_by_sender',
    'dispatched_by_sender_to_pok',
    'collected_from_sender',
    'taken_by_courier',
    'taken_by_courier_from_pok',
  ],
  in_transit: [
    'adopted_at_source_branch',
    'sent_from_source_branch',
    'adopted_at_sorting_center',
    'sent_from_sorting_center',
    'redirect_to_box',
    'unstack_from_box_machine',
    'unstack_from_customer_service_point',
  ],
  arrived_in_city: ['adopted_at_target_branch'],
  out_for_delivery: ['out_for_delivery', 'out_for_delivery_to_address'],
  ready_for_pickup: [
    'ready_to_pickup',
    'ready_to_pickup_from_pok',
    'ready_to_pickup_from_pok_registered',
    'stack_in_box_machine',
    'stack_in_customer_service_point',
  ],
  pickup_expired: [
    'pickup_time_expired',
    'stack_parcel_pickup_time_expired',
    'stack_parcel_in_box_machine_pickup_time_expired',
  ],
  delivered: ['delivered'],
  delivery_failed: ['avizo', 'courier_avizo_in_customer_service_point'],
  returned_to_sender: ['returned_to_sender'],
  'exception:address_problem': [
    'undelivered_wrong_address',
    'undelivered_incomplete_address',
    'undelivered_unknown_receiver',
    'undelivered_not_live_address',
    'undelivered_no_mailbox',
    'undelivered_lack_of_access_letterbox',
  ],
  'exception:other': ['undelivered_cod_cash_receiver', 'undelivered', 'rejected_by_receiver', 'oversized', 'claimed'],
  'exception:capacity': ['delay_in_delivery'],
  'exception:lost': ['missing'],
};

describe('InPost ShipX format', () => {
  it('reads the documented status change: the parcel, the time with its offset, the pickup deadline', async () => {
    const [update, ...rest] = await parse(fixture('inpost-status-changed'));
    expect(rest).toEqual([]);
    expect(update).toEqual({
      carrier: 'InPost',
      trackingNumber: '602677439331630337653846',
      eventId: 'inpost-49-ready_to_pickup-1584713322',
      at: '2020-03-20T15:08:42+01:00',
      status: { code: 'ready_to_pickup' },
      meaning: { event: 'ready_for_pickup' },
      data: { pickupUntil: '2020-03-23T14:08:42.000Z' },
    });
    expect(shipxTime('2020-07-17 12:57:29 -0330')).toBe('2020-07-17T12:57:29-03:30');
  });

  it.each(Object.entries(EXPECTED).flatMap(([meaning, codes]) => codes.map((code) => [code, meaning])))(
    'maps %s to %s',
    async (code, expected) => {
      const [event, reason] = expected!.split(':');
      expect(await meaningOf(code!)).toEqual(reason ? { event, reason } : { event });
    },
  );

  it('has a test row for every table row, and keeps a status it does not know as carrier_status', async () => {
    expect(Object.values(EXPECTED).flat().sort()).toEqual(Object.keys(INPOST_STATUSES).sort());
    expect(await meaningOf('teleported_to_mars')).toEqual({ event: 'carrier_status' });
  });

  it('reads no update from shipment_confirmed or a status without a number, refuses a body of another shape', async () => {
    expect(await parse(fixture('inpost-shipment-confirmed'))).toEqual([]);
    const noNumber = withStatus('delivered');
    noNumber.payload.tracking_number = null;
    expect(await parse(noNumber)).toEqual([]);
    await expect(parse({ event: 'shipment_status_changed' })).rejects.toThrow(FormatError);
    await expect(parse({ ...withStatus('delivered'), event_ts: '2020-03-20T15:08:42Z' })).rejects.toThrow(/event_ts/);
  });

  it('takes a delivery with one of its URL keys only', () => {
    const request = (query: Record<string, string>) => ({
      body: Buffer.from('{}'),
      headers: {},
      query,
      ip: '91.216.25.7',
    });
    expect(inpost.verify(request({ key: KEY }), endpoint)).toBeUndefined();
    expect(inpost.verify(request({ key: 'inpost-url-key-forged-000000000' }), endpoint)).toBe('no matching key');
    expect(inpost.verify(request({}), endpoint)).toBe('no key in the URL');
  });

  it('checks its configuration with paths', () => {
    const bad = inpost.config.safeParse({ keys: ['short'], pickupHours: 0 });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.path.join('.')).sort()).toEqual(['keys.0', 'pickupHours']);
    expect(inpost.config.parse({ keys: [KEY] }).pickupHours).toBe(72);
  });
});

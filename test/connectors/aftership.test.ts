/**
 * AfterShip's push format on its own: the signature the AfterShip way (base64 HMAC-SHA256 of the raw
 * body), the documented tracking_update sample read as one update, and every row of the tag and
 * subtag tables against the meaning it must have.
 */
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { aftership } from '../../connectors/carriers/aftership/format';
import { AFTERSHIP_SUBTAGS, AFTERSHIP_TAGS } from '../../connectors/carriers/aftership/statuses';
import { FormatError, type StatusMeaning } from '../../connectors/carriers/model';

const SAMPLE = JSON.parse(readFileSync('test/fixtures/carriers/aftership-tracking-update.json', 'utf8')).body;
const ENDPOINT = { id: 'acme-aftership', shop: 'acme', secrets: ['old-aftership-secret', 'new-aftership-secret'] };
const sign = (body: Buffer | string, secret: string) => createHmac('sha256', secret).update(body).digest('base64');
const request = (body: string, signature?: string) => ({
  body: Buffer.from(body),
  headers: { 'aftership-hmac-sha256': signature },
  query: {},
  ip: '127.0.0.1',
});

/** A sample whose tracking is now `tag`/`subtag`. */
const withStatus = (tag: string, subtag?: string) => ({ ...SAMPLE, msg: { ...SAMPLE.msg, tag, subtag } });

describe('AfterShip signatures', () => {
  const raw = JSON.stringify(SAMPLE);

  it('takes a body signed with either secret of a rotation', () => {
    expect(aftership.verify(request(raw, sign(raw, 'old-aftership-secret')), ENDPOINT)).toBeUndefined();
    expect(aftership.verify(request(raw, sign(raw, 'new-aftership-secret')), ENDPOINT)).toBeUndefined();
  });

  it("refuses a stranger's signature, an altered body, a hex digest and no header", () => {
    expect(aftership.verify(request(raw, sign(raw, 'a-stranger-secret')), ENDPOINT)).toBe('no matching signature');
    const altered = raw.replace('InTransit_001', 'Delivered_001');
    expect(aftership.verify(request(altered, sign(raw, 'old-aftership-secret')), ENDPOINT)).toBe(
      'no matching signature',
    );
    const hex = createHmac('sha256', 'old-aftership-secret').update(raw).digest('hex');
    expect(aftership.verify(request(raw, hex), ENDPOINT)).toBe('no matching signature');
    expect(aftership.verify(request(raw), ENDPOINT)).toBe('no aftership-hmac-sha256 header');
  });
});

describe('the AfterShip tracking_update', () => {
  it("reads the documented sample as one update: the slug's carrier, the subtag, its text and ETA, the event's time", async () => {
    const [update, ...more] = await aftership.parse(SAMPLE, { ...ENDPOINT, carriers: { usps: 'USPS Ground' } });
    expect(more).toEqual([]);
    expect(update).toMatchObject({
      carrier: 'USPS Ground',
      trackingNumber: '9361289676091361892011',
      // The checkpoint's time names no offset: the delivery's ts (UTC) is taken instead.
      at: '2021-01-14T00:52:00.000Z',
      status: { code: 'InTransit_001', text: 'In Transit', eta: '2021-01-16' },
      meaning: { event: 'in_transit' },
    });
    expect(aftership.deliveryId?.(SAMPLE)).toBe('aftership:3f645f5e-530b-4062-8695-db6a64420af8');
  });

  it('gives one status of one parcel one event id, whichever delivery carries it; another status or ETA another', async () => {
    const [first] = await aftership.parse(SAMPLE, ENDPOINT);
    const [again] = await aftership.parse({ ...SAMPLE, event_id: 'another-delivery' }, ENDPOINT);
    const [delivered] = await aftership.parse(withStatus('Delivered', 'Delivered_001'), ENDPOINT);
    const [revised] = await aftership.parse(
      { ...SAMPLE, event: 'edd_revise', msg: { ...SAMPLE.msg, expected_delivery: '2021-01-19' } },
      ENDPOINT,
    );
    expect(again!.eventId).toBe(first!.eventId);
    // AfterShip's revised ETA (edd_revise) reaches the chain as news, with the new date.
    expect(revised!.eventId).not.toBe(first!.eventId);
    expect(revised!.status.eta).toBe('2021-01-19');
    expect(delivered!.eventId).not.toBe(first!.eventId);
    expect(first!.carrier).toBe('usps');
  });

  it("takes a checkpoint time that names its offset, a failed attempt's text as its reason and who signed", async () => {
    const failed = withStatus('AttemptFail', 'AttemptFail_001');
    const timed = { ...SAMPLE.msg.checkpoints[0], checkpoint_time: '2021-01-14T10:15:00+01:00' };
    failed.msg = { ...failed.msg, subtag_message: 'Failed Attempt', checkpoints: [timed] };
    const [attempt] = await aftership.parse(failed, ENDPOINT);
    expect(attempt).toMatchObject({ at: '2021-01-14T10:15:00+01:00', data: { reason: 'Failed Attempt' } });
    const signed = withStatus('Delivered', 'Delivered_003');
    signed.msg = { ...signed.msg, signed_by: 'J. Doe' };
    expect((await aftership.parse(signed, ENDPOINT))[0]!.data).toEqual({ proof: 'signed by J. Doe' });
  });

  it('refuses a body that is no tracking webhook, naming the field', () => {
    expect(() => aftership.parse({ event: 'tracking_update', msg: { slug: 'usps' } }, ENDPOINT)).toThrow(FormatError);
    expect(() => aftership.parse({ msg: { ...SAMPLE.msg, tag: 7 } }, ENDPOINT)).toThrow(/msg\.tag/);
  });
});

/** Every tag and subtag the tables name, with the meaning it must have (written out, not read from the table). */
const EXPECTED: [code: string, meaning: StatusMeaning][] = [
  ['Pending', { event: 'carrier_status' }],
  ['InfoReceived', { event: 'packed' }],
  ['InTransit', { event: 'in_transit' }],
  ['OutForDelivery', { event: 'out_for_delivery' }],
  ['AttemptFail', { event: 'delivery_failed' }],
  ['Delivered', { event: 'delivered' }],
  ['AvailableForPickup', { event: 'arrived_in_city' }],
  ['Exception', { event: 'exception', reason: 'other' }],
  ['Expired', { event: 'carrier_status' }],
  ['Exception_001', { event: 'exception', reason: 'other' }],
  ['Exception_002', { event: 'exception', reason: 'address_problem' }],
  ['Exception_003', { event: 'exception', reason: 'other' }],
  ['Exception_004', { event: 'exception', reason: 'customs' }],
  ['Exception_005', { event: 'exception', reason: 'other' }],
  ['Exception_006', { event: 'exception', reason: 'other' }],
  ['Exception_007', { event: 'exception', reason: 'address_problem' }],
  ['Exception_008', { event: 'pickup_expired' }],
  ['Exception_009', { event: 'exception', reason: 'other' }],
  ['Exception_010', { event: 'returned_to_sender' }],
  ['Exception_011', { event: 'returned_to_sender' }],
  ['Exception_012', { event: 'exception', reason: 'damaged' }],
  ['Exception_013', { event: 'exception', reason: 'lost' }],
  ['Exception_016', { event: 'exception', reason: 'capacity' }],
  ['Exception_017', { event: 'exception', reason: 'weather' }],
  ['Exception_018', { event: 'exception', reason: 'customs' }],
];

describe('the AfterShip status table', () => {
  it('has a row for exactly the statuses tested here', () => {
    expect(Object.keys({ ...AFTERSHIP_TAGS, ...AFTERSHIP_SUBTAGS }).sort()).toEqual(EXPECTED.map(([c]) => c).sort());
  });

  it.each(EXPECTED)('%s means %o', async (code, meaning) => {
    const tag = code.split('_')[0]!;
    const [update] = await aftership.parse(withStatus(tag, code === tag ? '' : code), ENDPOINT);
    expect(update!.meaning).toEqual(meaning);
    expect(update!.status.code).toBe(code);
  });

  it("reads a subtag no row names by its tag's row, and a tag no row names as unmapped", async () => {
    const [byTag] = await aftership.parse(withStatus('OutForDelivery', 'OutForDelivery_003'), ENDPOINT);
    expect(byTag).toMatchObject({ meaning: { event: 'out_for_delivery' }, status: { code: 'OutForDelivery_003' } });
    const [unmapped] = await aftership.parse(withStatus('Teleported', 'Teleported_001'), ENDPOINT);
    expect(unmapped).toMatchObject({ meaning: { event: 'carrier_status' }, status: { code: 'Teleported_001' } });
  });
});

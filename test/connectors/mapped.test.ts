/**
 * The mapped format: a shop's JSONata fields and status table read a carrier's body; its HMAC header or
 * URL key verify a delivery; a bad expression or table entry is a config error naming its path.
 */
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MappedConfig } from '../../connectors/carriers/mapped/config';
import { mapped, parseMapped } from '../../connectors/carriers/mapped/format';
import { FormatError } from '../../connectors/carriers/model';

const sample = JSON.parse(readFileSync('test/fixtures/carriers/mapped-sample.json', 'utf8')).body;
const SECRET = 'zx-signing-secret-0001';
const config = MappedConfig.parse({
  auth: { scheme: 'hmac', header: 'X-ZX-Signature', algorithm: 'sha256', encoding: 'hex', secrets: [SECRET] },
  fields: {
    items: 'parcels',
    trackingNumber: 'ref',
    status: 'state.code',
    text: 'state.label',
    at: 'at',
    eventId: '$body.id & "-" & ref',
    eta: 'expected',
  },
  statuses: { OUT: { event: 'out_for_delivery' }, WEATHER: { event: 'exception', reason: 'weather' } },
});
const endpoint = { ...config, id: 'acme-zx', shop: 'acme', carrier: 'ZX' };
const request = (body: string, headers: Record<string, string> = {}, query: Record<string, string> = {}) => ({
  body: Buffer.from(body),
  headers,
  query,
  ip: '127.0.0.1',
});
const sign = (body: string, secret = SECRET, algorithm = 'sha256', encoding: 'hex' | 'base64' = 'hex') =>
  createHmac(algorithm, secret).update(body).digest(encoding);

describe('mapped format', () => {
  it('reads one update per parcel with the configured fields and table', async () => {
    expect(await mapped.parse(sample, endpoint)).toEqual([
      {
        carrier: 'ZX',
        trackingNumber: 'ZX100200300',
        eventId: 'evt_8731-ZX100200300',
        at: '2024-05-14T08:55:00+02:00',
        status: { code: 'OUT', text: 'Out with the courier', eta: '2024-05-14' },
        meaning: { event: 'out_for_delivery' },
      },
      {
        carrier: 'ZX',
        trackingNumber: 'ZX100200301',
        eventId: 'evt_8731-ZX100200301',
        at: '2024-05-14T08:56:00+02:00',
        status: { code: 'WEATHER', text: 'Held: storm' },
        meaning: { event: 'exception', reason: 'weather' },
      },
    ]);
  });

  it('keeps a status the table does not name; without eventId and at: the body hash, the time of receipt', async () => {
    const plain = { ...endpoint, fields: { trackingNumber: 'number', status: 'state' } };
    const now = new Date('2024-05-14T10:00:00Z');
    const [first] = await parseMapped({ number: 'N1', state: 'LIMBO' }, plain, now);
    const [again] = await parseMapped({ number: 'N1', state: 'LIMBO' }, plain, now);
    const [other] = await parseMapped({ number: 'N1', state: 'LIMBO', seq: 2 }, plain, now);
    expect(first).toMatchObject({
      at: now.toISOString(),
      meaning: { event: 'carrier_status' },
      status: { code: 'LIMBO' },
    });
    expect(first!.eventId).toMatch(/^acme-zx-[0-9a-f]{32}-0$/);
    expect(again!.eventId).toBe(first!.eventId);
    expect(other!.eventId).not.toBe(first!.eventId);
  });

  it('refuses a body its fields cannot read', async () => {
    await expect(mapped.parse({ parcels: [] }, endpoint)).rejects.toThrow('fields.items found no update');
    await expect(mapped.parse({ parcels: [{ state: { code: 'OUT' } }] }, endpoint)).rejects.toThrow(
      'fields.trackingNumber found no number in update 0',
    );
    const noStatus = { parcels: [{ ref: 'R1', at: '2024-05-14T08:55:00Z' }] };
    await expect(mapped.parse(noStatus, endpoint)).rejects.toThrow('fields.status found no status for R1');
    const badTime = { parcels: [{ ref: 'R1', state: { code: 'OUT' }, at: 'yesterday' }] };
    await expect(mapped.parse(badTime, endpoint)).rejects.toThrow(FormatError);
    const failing = { ...endpoint, fields: { ...endpoint.fields, text: '$number("x")' } };
    await expect(mapped.parse(sample, failing)).rejects.toThrow(/^fields\.text: /);
  });

  it('takes a body signed in the configured header, algorithm and encoding, by any secret of a rotation', () => {
    const raw = JSON.stringify(sample);
    expect(mapped.verify(request(raw, { 'x-zx-signature': sign(raw) }), endpoint)).toBeUndefined();
    const rotated = {
      ...endpoint,
      auth: { ...config.auth, secrets: ['zx-old-secret-00000', SECRET] },
    } as typeof endpoint;
    expect(mapped.verify(request(raw, { 'x-zx-signature': sign(raw) }), rotated)).toBeUndefined();
    const sha1 = { ...endpoint, auth: { ...config.auth, algorithm: 'sha1', encoding: 'base64' } } as typeof endpoint;
    expect(
      mapped.verify(request(raw, { 'x-zx-signature': sign(raw, SECRET, 'sha1', 'base64') }), sha1),
    ).toBeUndefined();
  });

  it('refuses a forged, altered or unsigned body', () => {
    const raw = JSON.stringify(sample);
    const refusal = 'no matching x-zx-signature signature';
    expect(mapped.verify(request(raw, { 'x-zx-signature': sign(raw, 'someone-elses-secret') }), endpoint)).toBe(
      refusal,
    );
    expect(mapped.verify(request(`${raw} `, { 'x-zx-signature': sign(raw) }), endpoint)).toBe(refusal);
    expect(mapped.verify(request(raw, { 'x-zx-signature': 'abc' }), endpoint)).toBe(refusal);
    expect(mapped.verify(request(raw), endpoint)).toBe(refusal);
  });

  it('takes a URL key instead when configured so', () => {
    const key = 'zx-url-key-0123456789abcdefgh';
    const keyed = { ...endpoint, auth: { scheme: 'url-key', keys: [key] } } as typeof endpoint;
    expect(mapped.verify(request('{}', {}, { key }), keyed)).toBeUndefined();
    expect(mapped.verify(request('{}', {}, { key: `${key}x` }), keyed)).toBe('no matching key');
  });

  it('names the path of every bad expression, table entry and auth field at start', () => {
    const bad = MappedConfig.safeParse({
      auth: { scheme: 'hmac', header: 'X Sig', algorithm: 'md5', encoding: 'hex', secrets: ['short'] },
      fields: { trackingNumber: 'parcels.(', status: 'state', at: 'a ~ b' },
      statuses: { OUT: { event: 'teleported' }, LOST: { event: 'exception', reason: 'aliens' } },
    });
    expect(bad.success).toBe(false);
    const issues = bad.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(issues.map((i) => i.split(':')[0]).sort()).toEqual([
      'auth.algorithm',
      'auth.header',
      'auth.secrets.0',
      'fields.at',
      'fields.trackingNumber',
      'statuses.LOST',
      'statuses.OUT',
    ]);
    expect(issues.find((i) => i.startsWith('fields.trackingNumber'))).toMatch(/not JSONata: .* \(at \d+\)/);
    expect(MappedConfig.safeParse({ ...config, statuses: {} }).error!.issues[0]!.path).toEqual(['statuses']);
  });
});

/** The payload codec: AES-256-GCM with named keys, rotation, and refusal of anything tampered with. */
import { randomBytes } from 'node:crypto';
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../common/config';
import { derivedPayloadKey, EncryptionCodec, parsePayloadKeys, type PayloadKey } from '../../common/payload-codec';

const key = (id: string): PayloadKey => ({ id, key: randomBytes(32) });
const [A, B] = [key('2026-a'), key('2026-b')];
const customer = { name: 'Anna Nowak', email: 'anna@example.com', phone: '+48600123456' };
const payload = () => defaultPayloadConverter.toPayload(customer);
const text = (p: Payload) => Buffer.from(p.data ?? []).toString('latin1');

describe('EncryptionCodec', () => {
  it('encrypts under the first key and decodes back to the same payload', async () => {
    const [sealed] = await new EncryptionCodec([A, B]).encode([payload()]);
    expect(new TextDecoder().decode(sealed.metadata!['encryption-key-id'])).toBe('2026-a');
    for (const personal of Object.values(customer)) expect(text(sealed)).not.toContain(personal);
    const [opened] = await new EncryptionCodec([A, B]).decode([sealed]);
    expect(defaultPayloadConverter.fromPayload(opened)).toEqual(customer);
  });

  it('rotates: a new key first still opens what the old one sealed, until the old one is dropped', async () => {
    const [old] = await new EncryptionCodec([A]).encode([payload()]);
    const rotated = new EncryptionCodec([B, A]);
    expect(defaultPayloadConverter.fromPayload((await rotated.decode([old]))[0])).toEqual(customer);
    expect(new TextDecoder().decode((await rotated.encode([payload()]))[0].metadata!['encryption-key-id'])).toBe(
      '2026-b',
    );
    await expect(new EncryptionCodec([B]).decode([old])).rejects.toThrow(
      'payload encrypted with key "2026-a", which DOORSTEP_PAYLOAD_KEYS no longer holds',
    );
  });

  it('refuses a flipped byte and a payload passed off as another key', async () => {
    const codec = new EncryptionCodec([A, B]);
    const [sealed] = await codec.encode([payload()]);
    const flipped = Buffer.from(sealed.data!);
    flipped[20] ^= 1;
    await expect(codec.decode([{ ...sealed, data: flipped }])).rejects.toThrow();
    const relabelled = {
      ...sealed,
      metadata: { ...sealed.metadata, 'encryption-key-id': new TextEncoder().encode('2026-b') },
    };
    await expect(codec.decode([relabelled])).rejects.toThrow();
  });

  it('lets a payload written before encryption pass as it is', async () => {
    const plain = payload();
    expect(await new EncryptionCodec([A]).decode([plain])).toEqual([plain]);
  });
});

describe('payload keys in the configuration', () => {
  const dataDir = () => mkdtempSync(join(tmpdir(), 'doorstep-keys-'));

  it('reads DOORSTEP_PAYLOAD_KEYS in order, and otherwise derives one key from DOORSTEP_SECRET', () => {
    const list = `new:${randomBytes(32).toString('base64')},old:${randomBytes(32).toString('base64')}`;
    expect(
      loadConfig({ DOORSTEP_DATA_DIR: dataDir(), DOORSTEP_PAYLOAD_KEYS: list }).payloadKeys.map((k) => k.id),
    ).toEqual(['new', 'old']);
    const secret = 'a shared secret of enough length';
    const derived = loadConfig({ DOORSTEP_DATA_DIR: dataDir(), DOORSTEP_SECRET: secret }).payloadKeys;
    expect(derived).toEqual([derivedPayloadKey(secret)]);
    expect(derived[0].key).toHaveLength(32);
  });

  it('names a bad entry without echoing the key', () => {
    const short = randomBytes(16).toString('base64');
    expect(() => parsePayloadKeys(`ok:${randomBytes(32).toString('base64')},bad:${short}`)).toThrow(
      /^DOORSTEP_PAYLOAD_KEYS entry 2 must be <id>:<32 bytes in base64>/,
    );
    let message = '';
    try {
      parsePayloadKeys(`bad:${short}`);
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/entry 1/);
    expect(message).not.toContain(short);
  });
});

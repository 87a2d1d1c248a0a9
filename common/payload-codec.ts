/**
 * Encrypts every Temporal payload (workflow and activity inputs and results, update and signal
 * arguments, queries, memos) with AES-256-GCM before it leaves the process, so that customers'
 * names, addresses and phone numbers never reach the Temporal server or its histories in clear.
 * Keys are named; the first encrypts, every one decrypts, so a key is rotated by putting the new
 * one first and dropping the old one once no open chain needs it.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { METADATA_ENCODING_KEY, type Payload, type PayloadCodec, ValueError } from '@temporalio/common';
import proto from '@temporalio/proto';
import { purposeKey } from './keys';

const ENCODING = 'binary/encrypted';
const KEY_ID = 'encryption-key-id';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const { Payload: PayloadProto } = proto.temporal.api.common.v1;

export interface PayloadKey {
  id: string;
  /** 32 bytes. */
  key: Buffer;
}

/** `id:base64,id:base64…` (DOORSTEP_PAYLOAD_KEYS), the encrypting key first; throws a readable error. */
export function parsePayloadKeys(list: string): PayloadKey[] {
  return list.split(',').map((entry, i) => {
    const [id, b64] = entry.trim().split(':');
    const key = Buffer.from(b64 ?? '', 'base64');
    if (!/^[A-Za-z0-9._-]{1,32}$/.test(id ?? '') || key.length !== 32) {
      throw new Error(
        `DOORSTEP_PAYLOAD_KEYS entry ${i + 1} must be <id>:<32 bytes in base64> (id: letters, digits . _ -)`,
      );
    }
    return { id, key };
  });
}

/**
 * The key used when DOORSTEP_PAYLOAD_KEYS is unset: derived from DOORSTEP_SECRET, so every process sharing
 * the secret shares it.
 */
export function derivedPayloadKey(secret: string): PayloadKey {
  return { id: 'secret', key: purposeKey(secret, 'temporal payloads') };
}

const utf8 = (s: string) => new TextEncoder().encode(s);

export class EncryptionCodec implements PayloadCodec {
  private readonly byId: Map<string, Buffer>;

  constructor(private readonly keys: PayloadKey[]) {
    if (!keys.length) throw new Error('the payload codec needs a key');
    this.byId = new Map(keys.map((k) => [k.id, k.key]));
  }

  async encode(payloads: Payload[]): Promise<Payload[]> {
    const { id, key } = this.keys[0];
    return payloads.map((payload) => {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      // The key id is authenticated too: a payload cannot be passed off as another key's.
      cipher.setAAD(Buffer.from(id));
      const body = Buffer.concat([cipher.update(PayloadProto.encode(payload).finish()), cipher.final()]);
      return {
        metadata: { [METADATA_ENCODING_KEY]: utf8(ENCODING), [KEY_ID]: utf8(id) },
        data: Buffer.concat([iv, body, cipher.getAuthTag()]),
      };
    });
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => {
      const meta = payload.metadata ?? {};
      // Payloads written before encryption was on (or by a client without it) pass as they are.
      if (new TextDecoder().decode(meta[METADATA_ENCODING_KEY]) !== ENCODING) return payload;
      const id = new TextDecoder().decode(meta[KEY_ID]);
      const key = this.byId.get(id);
      if (!key) throw new ValueError(`payload encrypted with key "${id}", which DOORSTEP_PAYLOAD_KEYS no longer holds`);
      const data = Buffer.from(payload.data ?? new Uint8Array());
      const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, IV_BYTES));
      decipher.setAAD(Buffer.from(id));
      decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
      const plain = Buffer.concat([
        decipher.update(data.subarray(IV_BYTES, data.length - TAG_BYTES)),
        decipher.final(),
      ]);
      return PayloadProto.decode(plain) as Payload;
    });
  }
}

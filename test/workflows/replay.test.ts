/** Recorded histories of every path replay against the current workflow code (determinism guard). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { parsePayloadKeys } from '../../common/payload-codec';
import { FIXTURE_PAYLOAD_KEYS } from '../helpers/fixture-keys';
import { replay } from '../helpers/temporal';

const dir = join(import.meta.dirname, '..', 'fixtures', 'histories');
/** File → workflow id it was recorded under (replay needs the id: the child's id derives from it). */
const index: Record<string, string> = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8'));
const files = readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'index.json');

it('has a recorded history for every path', () => {
  expect(Object.keys(index).sort()).toEqual(files.sort());
  expect(files.map((f) => f.replace('.json', '')).sort()).toEqual(
    ['cancel', 'delay-by-eta', 'delivered-without-call', 'failed-attempt', 'on-time', 'return', 'return-child', 'short-timers', 'two-delays'],
  );
});

it.each(files)('replays %s without nondeterminism', async (file) => {
  // runReplayHistory reads the JSON that `temporal workflow show -o json` exports.
  const history: unknown = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  await expect(replay({ payloadKeys: parsePayloadKeys(FIXTURE_PAYLOAD_KEYS) }, history, index[file])).resolves.toBeUndefined();
});

it('keeps the made-up customer out of the recorded histories: every payload is encrypted', () => {
  const text = readFileSync(join(dir, 'on-time.json'), 'utf8');
  // Payload bytes are base64 in the export: read every one of them as text too.
  const payloads = [...text.matchAll(/"data":\s*"([A-Za-z0-9+/=]+)"/g)].map((m) => Buffer.from(m[1], 'base64').toString('latin1'));
  expect(payloads.length).toBeGreaterThan(20);
  expect(text).toContain(Buffer.from('binary/encrypted').toString('base64'));
  for (const personal of ['anna@example.com', '+48600123456', 'Anna Nowak']) {
    expect(text).not.toContain(personal);
    expect(payloads.some((p) => p.includes(personal))).toBe(false);
  }
});

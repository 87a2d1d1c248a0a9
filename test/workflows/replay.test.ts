/**
 * Recorded histories of every path, from every released workflow version (one folder per version
 * under test/fixtures/histories/), replay against the current workflow code (determinism guard).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePayloadKeys } from '../../common/payload-codec';
import { FIXTURE_PAYLOAD_KEYS } from '../helpers/fixture-keys';
import { scenarios } from '../helpers/scenarios';
import { replay } from '../helpers/temporal';

const root = join(import.meta.dirname, '..', 'fixtures', 'histories');
const versions = readdirSync(root).filter((v) => /^v\d+\.\d+\.\d+$/.test(v));
const { version } = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as {
  version: string;
};

it('has the histories of the current version', () => {
  expect(versions).toContain(`v${version}`);
});

describe.each(versions)('histories of %s', (v) => {
  const dir = join(root, v);
  /** File → workflow id it was recorded under (replay needs the id: the child's id derives from it). */
  const index: Record<string, string> = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8'));
  const files = readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'index.json');

  it('has a recorded history for every path', () => {
    expect(Object.keys(index).sort()).toEqual(files.sort());
    // Paths added later have no history in older versions; no version lacks one of its own.
    const paths = files.map((f) => f.replace('.json', ''));
    if (v === `v${version}`) expect(paths.sort()).toEqual([...Object.keys(scenarios), 'return-child'].sort());
    expect(paths.length).toBeGreaterThan(0);
  });

  it.each(files)('replays %s without nondeterminism', async (file) => {
    // runReplayHistory reads the JSON that `temporal workflow show -o json` exports.
    const history: unknown = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    await expect(
      replay({ payloadKeys: parsePayloadKeys(FIXTURE_PAYLOAD_KEYS) }, history, index[file]),
    ).resolves.toBeUndefined();
  });

  it('keeps the made-up customer out of the recorded histories: every payload is encrypted', () => {
    const text = readFileSync(join(dir, 'on-time.json'), 'utf8');
    // Payload bytes are base64 in the export: read every one of them as text too.
    const payloads = [...text.matchAll(/"data":\s*"([A-Za-z0-9+/=]+)"/g)].map((m) =>
      Buffer.from(m[1], 'base64').toString('latin1'),
    );
    expect(payloads.length).toBeGreaterThan(20);
    expect(text).toContain(Buffer.from('binary/encrypted').toString('base64'));
    for (const personal of ['anna@example.com', '+48600123456', 'Anna Nowak']) {
      expect(text).not.toContain(personal);
      expect(payloads.some((p) => p.includes(personal))).toBe(false);
    }
  });
});

/** Recorded histories of every path replay against the current workflow code (determinism guard). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from '@temporalio/worker';
import { expect, it } from 'vitest';
import { workflowBundle } from '../helpers/temporal';

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
  await expect(Worker.runReplayHistory({ workflowBundle: await workflowBundle() }, history, index[file])).resolves.toBeUndefined();
});

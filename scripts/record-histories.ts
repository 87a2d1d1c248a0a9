/**
 * `npm run record-histories`: runs every scenario of test/helpers/scenarios.ts on a fresh dev server
 * and saves each workflow's history under test/fixtures/histories/v<version>/ (the version in
 * package.json), for the replay test, which replays every version's folder. A released version's
 * histories (its git tag v<version> exists) are never recorded again: bump the version first, and
 * put a change to the workflow's steps behind patched() so that the old histories still replay.
 */
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { NativeConnection } from '@temporalio/worker';
import { loadConfig } from '../common/config';
import { connectClient, ensureSearchAttributes } from '../common/temporal';
import { createWorker } from '../worker/worker';
import { createStore } from '../store';
import { startChain } from '../test/helpers/chains';
import { FIXTURE_PAYLOAD_KEYS } from '../test/helpers/fixture-keys';
import { scenarios } from '../test/helpers/scenarios';
import { temporalCli } from '../common/tools';
import { startDevServer } from './dev-server';

const root = join(import.meta.dirname, '..');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
if (
  execFileSync('git', ['tag', '--list', `v${version}`], { cwd: root })
    .toString()
    .trim()
) {
  console.error(
    `record-histories: v${version} is released (tagged); its histories stay as they are. Bump the version in package.json first.`,
  );
  process.exit(1);
}
const out = join(root, 'test', 'fixtures', 'histories', `v${version}`);
const dataDir = mkdtempSync(join(tmpdir(), 'doorstep-record-'));
const server = await startDevServer(dataDir, 7299, 8299);

/** Workflow id of each recorded history: replay needs it (the child's id derives from it). */
const index: Record<string, string> = {};

/** Exports a history as the CLI and web UI do (the JSON that runReplayHistory reads). */
function save(name: string, workflowId: string): void {
  const json = execFileSync(temporalCli(), [
    'workflow',
    'show',
    '--workflow-id',
    workflowId,
    '--address',
    server.address,
    '--output',
    'json',
  ]);
  writeFileSync(join(out, `${name}.json`), json);
  index[`${name}.json`] = workflowId;
  console.log(`recorded ${name}`);
}
try {
  const config = loadConfig({
    DOORSTEP_DATA_DIR: dataDir,
    DOORSTEP_TASK_QUEUE: 'record-histories',
    DOORSTEP_PAYLOAD_KEYS: FIXTURE_PAYLOAD_KEYS,
  });
  const client = await connectClient({ address: server.address, namespace: 'default' }, config);
  await ensureSearchAttributes(client);
  const connection = await NativeConnection.connect({ address: server.address });
  const store = await createStore(config);
  const worker = await createWorker(config, connection, 'default', { store });
  mkdirSync(out, { recursive: true });
  await worker.runUntil(async () => {
    for (const [name, make] of Object.entries(scenarios)) {
      const scenario = make();
      const handle = await startChain({ client, config }, scenario.order, scenario.shop);
      await scenario.drive(handle);
      await handle.result();
      save(name, handle.workflowId);
      if (name === 'return') save('return-child', `${handle.workflowId}-return`);
    }
  });
  writeFileSync(join(out, 'index.json'), `${JSON.stringify(index, null, 2)}\n`);
  await connection.close();
  await client.connection.close();
  await store.close();
} finally {
  await server.stop();
}

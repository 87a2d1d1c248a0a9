/** The API app on the shared dev server, for one test file that brings its own configuration file. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { appFor } from '../../api/server';
import { devServer, testConfig, type DevServer } from './temporal';

export interface ApiBed {
  env: DevServer;
  app: ReturnType<typeof appFor>;
}

/** Writes `file` as DOORSTEP_CONFIG; the bed is ready in the file's tests and closed after them. */
export function apiBed(file: object): ApiBed {
  const configFile = join(mkdtempSync(join(tmpdir(), 'doorstep-config-')), 'doorstep.json');
  writeFileSync(configFile, JSON.stringify(file));
  const bed = {} as ApiBed;
  beforeAll(async () => {
    bed.env = await devServer(testConfig({ DOORSTEP_CONFIG: configFile }));
    bed.app = appFor(bed.env.config, bed.env.client, bed.env.store);
  });
  afterAll(() => bed.env?.close());
  return bed;
}

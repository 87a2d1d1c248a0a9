/** Configuration files for tests that load one (DOORSTEP_CONFIG). */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Writes `file` as doorstep.json in a fresh temporary folder; returns its path. */
export function configFile(file: object): string {
  const path = join(mkdtempSync(join(tmpdir(), 'doorstep-config-')), 'doorstep.json');
  writeFileSync(path, JSON.stringify(file));
  return path;
}

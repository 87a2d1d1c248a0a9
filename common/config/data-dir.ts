/** The data dir: where the generated secret, the demo accounts, the embedded store and the outbox live. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { envError } from './errors';

/**
 * The data dir, created if it is not there yet and something lives in it (the generated secret and
 * demo accounts, the embedded store, the outbox, the dev server's database); a production process
 * with its own secret, configuration, PostgreSQL and providers needs no writable folder.
 */
export function dataDirAt(path: string, used: boolean): string {
  const dir = resolve(path);
  if (!used) return dir;
  try {
    mkdirSync(dir, { recursive: true });
  } catch (err) {
    throw envError(
      'DOORSTEP_DATA_DIR',
      `cannot create the data dir ${dir} (${(err as NodeJS.ErrnoException).code})`,
      'point DOORSTEP_DATA_DIR at a folder this user may create and write',
    );
  }
  return dir;
}

/** A value kept in the data dir, created once by `make`. */
export function persisted(dataDir: string, name: string, make: () => string): string {
  const file = join(dataDir, name);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const value = make();
  writeFileSync(file, value, { mode: 0o600 });
  return value;
}

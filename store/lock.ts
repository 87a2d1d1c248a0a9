/** The embedded store belongs to one process: a lock file with its pid keeps a second one out. */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Takes the lock at `file` (or a stale one left by a dead process); returns its release. */
export function holdLock(file: string): () => void {
  try {
    writeFileSync(file, String(process.pid), { flag: 'wx' });
  } catch {
    const owner = Number(readFileSync(file, 'utf8'));
    if (owner !== process.pid && alive(owner)) {
      throw new Error(
        `the embedded store is in use by process ${owner} (${file}). Run the worker and the API in one process ` +
          `(npm start), or set DATABASE_URL to a PostgreSQL server shared by separate processes.`,
      );
    }
    writeFileSync(file, String(process.pid));
  }
  return () => rmSync(file, { force: true });
}

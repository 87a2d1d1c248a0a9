/**
 * The local outbox: what would have been sent, appended as JSON lines when no provider is set up.
 * Erasure and the retention job take lines out again; a lock file (created exclusively, so one
 * process at a time holds it) keeps their rewrite from losing a line a worker appends meanwhile.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { appendFile, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ChannelName } from '../../../workflows/contract';
import { addressing, contentFor, shopSender, type Channel } from '../channel';

/** One line of the outbox. */
export interface OutboxEntry {
  id: string;
  channel: ChannelName;
  at: string;
  to: string;
  idempotencyKey: string;
  [field: string]: unknown;
}

/** A lock older than this was left by a process that died holding it. */
const STALE_LOCK_MS = 30_000;

/** Runs `fn` while holding the outbox's lock (waiting for another holder, taking over a stale lock). */
async function locked<T>(file: string, fn: () => Promise<T>): Promise<T> {
  const lock = `${file}.lock`;
  await mkdir(dirname(file), { recursive: true });
  for (;;) {
    try {
      await writeFile(lock, String(process.pid), { flag: 'wx' });
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const age = await stat(lock).then(
        (s) => Date.now() - s.mtimeMs,
        () => 0,
      );
      if (age > STALE_LOCK_MS) await rm(lock, { force: true });
      else await sleep(5);
    }
  }
  try {
    return await fn();
  } finally {
    await rm(lock, { force: true });
  }
}

/** One outbox line, or undefined when it is not a whole JSON object. */
function parsed(line: string): OutboxEntry | undefined {
  try {
    return JSON.parse(line) as OutboxEntry;
  } catch {
    return undefined;
  }
}

/** A channel that writes each message to `file` instead of a provider. */
export function outboxChannel(name: ChannelName, file: string): Channel {
  return {
    ...addressing(name),
    async send({ to, rendered, idempotencyKey, unsubscribeUrl, sender }) {
      const entry = {
        id: `outbox-${randomUUID()}`,
        channel: name,
        at: new Date().toISOString(),
        // The shop's own sender, when it has one on this channel; absent, the provider's global one.
        from: shopSender(name, sender),
        to,
        ...contentFor(name, rendered),
        idempotencyKey,
        unsubscribeUrl,
      };
      await locked(file, () => appendFile(file, `${JSON.stringify(entry)}\n`));
      return { providerId: entry.id, acceptedAt: entry.at };
    },
  };
}

/**
 * Takes the lines `drop` picks out of the outbox at `file` (written anew, then renamed over it); answers how
 * many went.
 */
export async function dropFromOutbox(file: string, drop: (entry: OutboxEntry) => boolean): Promise<number> {
  // No outbox (providers are set up, or nothing was sent): nothing to lock or drop.
  if (!existsSync(file)) return 0;
  return locked(file, async () => {
    const text = await readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return '';
      throw err;
    });
    const lines = text.split('\n').filter((l) => l.trim());
    // A line a crash cut short is no message any more: it goes too.
    const kept = lines.filter((l) => {
      const entry = parsed(l);
      return entry !== undefined && !drop(entry);
    });
    if (kept.length === lines.length) return 0;
    if (!kept.length) {
      await rm(file);
      return lines.length;
    }
    const next = `${file}.${process.pid}.tmp`;
    await writeFile(next, kept.map((l) => `${l}\n`).join(''), { mode: 0o600 });
    await rename(next, file);
    return lines.length - kept.length;
  });
}

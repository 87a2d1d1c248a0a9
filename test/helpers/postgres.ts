/**
 * A throwaway PostgreSQL server from Debian's packages, on a loopback port, for the store tests and
 * the benchmark.
 * PostgreSQL refuses to run as root, so as root it runs as the `postgres` user (the package's own).
 */
import { execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from '../../scripts/free-port';

export interface Postgres {
  /** Over TCP on loopback. */
  url: string;
  /** Over the server's Unix socket: the cheaper way for a client on the same host. */
  socketUrl: string;
  /** The postmaster's process id (its backends are its children). */
  pid: number;
  stop(): Promise<void>;
}

/** The newest installed server's bin folder. */
function binDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  const found = versions.map((v) => join(root, v, 'bin')).find((d) => existsSync(join(d, 'postgres')));
  if (!found) throw new Error('PostgreSQL is not installed (Debian package "postgresql"); run "npm run setup"');
  return found;
}

/** The `postgres` user's uid or gid. */
const idOf = (flag: '-u' | '-g') => Number(execFileSync('id', [flag, 'postgres']).toString());

async function waitUntilReady(url: string, exited: () => boolean): Promise<void> {
  for (let i = 0; i < 150; i++) {
    if (exited()) throw new Error('postgres exited during start');
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.end();
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`postgres did not accept connections at ${url}`);
}

/** Creates a cluster in a temporary folder and starts it; resolves once it accepts connections. */
export async function startPostgres(): Promise<Postgres> {
  const bin = binDir();
  const dir = mkdtempSync(join(tmpdir(), 'doorstep-pg-'));
  const user: { uid?: number; gid?: number } = process.getuid?.() === 0 ? { uid: idOf('-u'), gid: idOf('-g') } : {};
  if (user.uid !== undefined && user.gid !== undefined) chownSync(dir, user.uid, user.gid);
  execFileSync(join(bin, 'initdb'), ['-D', join(dir, 'data'), '-A', 'trust', '-U', 'doorstep', '--no-sync'], {
    stdio: 'ignore',
    ...user,
  });
  const port = await freePort();
  const args = [
    '-D',
    join(dir, 'data'),
    '-p',
    String(port),
    '-k',
    dir,
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'fsync=off',
  ];
  const child = spawn(join(bin, 'postgres'), args, { stdio: 'ignore', ...user });
  const url = `postgres://doorstep@127.0.0.1:${port}/postgres`;
  await waitUntilReady(url, () => child.exitCode !== null);
  return {
    url,
    socketUrl: `postgres://doorstep@/postgres?host=${encodeURIComponent(dir)}&port=${port}`,
    pid: child.pid!,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => {
          rmSync(dir, { recursive: true, force: true });
          resolve();
        });
        child.kill('SIGINT');
      }),
  };
}

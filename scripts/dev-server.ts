/** Runs the Temporal CLI dev server as a child process, its state in a file under the data dir. */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { Connection } from '@temporalio/client';
import { temporalCli } from '../common/tools';
import { endProcess } from './node-process';

export interface DevServerProcess {
  address: string;
  uiUrl: string;
  pid: number;
  stop(): Promise<void>;
  /** kill -9 (a crash): its file keeps what it had committed. */
  kill(): Promise<void>;
}

async function waitUntilServing(address: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`temporal dev server exited with code ${child.exitCode}`);
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1000 });
      await connection.workflowService.getSystemInfo({});
      await connection.close();
      return;
    } catch (err) {
      if (Date.now() > deadline)
        throw new Error(`temporal dev server not serving on ${address}: ${(err as Error).message}`);
      await new Promise((r) => setTimeout(r, 300));
    }
  }
}

/** Starts `temporal server start-dev` on loopback and resolves once it serves; `extraArgs` e.g. SQLite pragmas. */
export async function startDevServer(
  dataDir: string,
  port = 7233,
  uiPort = 8233,
  extraArgs: string[] = [],
): Promise<DevServerProcess> {
  const args = [
    'server',
    'start-dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(port),
    '--ui-port',
    String(uiPort),
    '--db-filename',
    join(dataDir, 'temporal.db'),
    '--log-level',
    'warn',
    ...extraArgs,
  ];
  const child = spawn(temporalCli(), args, { stdio: ['ignore', 'inherit', 'inherit'] });
  const address = `127.0.0.1:${port}`;
  await waitUntilServing(address, child);
  return {
    address,
    uiUrl: `http://127.0.0.1:${uiPort}`,
    pid: child.pid!,
    stop: () => endProcess(child, 'SIGTERM'),
    kill: () => endProcess(child, 'SIGKILL'),
  };
}

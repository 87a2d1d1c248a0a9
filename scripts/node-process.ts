/** A TypeScript entry point of Doorstep (or of the bench's skeleton) run as its own Node process under tsx. */
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');

export interface NodeProcess {
  pid: number;
  child: ChildProcess;
  /** SIGTERM, resolved once it exited. */
  stop(): Promise<void>;
  /** kill -9, resolved once it is gone. */
  kill(): Promise<void>;
}

export interface NodeOptions {
  /** Where the process writes a V8 CPU profile when it exits. */
  profileDir?: string;
  /** Where every line it prints is appended (for reading its logs afterwards). */
  logFile?: string;
}

/** Sends `signal` to a child process; resolves once it has exited (at once if it already had). */
export function endProcess(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

/** Whether `url` answers (below 500): a readiness probe. */
export const answers = (url: string) => async () => (await fetch(url)).status < 500;

/** Starts `file` with `env` added to this environment; resolves once `ready` (polled with the output so far) holds. */
export async function node(
  file: string,
  env: Record<string, string>,
  ready: (output: string) => Promise<boolean>,
  { profileDir, logFile }: NodeOptions = {},
): Promise<NodeProcess> {
  const profile = profileDir
    ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, `--cpu-prof-name=${file.replaceAll('/', '-')}.cpuprofile`]
    : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', file], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
    if (logFile) appendFileSync(logFile, chunk);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const ended = (signal: NodeJS.Signals) => () => endProcess(child, signal);
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`${file} exited with ${child.exitCode}:\n${output}`);
    if (await ready(output).catch(() => false))
      return { pid: child.pid!, child, stop: ended('SIGTERM'), kill: ended('SIGKILL') };
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`${file} did not come up in 60 s:\n${output}`);
}

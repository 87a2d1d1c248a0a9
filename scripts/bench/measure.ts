/** What the benchmark reads off the machine and Temporal: CPU and RSS by process, percentiles, sizes, histories. */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import type { Client } from '@temporalio/client';
import proto from '@temporalio/proto';
import type { Percentiles } from './model';

const TICKS_PER_SEC = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;

/** CPU time a process has used so far, in milliseconds (user + system). */
export function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces) start at the state, field 3.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SEC;
}

/** CPU time of a process and its live descendants (PostgreSQL's backends), in milliseconds. */
export function treeCpuMs(root: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc').filter((e) => /^\d+$/.test(e))) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // The process ended while the list was read.
    }
  }
  let total = 0;
  for (const pending = [root]; pending.length;) {
    const pid = pending.pop()!;
    try {
      total += cpuMs(pid);
    } catch {
      continue;
    }
    pending.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** Resident memory of a process, in MB. */
export function rssMB(pid: number): number {
  const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kb ?? 0) / 1024;
}

/** Size of files that exist among `paths`, in MB (a SQLite database with its WAL and shared memory). */
export function filesMB(paths: string[]): number {
  return paths.filter((p) => existsSync(p)).reduce((sum, p) => sum + statSync(p).size, 0) / 2 ** 20;
}

/** p50/p95/p99 of the values (nearest rank). */
export function percentiles(values: number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] : 0);
  return { count: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

/** Mean history length (events) and encoded size (bytes) of the given workflows. */
export async function historySize(
  client: Client,
  workflowIds: string[],
): Promise<{ eventsPerOrder: number; bytesPerOrder: number }> {
  let events = 0;
  let bytes = 0;
  for (const id of workflowIds) {
    const history = await client.workflow.getHandle(id).fetchHistory();
    events += history.events?.length ?? 0;
    bytes += proto.temporal.api.history.v1.History.encode(history).finish().length;
  }
  const n = Math.max(1, workflowIds.length);
  return { eventsPerOrder: events / n, bytesPerOrder: bytes / n };
}

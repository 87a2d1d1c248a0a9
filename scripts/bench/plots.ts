/** The benchmark's plots, each a standalone SVG string drawn from a BenchResult (pure, no I/O). */
import type { BenchResult, LatencyAtLoad, Percentiles } from './model';
import { barChart, fixed, lineChart, type Marker } from './svg';

/** The two systems measured, in the order every table and plot shows them. */
export const SYSTEMS = [
  { key: 'doorstep', label: 'Doorstep', color: '#1f6fb2', marker: 'circle', shades: ['#9cc5ea', '#4a8fd1', '#1b4f8a'] },
  { key: 'skeleton', label: 'Skeleton', color: '#d9822b', marker: 'square', shades: ['#f4c896', '#e3923d', '#a95d17'] },
] as const satisfies readonly {
  key: 'doorstep' | 'skeleton';
  label: string;
  color: string;
  marker: Marker;
  shades: readonly string[];
}[];

const PERCENTILES = ['p50', 'p95', 'p99'] as const satisfies readonly (keyof Percentiles)[];

/** The run in one line under each title, so a plot read on its own still says where it came from. */
function subtitleOf({ date, machine, quick }: BenchResult): string {
  return [date.slice(0, 10), machine.cpuModel, `${machine.cpus} CPUs`, quick ? 'quick run' : '']
    .filter(Boolean)
    .join(' · ');
}

/** "25% of knee" for 0.25. */
export const loadLabel = (fraction: number) => `${Math.round(fraction * 100)}% of knee`;

/** "1k", "10k", "2.5k" or "500" open chains. */
export const chainsLabel = (n: number) => (n >= 1000 ? `${Number((n / 1000).toFixed(1))}k` : String(n));

/** The distinct values both systems report, ascending (e.g. latency fractions or open-chain counts). */
export function union(values: number[]): number[] {
  return [...new Set(values)].sort((a, b) => a - b);
}

/** The latency entry at `fraction` of the knee, if measured. */
export const latencyAt = (latency: LatencyAtLoad[], fraction: number) =>
  latency.find((l) => Math.abs(l.fraction - fraction) < 1e-9);

/** Offered vs achieved orders/s for both systems, with the y = x reference and each knee ringed. */
export function throughputPlot(result: BenchResult): string {
  return lineChart({
    title: 'Throughput: offered vs achieved orders/s',
    subtitle: subtitleOf(result),
    xLabel: 'offered orders/s',
    yLabel: 'achieved orders/s',
    identity: 'achieved = offered',
    series: SYSTEMS.map((s) => ({
      label: `${s.label} (knee ${fixed(result[s.key].ordersPerSec, 1)}/s)`,
      color: s.color,
      marker: s.marker,
      points: result[s.key].curve.map((step) => ({ x: step.offered, y: step.achieved })),
    })),
    // The knee is the rate the system still keeps up with, so it sits on the reference line.
    marks: SYSTEMS.map((s) => ({ x: result[s.key].ordersPerSec, y: result[s.key].ordersPerSec, color: s.color })),
  });
}

/** p50/p95/p99 of event→send-start for both systems at each measured fraction of their knee. */
export function latencyPlot(result: BenchResult): string {
  const fractions = union(SYSTEMS.flatMap((s) => result[s.key].latency.map((l) => l.fraction)));
  return barChart({
    title: 'Tracking event → send start latency',
    subtitle: subtitleOf(result),
    xLabel: 'offered load (fraction of each system’s knee)',
    yLabel: 'ms',
    categories: fractions.map(loadLabel),
    series: SYSTEMS.flatMap((s) =>
      PERCENTILES.map((p, i) => ({
        label: `${s.label} ${p}`,
        color: s.shades[i],
        values: fractions.map((f) => latencyAt(result[s.key].latency, f)?.eventToSend[p] ?? NaN),
      })),
    ),
  });
}

/** CPU milliseconds per completed order, stacked by process, Doorstep beside the skeleton. */
export function cpuPlot(result: BenchResult): string {
  const processes = [
    { key: 'server', label: 'Temporal server', color: '#6c7a89' },
    { key: 'worker', label: 'worker', color: '#2e8b57' },
    { key: 'api', label: 'API', color: '#8e6bbf' },
    { key: 'store', label: 'PostgreSQL (store)', color: '#c0873f' },
  ] as const;
  return barChart({
    title: 'CPU per completed order, by process',
    subtitle: subtitleOf(result),
    xLabel: 'system',
    yLabel: 'CPU ms per order',
    categories: SYSTEMS.map((s) => s.label),
    series: processes.map((p) => ({
      label: p.label,
      color: p.color,
      stack: 'cpu',
      values: SYSTEMS.map((s) => result[s.key].cpuMsPerOrder[p.key]),
    })),
    totals: true,
  });
}

/** Worker RSS and store size against the number of open chains, for both systems. */
export function memoryPlot(result: BenchResult): string {
  const counts = union(SYSTEMS.flatMap((s) => result[s.key].openChains.map((o) => o.count)));
  const measures = [
    { key: 'workerRssMB', label: 'worker RSS', dashed: false },
    { key: 'storeMB', label: 'store', dashed: true },
  ] as const;
  return lineChart({
    title: 'Memory and disk with open chains',
    subtitle: subtitleOf(result),
    xLabel: 'open chains',
    yLabel: 'MB',
    categories: counts.map(chainsLabel),
    series: measures.flatMap((m) =>
      SYSTEMS.map((s) => ({
        label: `${s.label} ${m.label}`,
        color: s.color,
        marker: s.marker,
        dashed: m.dashed,
        points: counts.map((count, i) => ({
          x: i,
          y: result[s.key].openChains.find((o) => o.count === count)?.[m.key] ?? NaN,
        })),
      })),
    ),
  });
}

/** Every plot by the name its file takes (docs/benchmarks/<name>.svg). */
export const PLOTS = { throughput: throughputPlot, latency: latencyPlot, cpu: cpuPlot, memory: memoryPlot } as const;

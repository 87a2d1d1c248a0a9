/** The benchmark report as a reader sees it: docs/benchmarks.md with its tables and well-formed SVG plots. */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BenchResult, SystemResult } from '../../scripts/bench/model';
import { writeReport } from '../../scripts/bench/report';

const percentiles = (p50: number) => ({ count: 400, p50, p95: p50 * 2.4, p99: p50 * 4.1 });

function system(knee: number, cpuWorker: number, withNotices: boolean): SystemResult {
  return {
    ordersPerSec: knee,
    curve: [10, 20, 40, 80, 120, 160].map((offered) => ({ offered, achieved: Math.min(offered, knee) * 0.99 })),
    cpuMsPerOrder: { server: 14.2, worker: cpuWorker, api: 3.1, store: 0, total: 14.2 + cpuWorker + 3.1 },
    latency: [0.25, 0.5, 0.75].map((fraction) => ({
      fraction,
      rate: knee * fraction,
      postOrders: percentiles(6 + fraction * 8),
      eventToSend: percentiles(18 + fraction * 30),
    })),
    history: { eventsPerOrder: withNotices ? 86 : 41, bytesPerOrder: withNotices ? 24_580 : 9_120 },
    workerRssPerCachedChainMB: withNotices ? 0.061 : 0.024,
    openChains: [1_000, 10_000, 50_000].map((count) => ({
      count,
      workerRssMB: 180 + count * 0.004,
      serverRssMB: 210 + count * 0.002,
      storeMB: count * (withNotices ? 0.05 : 0.03),
    })),
    notices: withNotices
      ? {
          email: { sent: 12_400, received: 12_400, lost: 0, duplicated: 2, perSec: 96.3 },
          sms: { sent: 3_100, received: 3_099, lost: 1, duplicated: 0, perSec: 24.8, throttled: 17 },
        }
      : undefined,
  };
}

/** A full run on a laptop-sized machine whose CPU name needs escaping. */
function benchResult(overrides: Partial<BenchResult> = {}): BenchResult {
  return {
    date: '2025-03-14T09:30:00.000Z',
    quick: false,
    machine: {
      os: 'linux 6.8 x64',
      cpuModel: 'Fancy <b>& CPU',
      cpus: 8,
      memGiB: 31.3,
      node: 'v20.19.0',
      temporal: 'temporal 1.3.0',
    },
    settings: { ordersPerStep: 2_000, stepSeconds: 60, openChains: [1_000, 10_000, 50_000], rounds: 3, mode: 'full' },
    doorstep: system(112.4, 22.7, true),
    skeleton: system(121.9, 17.3, false),
    ratios: { throughput: 112.4 / 121.9, cpuPerOrder: (14.2 + 22.7 + 3.1) / (14.2 + 17.3 + 3.1) },
    goals: [
      { name: 'Throughput ratio T', target: '≥ 0.90', value: '0.92', met: true },
      { name: 'CPU per order ratio', target: '≤ 1.15', value: '1.16', met: false },
      { name: 'Lost notices', target: '0', value: '1', met: false },
    ],
    tuning: [{ change: 'maxCachedWorkflows 2000 → 5000', before: '98.1 orders/s', after: '112.4 orders/s' }],
    gaps: '# Where the gaps come from\n\nThe **CPU** goal is missed by sending for real.\n',
    ...overrides,
  };
}

/** Writes the report for `result` into a fresh temp dir and reads back the page and every plot. */
function render(result: BenchResult) {
  const root = mkdtempSync(join(tmpdir(), 'bench-report-'));
  const paths = writeReport(result, {
    docsDir: join(root, 'docs'),
    resultFile: join(root, 'bench', 'results', '2025-03-14.json'),
  });
  const markdown = readFileSync(join(root, 'docs', 'benchmarks.md'), 'utf8');
  const svgs = Object.fromEntries(
    paths.filter((p) => p.endsWith('.svg')).map((p) => [basename(p, '.svg'), readFileSync(p, 'utf8')]),
  );
  return { root, paths, markdown, svgs };
}

function expectWellFormed(svg: string) {
  expect(svg.startsWith('<svg')).toBe(true);
  expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
  expect(svg).toMatch(/viewBox="0 0 640 360"/);
  expect(svg).not.toMatch(/NaN|undefined|Infinity|null/);
  // Every text node is escaped: no stray markup inside <text>.
  for (const [, inner] of svg.matchAll(/<text[^>]*>([^]*?)<\/text>/g)) expect(inner).not.toMatch(/[<>]/);
}

const SECTIONS = [
  '# Doorstep benchmarks',
  '## Machine',
  '## Goals',
  '## Where the gaps come from',
  '## Throughput at saturation',
  '## CPU per order by process',
  '## Latency',
  '## History per order',
  '## Worker memory per cached chain',
  '## Memory and disk with open chains',
  '## Email and SMS to the sinks',
  '## Tuning',
  '## Settings',
];

describe('benchmark report', () => {
  it('writes the page and four well-formed plots naming both systems and their series', () => {
    const { paths, svgs } = render(benchResult());

    expect(paths).toHaveLength(5);
    for (const p of paths) expect(existsSync(p)).toBe(true);
    expect(Object.keys(svgs).sort()).toEqual(['cpu', 'latency', 'memory', 'throughput']);
    Object.values(svgs).forEach(expectWellFormed);
    expect(svgs.throughput).toContain('Doorstep (knee 112.4/s)');
    expect(svgs.throughput).toContain('Skeleton (knee 121.9/s)');
    expect(svgs.throughput).toContain('achieved = offered');
    for (const label of ['Doorstep p50', 'Doorstep p99', 'Skeleton p95', '25% of knee', '75% of knee'])
      expect(svgs.latency).toContain(label);
    for (const label of ['Temporal server', 'worker', 'API', '40.0', '34.6']) expect(svgs.cpu).toContain(label);
    for (const label of ['Doorstep worker RSS', 'Skeleton store', '1k', '50k']) expect(svgs.memory).toContain(label);
  });

  it('lays out every section in order with the ratios, goals, tuning and links that resolve', () => {
    const { root, markdown } = render(benchResult());

    const positions = SECTIONS.map((heading) => markdown.indexOf(`${heading}\n`));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(markdown).toContain('npm run bench -- --quick');
    expect(markdown).toContain('](../bench/results/2025-03-14.json)');
    expect(markdown).toContain('| Orders/s at saturation | 112.4 | 121.9 | T = 0.92 |');
    expect(markdown).toContain('| **Total** | 40.0 | 34.6 | **1.16** |');
    expect(markdown).toContain('| Throughput ratio T | ≥ 0.90 | 0.92 | ✓ |');
    expect(markdown).toContain('| CPU per order ratio | ≤ 1.15 | 1.16 | ✗ |');
    expect(markdown).toContain('| Lost notices | 0 | 1 | ✗ |');
    expect(markdown).toContain('| Doorstep | SMS | 3,100 | 3,099 | 1 | 0 | 17 | 24.8 |');
    expect(markdown).toContain('| maxCachedWorkflows 2000 → 5000 | 98.1 orders/s | 112.4 orders/s |');
    expect(markdown).toContain('| openChains | 1000, 10000, 50000 |');
    expect(markdown).toContain('## Where the gaps come from\n\nThe **CPU** goal is missed by sending for real.\n');
    expect(markdown).not.toMatch(/NaN|undefined|Infinity/);
    const images = [...markdown.matchAll(/!\[[^\]]+\]\((benchmarks\/[\w-]+\.svg)\)/g)].map((m) => m[1]);
    expect(images.sort()).toEqual([
      'benchmarks/cpu.svg',
      'benchmarks/latency.svg',
      'benchmarks/memory.svg',
      'benchmarks/throughput.svg',
    ]);
    for (const image of images) expect(existsSync(join(root, 'docs', image))).toBe(true);
  });

  it('escapes a hostile CPU name in the plots and the page', () => {
    const { markdown, svgs } = render(benchResult());

    for (const svg of Object.values(svgs)) {
      expect(svg).toContain('Fancy &#60;b&#62;&#38; CPU');
      expect(svg).not.toContain('<b>');
    }
    expect(markdown).toContain('| CPU | Fancy &#60;b&#62;&#38; CPU × 8 |');
    expect(markdown).not.toContain('<b>');
  });

  it('renders a quick run with empty curves, no notices and no 50k step without NaN', () => {
    const bare = (s: SystemResult): SystemResult => ({
      ...s,
      ordersPerSec: 0,
      curve: [],
      latency: [],
      openChains: s.openChains.slice(0, 1),
      notices: undefined,
      workerRssPerCachedChainMB: 0,
    });
    const base = benchResult();
    const { markdown, svgs } = render({
      ...base,
      quick: true,
      doorstep: bare(base.doorstep),
      skeleton: {
        ...bare(base.skeleton),
        openChains: [],
        cpuMsPerOrder: { server: 0, worker: 0, api: 0, store: 0, total: 0 },
      },
      ratios: { throughput: NaN, cpuPerOrder: Infinity },
      goals: [],
      tuning: [],
      gaps: undefined,
    });

    Object.values(svgs).forEach(expectWellFormed);
    expect(svgs.throughput).toContain('No data in this run');
    expect(svgs.memory).not.toContain('50k');
    expect(markdown).toContain('# Doorstep benchmarks (quick run)');
    expect(markdown).toContain('**Quick run:**');
    expect(markdown).toContain('No notices reached the sinks in this run.');
    expect(markdown).toContain('No tuning recorded for this run.');
    expect(markdown).not.toContain('## Where the gaps come from');
    expect(markdown).not.toMatch(/NaN|undefined|Infinity/);
  });
});

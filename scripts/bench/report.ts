/** docs/benchmarks.md and its plots, written from one benchmark result. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { escapeHtml } from '../../common/html';
import { prose } from '../markdown';
import type { BenchResult, NoticeTally, Percentiles, SystemResult } from './model';
import { chainsLabel, latencyAt, loadLabel, PLOTS, SYSTEMS, union } from './plots';
import { fixed } from './svg';

type Row = string[];

/** A value from the result made inert in Markdown: HTML escaped, Markdown punctuation and table pipes backslashed. */
const cell = (s: string) => escapeHtml(s.replace(/\s+/g, ' ')).replace(/[\\`*_[\]|]/g, '\\$&');
const one = (v: number | undefined) => fixed(v, 1);
const count = (v: number | undefined) =>
  v !== undefined && Number.isFinite(v) ? Math.round(v).toLocaleString('en-US') : '–';
const ratio = (a: number, b: number) => (b > 0 ? fixed(a / b, 2) : '–');
const percentiles = (p: Percentiles) => `${one(p.p50)} / ${one(p.p95)} / ${one(p.p99)}`;

/** A Markdown table with columns from `numericFrom` on right-aligned; a sentence instead when there are no rows. */
function table(head: Row, rows: Row[], { numericFrom = head.length, none = 'No data in this run.' } = {}): string {
  if (!rows.length) return `_${none}_`;
  const line = (cells: Row) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map((_, i) => (i >= numericFrom ? '---:' : '---'))), ...rows.map(line)].join('\n');
}

/** One measure for both systems and Doorstep over the skeleton. */
function compare(
  result: BenchResult,
  label: string,
  pick: (s: SystemResult) => number,
  format: (v: number) => string,
): Row {
  const [d, s] = SYSTEMS.map((sys) => pick(result[sys.key]));
  return [label, format(d), format(s), ratio(d, s)];
}

const COMPARE_HEAD = ['', 'Doorstep', 'Skeleton', 'Doorstep / Skeleton'];

/** A `## title` section: the title and its blocks (paragraphs, a table), a blank line between each. */
const section = (title: string, ...blocks: string[]) => [`## ${title}`, ...blocks].join('\n\n');

function introSection(result: BenchResult, resultLink: string | undefined): string {
  const file = resultLink ? `[${cell(basename(resultLink))}](${encodeURI(resultLink)})` : 'its result file';
  const quick = result.quick
    ? `\n\n> ${prose(
        '**Quick run:** a shortened benchmark (see the settings at the end);',
        'its numbers show the shape, not the final values.',
      )}`
    : '';
  const reproduce = prose(
    'To reproduce, run `npm run bench` for the full benchmark or `npm run bench -- --quick` for a quick run (under 3 minutes).',
    'Each run writes its numbers to `bench/results/<date>.json` and rewrites this page and its plots from them;',
    `this page comes from ${file}, a run started ${cell(result.date)}.`,
    'Every measure is taken for Doorstep and for the skeleton, a bare Temporal workflow with no-op activities on the same path,',
    "so the ratios show what Doorstep's own work costs.",
  );
  return `# Doorstep benchmarks${result.quick ? ' (quick run)' : ''}${quick}\n\n${reproduce}`;
}

function machineSection({ machine }: BenchResult): string {
  const rows: Row[] = [
    ['OS', cell(machine.os)],
    ['CPU', `${cell(machine.cpuModel)} × ${machine.cpus}`],
    ['Memory', `${one(machine.memGiB)} GiB`],
    ['Node', cell(machine.node)],
    ['Temporal', cell(machine.temporal)],
  ];
  return section('Machine', table(['', 'Value'], rows));
}

function goalsSection({ goals }: BenchResult): string {
  const rows = goals.map((g) => [cell(g.name), cell(g.target), cell(g.value), g.met ? '✓' : '✗']);
  return section('Goals', table(['Goal', 'Target', 'Value', 'Met'], rows, { none: 'No goals recorded for this run.' }));
}

/** The hand-kept explanation of the gaps, verbatim (Markdown from the repository, not from a run). */
function gapsSection({ gaps }: BenchResult): string {
  return gaps ? section('Where the gaps come from', gaps.replace(/^#.*\n+/, '').trim()) : '';
}

function throughputSection(result: BenchResult, image: (name: string, alt: string) => string): string {
  const row = compare(result, 'Orders/s at saturation', (s) => s.ordersPerSec, one);
  row[3] = `T = ${fixed(result.ratios.throughput, 2)}`;
  return section(
    'Throughput at saturation',
    prose(
      'Orders are started at a fixed offered rate that rises step by step;',
      'the knee is the highest offered rate a system still keeps up with (90% or more achieved), saturation the most it achieved.',
    ),
    table(COMPARE_HEAD, [row], { numericFrom: 1 }) +
      image('throughput', 'Offered vs achieved orders per second for Doorstep and the skeleton'),
  );
}

function cpuSection(result: BenchResult, image: (name: string, alt: string) => string): string {
  const rows = [
    compare(result, 'Temporal server', (s) => s.cpuMsPerOrder.server, one),
    compare(result, 'Worker', (s) => s.cpuMsPerOrder.worker, one),
    compare(result, 'API', (s) => s.cpuMsPerOrder.api, one),
    compare(result, 'PostgreSQL (store)', (s) => s.cpuMsPerOrder.store, one),
    compare(result, '**Total**', (s) => s.cpuMsPerOrder.total, one),
  ];
  rows[4][3] = `**${fixed(result.ratios.cpuPerOrder, 2)}**`;
  return section(
    'CPU per order by process',
    'CPU milliseconds per completed order.',
    table(COMPARE_HEAD, rows, { numericFrom: 1 }) +
      image('cpu', 'CPU milliseconds per order by process, stacked, for Doorstep and the skeleton'),
  );
}

function latencySection(result: BenchResult, image: (name: string, alt: string) => string): string {
  const fractions = union(SYSTEMS.flatMap((s) => result[s.key].latency.map((l) => l.fraction)));
  const rows = fractions.flatMap((f) =>
    SYSTEMS.flatMap((s) => {
      const l = latencyAt(result[s.key].latency, f);
      return l ? [[loadLabel(f), s.label, one(l.rate), percentiles(l.postOrders), percentiles(l.eventToSend)]] : [];
    }),
  );
  const head = [
    'Load',
    'System',
    'Orders/s',
    'POST /v1/orders p50 / p95 / p99 (ms)',
    'Event → send start p50 / p95 / p99 (ms)',
  ];
  return section(
    'Latency',
    prose(
      "Percentiles at 25, 50 and 75% of each system's knee.",
      "Event → send start runs from a tracking event's POST to the start of the notice's send",
      "(the sink's first byte; for the skeleton, its no-op activity's start).",
    ),
    table(head, rows, { numericFrom: 2 }) +
      image('latency', 'Event to send-start latency percentiles at fractions of the knee'),
  );
}

function historySection(result: BenchResult): string {
  const rows = [
    compare(result, 'History events per order', (s) => s.history.eventsPerOrder, one),
    compare(result, 'History bytes per order', (s) => s.history.bytesPerOrder, count),
  ];
  return section('History per order', table(COMPARE_HEAD, rows, { numericFrom: 1 }));
}

function cachedChainSection(result: BenchResult): string {
  const kb = (mb: number) => one(mb * 1024);
  const rows = [compare(result, 'Worker RSS per cached chain (KiB)', (s) => s.workerRssPerCachedChainMB, kb)];
  return section(
    'Worker memory per cached chain',
    "The worker's RSS growth for each chain held in its workflow cache.",
    table(COMPARE_HEAD, rows, { numericFrom: 1 }),
  );
}

function openChainsSection(result: BenchResult, image: (name: string, alt: string) => string): string {
  const counts = union(SYSTEMS.flatMap((s) => result[s.key].openChains.map((o) => o.count)));
  const rows = counts.map((n) => [
    chainsLabel(n),
    ...SYSTEMS.flatMap((s) => {
      const o = result[s.key].openChains.find((c) => c.count === n);
      return [one(o?.workerRssMB), one(o?.serverRssMB), one(o?.storeMB)];
    }),
  ]);
  const head = [
    'Open chains',
    ...SYSTEMS.flatMap((s) => [`${s.label} worker RSS (MB)`, `${s.label} server RSS (MB)`, `${s.label} store (MB)`]),
  ];
  return section(
    'Memory and disk with open chains',
    prose(
      'Chains open and waiting on their timers.',
      "The store is Temporal's SQLite file with its WAL and, for Doorstep, the store's database.",
    ),
    table(head, rows, { numericFrom: 1 }) +
      image('memory', 'Worker RSS and store size against open chains for Doorstep and the skeleton'),
  );
}

function noticesSection(result: BenchResult): string {
  const tally = (system: string, channel: string, t: NoticeTally): Row => [
    system,
    channel,
    count(t.sent),
    count(t.received),
    count(t.lost),
    count(t.duplicated),
    count(t.throttled),
    one(t.perSec),
  ];
  const rows = SYSTEMS.flatMap((s) => {
    const n = result[s.key].notices;
    return n ? [tally(s.label, 'Email', n.email), tally(s.label, 'SMS', n.sms)] : [];
  });
  const head = ['System', 'Channel', 'Sent', 'Received', 'Lost', 'Duplicated', 'Throttled (429)', 'Received/s'];
  return section(
    'Email and SMS to the sinks',
    table(head, rows, { numericFrom: 2, none: 'No notices reached the sinks in this run.' }),
  );
}

function tuningSection({ tuning }: BenchResult): string {
  const rows = tuning.map((t) => [cell(t.change), cell(t.before), cell(t.after)]);
  return section('Tuning', table(['Change', 'Before', 'After'], rows, { none: 'No tuning recorded for this run.' }));
}

function settingsSection({ settings }: BenchResult): string {
  const rows = Object.entries(settings).map(([k, v]) => [cell(k), cell(Array.isArray(v) ? v.join(', ') : String(v))]);
  return section('Settings', table(['Setting', 'Value'], rows, { none: 'No settings recorded.' }));
}

/**
 * The Markdown text alone (for tests). `plotFiles` maps a plot's name to its path relative to the page;
 * `resultLink` is the result JSON's path relative to the page (linked from the intro).
 */
export function reportMarkdown(result: BenchResult, plotFiles: Record<string, string>, resultLink?: string): string {
  const image = (name: string, alt: string) => (plotFiles[name] ? `\n\n![${alt}](${plotFiles[name]})` : '');
  const sections = [
    introSection(result, resultLink),
    machineSection(result),
    goalsSection(result),
    gapsSection(result),
    throughputSection(result, image),
    cpuSection(result, image),
    latencySection(result, image),
    historySection(result),
    cachedChainSection(result),
    openChainsSection(result, image),
    noticesSection(result),
    tuningSection(result),
    settingsSection(result),
  ];
  return `${sections.filter(Boolean).join('\n\n')}\n`;
}

/** Writes docs/benchmarks.md and its plots (docs/benchmarks/*.svg) from a result; returns the paths written. */
export function writeReport(result: BenchResult, opts: { docsDir: string; resultFile: string }): string[] {
  mkdirSync(join(opts.docsDir, 'benchmarks'), { recursive: true });
  const plotFiles = Object.fromEntries(Object.keys(PLOTS).map((name) => [name, `benchmarks/${name}.svg`]));
  const written = Object.entries(PLOTS).map(([name, plot]) => {
    const path = join(opts.docsDir, plotFiles[name]);
    writeFileSync(path, plot(result));
    return path;
  });
  // Markdown links use forward slashes on every OS.
  const resultLink = relative(opts.docsDir, opts.resultFile).split(sep).join('/');
  const page = join(opts.docsDir, 'benchmarks.md');
  writeFileSync(page, reportMarkdown(result, plotFiles, resultLink));
  return [page, ...written];
}

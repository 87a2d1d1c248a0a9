/** docs/reliability.md, written from a chaos run's result and its goals. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { prose } from '../markdown';
import type { Attack, LogScan } from './attacks';
import type { Scenario } from './faults';
import type { JourneyResult } from './journeys';
import type { PropertyResult } from './properties';
import { goalsOf, type ChaosResult } from './result';
import type { FuzzResult } from './schemathesis';
import type { WebhookResult } from './webhooks';

const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
/** Counts by what was counted: `3 × 200, 1 × 409`. */
const tally = (counts: Record<string, number>, separator = ', ') =>
  Object.entries(counts)
    .map(([what, n]) => `${n} × ${what}`)
    .join(separator);
const code = (text: string) => `\`${text.replace(/\s+/g, ' ').replace(/\|/g, '\\|').replace(/`/g, "'")}\``;
const checks = (found: FuzzResult['failures'], none: string) =>
  found.length
    ? [
        '| Check | Operation | Answer |',
        '|---|---|---|',
        ...found.map((x) => row([x.check, x.operation, code(x.example)])),
      ]
    : [none];

function scenarioSection(x: Scenario): string[] {
  const a = x.accounting;
  return [
    `### ${x.title}`,
    '',
    `Seed ${x.seed}. Fault schedule:`,
    '',
    ...x.schedule.map((line) => `- ${line}`),
    '',
    '| Figure | Value |',
    '|---|---|',
    row(['chains', a.orders]),
    row(['completed', a.completed]),
    row(['lost (failed, terminated or gone)', a.lost.length]),
    row(['stuck (still running after the drain)', a.stuck.length]),
    row(['notices sent', a.sent]),
    row(['notices not sent, with their reasons', tally(a.notSent, '; ') || 0]),
    row(['notices neither', a.missing.length ? a.missing.join('; ') : 0]),
    row([
      'emails taken / duplicated / per 10k',
      `${a.notices.email.notices} / ${a.notices.email.duplicates} / ${a.notices.email.per10k.toFixed(1)}`,
    ]),
    row([
      'SMS taken / duplicated / per 10k',
      `${a.notices.sms.notices} / ${a.notices.sms.duplicates} / ${a.notices.sms.per10k.toFixed(1)}`,
    ]),
    row(['time to drain after the last fault', `${a.drainSeconds.toFixed(0)} s`]),
    ...Object.entries(x.figures).map(([k, v]) => row([k, v])),
    '',
  ];
}

/** What the figures mean where a goal is missed: notes.md next to the result (docs/reliability/, kept by hand). */
/** Where a full `npm run chaos -- --carrier-poll` keeps its section (a run of its own, included in every report). */
export const CARRIER_POLL_DOC = join('docs', 'reliability', 'carrier-poll.md');

function carrierPollFigures(): string[] {
  return existsSync(CARRIER_POLL_DOC) ? [readFileSync(CARRIER_POLL_DOC, 'utf8').trim(), ''] : [];
}

function notes(resultFile: string): string[] {
  const file = join(dirname(resultFile), 'notes.md');
  const text = existsSync(file) ? readFileSync(file, 'utf8').trim() : '';
  return text ? ['## What the figures mean', '', text, ''] : [];
}

/** A `## title` section: the title, a blank line, the body, a blank line. */
const section = (title: string, ...body: string[]) => [`## ${title}`, '', ...body, ''];

function intro(r: ChaosResult, docsDir: string, resultFile: string): string {
  const where = `${r.machine}${r.commit ? `, commit ${r.commit}` : ''}`;
  return prose(
    `Written by \`npm run chaos${r.quick ? ' -- --quick' : ''}\` on ${r.date.slice(0, 10)} (${where}), seed ${r.seed}:`,
    `\`npm run chaos -- --seed ${r.seed}\` replays every schedule below.`,
    `The raw result is \`${relative(join(docsDir, '..'), resultFile)}\`.`,
    'Every run starts its own Temporal dev server (SQLite file), PostgreSQL, API, workers, SMTP server and Twilio endpoint on loopback;',
    'faults are real: `kill -9`, a TCP proxy in front of each provider.',
  );
}

function webhooksSection(w: WebhookResult): string[] {
  return section(
    'Webhooks delivered three times, out of order, at once',
    prose(
      `${w.orders} chains.`,
      'Every carrier event three times at once (twice under one webhook-id, once under a new one),',
      "then all of a chain's events again in a shuffled order;",
      "each chain's first SMS reported undelivered (30003) three times at once.",
    ),
    '',
    '| Figure | Value |',
    '|---|---|',
    row(['carrier deliveries / Twilio status deliveries', `${w.carrierDeliveries} / ${w.statusDeliveries}`]),
    row(['answers', tally(w.answers)]),
    row(['transitions applied more than once', w.duplicateTransitions]),
    row(['chains missing an event', w.eventsMissing]),
    row(['fallback emails sent more than once / missing', `${w.duplicateFallbacks} / ${w.fallbacksMissing}`]),
  );
}

function propertiesSection(p: PropertyResult): string[] {
  const verdict = p.passed
    ? `every invariant held over ${p.runs} random sequences`
    : `**broken**:\n\n\`\`\`\n${p.failure}\n\`\`\``;
  return section(
    'Model-based properties',
    prose(
      `\`${p.command}\`: ${verdict}.`,
      'Random tracking events (valid or not, repeated, late), pauses, STOP/START, ratings and support resends on the real dev server;',
      'invariants: the stage never moves back, no SMS after STOP, at most one notice per ledger key, the chain always ends.',
    ),
  );
}

function journeysSection(j: JourneyResult): string[] {
  const violations = j.violations.length ? j.violations.map((v) => `\n- ${v}`).join('') : '0';
  return section(
    'Quiet hours and the daily cap over simulated days',
    prose(
      `The journey simulator's ${j.journeys} journeys (every scenario × locale, each customer in their own time zone,`,
      `days of timers skipped on the time-skipping server): ${j.notices} notices, ${j.nonUrgent} of them non-urgent;`,
      `quiet hours ${j.quietHours}. Violations: ${violations}.`,
    ),
  );
}

function fuzzSection(f: FuzzResult): string[] {
  return section(
    'API fuzzing (schemathesis, stateful)',
    `\`${f.command}\` (exit ${f.exitCode}): ${f.requests} requests; answers ${tally(f.byStatus)}; ${f.serverErrors} 5xx.`,
    '',
    ...checks(f.failures, 'No check failed.'),
    '',
    prose(
      'Requests valid by the schema that the API refuses by a rule JSON Schema does not state',
      '(an opaque token, a valid phone number, a window that ends after it starts);',
      'each refusal is a 400 problem+json naming the field:',
    ),
    '',
    ...checks(f.stricter, 'None.'),
  );
}

function attacksSection(attacks: Attack[]): string[] {
  return section(
    'Attacks',
    'Each attack is sent next to the same request done right (the control), which is let in.',
    '',
    '| Attack | Refusal expected | Answer | Control | Refused |',
    '|---|---|---|---|---|',
    ...attacks.map((a) => row([a.name, a.expected, a.got, a.control ?? '', a.refused ? 'yes' : '**no**'])),
  );
}

function logsSection(logs: LogScan): string[] {
  return section(
    'Logs',
    prose(
      `${logs.lines} lines printed by the API and the workers over the whole run,`,
      `read for a customer's full email address or phone number: ${logs.unmasked} found.`,
    ) + logs.examples.map((e) => `\n- \`${e}\``).join(''),
  );
}

/** Writes reliability.md into `docsDir`; returns its path. */
export function writeReport(r: ChaosResult, docsDir: string, resultFile: string): string {
  const lines = [
    `# Reliability and security${r.quick ? ' (quick run)' : ''}`,
    '',
    intro(r, docsDir, resultFile),
    '',
    ...section(
      'Goals',
      '| Goal | Figure | Met |',
      '|---|---|---|',
      ...goalsOf(r).map((g) => row([g.name, g.value, g.met ? 'yes' : '**no**'])),
    ),
    ...notes(resultFile),
    '## Faults',
    '',
    ...r.scenarios.flatMap(scenarioSection),
    ...(r.webhooks ? webhooksSection(r.webhooks) : []),
    ...(r.properties ? propertiesSection(r.properties) : []),
    ...(r.journeys ? journeysSection(r.journeys) : []),
    ...(r.schemathesis ? fuzzSection(r.schemathesis) : []),
    ...(r.attacks ? attacksSection(r.attacks) : []),
    ...(r.logs ? logsSection(r.logs) : []),
    ...carrierPollFigures(),
  ];
  mkdirSync(docsDir, { recursive: true });
  const file = join(docsDir, 'reliability.md');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

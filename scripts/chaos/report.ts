/** The chaos run's result, its goals, and docs/reliability.md written from them. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { Attack, LogScan } from './attacks';
import type { Scenario } from './faults';
import type { JourneyResult } from './journeys';
import type { PropertyResult } from './properties';
import type { FuzzResult } from './schemathesis';
import type { WebhookResult } from './webhooks';

export interface ChaosResult {
  date: string;
  quick: boolean;
  seed: number;
  machine: string;
  commit?: string;
  scenarios: Scenario[];
  webhooks?: WebhookResult;
  attacks?: Attack[];
  schemathesis?: FuzzResult;
  logs?: LogScan;
  properties?: PropertyResult;
  journeys?: JourneyResult;
}

export interface Goal {
  name: string;
  value: string;
  met: boolean;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

export function goalsOf(r: ChaosResult): Goal[] {
  const goals: Goal[] = [];
  const s = r.scenarios;
  if (s.length) {
    const lost = sum(s.map((x) => x.accounting.lost.length + x.accounting.stuck.length));
    goals.push({
      name: '0 lost or stuck chains (every fault scenario)',
      value: `${lost} of ${sum(s.map((x) => x.accounting.orders))}`,
      met: lost === 0,
    });
    const missing = sum(s.map((x) => x.accounting.missing.length));
    const notSent = sum(s.map((x) => sum(Object.values(x.accounting.notSent))));
    goals.push({
      name: 'every notice sent, or not sent with its reason',
      value: `${sum(s.map((x) => x.accounting.sent))} sent, ${notSent} not sent with a reason, ${missing} neither`,
      met: missing === 0,
    });
    for (const channel of ['sms', 'email'] as const) {
      const dups = sum(s.map((x) => x.accounting.notices[channel].duplicates));
      const where = s
        .filter((x) => x.accounting.notices[channel].duplicates)
        .map((x) => `${x.name} ${x.accounting.notices[channel].duplicates}`);
      goals.push({
        name: `0 duplicate ${channel === 'sms' ? 'SMS' : 'emails'} with the ledger`,
        value: `${dups} of ${sum(s.map((x) => x.accounting.notices[channel].notices))}${where.length ? ` (${where.join(', ')})` : ''}`,
        met: dups === 0,
      });
    }
  }
  const outage = s.find((x) => x.name === 'provider-outage');
  if (outage) {
    const cap = Number(outage.figures['Twilio cap (requests/s per sender)']);
    const peak = Math.max(
      ...Object.entries(outage.figures)
        .filter(([k]) => k.startsWith('Twilio peak'))
        .map(([, v]) => Number(v)),
    );
    goals.push({
      name: 'requests to Twilio under its cap through an outage (no retry storm)',
      value: `peak ${peak}/s, cap ${cap}/s`,
      met: peak < cap,
    });
  }
  if (r.webhooks) {
    const w = r.webhooks;
    const wrong = w.duplicateTransitions + w.duplicateFallbacks + w.eventsMissing + w.fallbacksMissing;
    goals.push({
      name: '0 duplicate transitions from webhooks delivered three times',
      value: `${w.duplicateTransitions} transitions, ${w.duplicateFallbacks} fallbacks twice (${w.carrierDeliveries + w.statusDeliveries} deliveries)`,
      met: wrong === 0,
    });
  }
  if (r.properties)
    goals.push({
      name: '0 sends after STOP, stage never back, one notice per ledger key, every chain ends',
      value: r.properties.passed ? `held over ${r.properties.runs} random sequences` : 'broken',
      met: r.properties.passed,
    });
  if (r.journeys)
    goals.push({
      name: '0 quiet-hour violations',
      value: `${r.journeys.violations.length} in ${r.journeys.nonUrgent} non-urgent notices`,
      met: r.journeys.violations.length === 0,
    });
  const fiveXX = (r.schemathesis?.serverErrors ?? 0) + Number(r.webhooks?.answers['500'] ?? 0);
  if (r.schemathesis)
    goals.push({
      name: '0 5xx answers (schemathesis and webhooks)',
      value: `${fiveXX} of ${r.schemathesis.requests + (r.webhooks ? r.webhooks.carrierDeliveries + r.webhooks.statusDeliveries : 0)}`,
      met: fiveXX === 0,
    });
  if (r.schemathesis)
    goals.push({
      name: '0 schema violations (answers outside the OpenAPI document, invalid requests let in)',
      value: `${r.schemathesis.failures.length} failed checks`,
      met: r.schemathesis.failures.length === 0,
    });
  if (r.attacks) {
    const let_in = r.attacks.filter((a) => !a.refused);
    goals.push({
      name: 'every attack refused',
      value: `${r.attacks.length - let_in.length} of ${r.attacks.length}`,
      met: let_in.length === 0,
    });
  }
  if (r.logs)
    goals.push({
      name: 'no full phone number or email in a log line',
      value: `${r.logs.unmasked} of ${r.logs.lines} lines`,
      met: r.logs.unmasked === 0,
    });
  return goals;
}

const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
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
    row([
      'notices not sent, with their reasons',
      Object.entries(a.notSent)
        .map(([r, n]) => `${n} × ${r}`)
        .join('; ') || 0,
    ]),
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
function notes(resultFile: string): string[] {
  const file = join(dirname(resultFile), 'notes.md');
  const text = existsSync(file) ? readFileSync(file, 'utf8').trim() : '';
  return text ? ['## What the figures mean', '', text, ''] : [];
}

/** Writes reliability.md into `docsDir`; returns its path. */
export function writeReport(r: ChaosResult, docsDir: string, resultFile: string): string {
  const goals = goalsOf(r);
  const lines = [
    `# Reliability and security${r.quick ? ' (quick run)' : ''}`,
    '',
    `Written by \`npm run chaos${r.quick ? ' -- --quick' : ''}\` on ${r.date.slice(0, 10)} (${r.machine}${r.commit ? `, commit ${r.commit}` : ''}), seed ${r.seed}: \`npm run chaos -- --seed ${r.seed}\` replays every schedule below. The raw result is \`${relative(join(docsDir, '..'), resultFile)}\`. Every run starts its own Temporal dev server (SQLite file), PostgreSQL, API, workers, SMTP server and Twilio endpoint on loopback; faults are real: \`kill -9\`, a TCP proxy in front of each provider.`,
    '',
    '## Goals',
    '',
    '| Goal | Figure | Met |',
    '|---|---|---|',
    ...goals.map((g) => row([g.name, g.value, g.met ? 'yes' : '**no**'])),
    '',
    ...notes(resultFile),
    '## Faults',
    '',
    ...r.scenarios.flatMap(scenarioSection),
  ];
  if (r.webhooks) {
    const w = r.webhooks;
    lines.push(
      '## Webhooks delivered three times, out of order, at once',
      '',
      `${w.orders} chains. Every carrier event three times at once (twice under one webhook-id, once under a new one), then all of a chain's events again in a shuffled order; each chain's first SMS reported undelivered (30003) three times at once.`,
      '',
      '| Figure | Value |',
      '|---|---|',
      row(['carrier deliveries / Twilio status deliveries', `${w.carrierDeliveries} / ${w.statusDeliveries}`]),
      row([
        'answers',
        Object.entries(w.answers)
          .map(([s, n]) => `${n} × ${s}`)
          .join(', '),
      ]),
      row(['transitions applied more than once', w.duplicateTransitions]),
      row(['chains missing an event', w.eventsMissing]),
      row(['fallback emails sent more than once / missing', `${w.duplicateFallbacks} / ${w.fallbacksMissing}`]),
      '',
    );
  }
  if (r.properties) {
    const p = r.properties;
    lines.push(
      '## Model-based properties',
      '',
      `\`${p.command}\`: ${p.passed ? `every invariant held over ${p.runs} random sequences` : `**broken**:\n\n\`\`\`\n${p.failure}\n\`\`\``}. Random tracking events (valid or not, repeated, late), pauses, STOP/START, ratings and support resends on the real dev server; invariants: the stage never moves back, no SMS after STOP, at most one notice per ledger key, the chain always ends.`,
      '',
    );
  }
  if (r.journeys) {
    const j = r.journeys;
    lines.push(
      '## Quiet hours and the daily cap over simulated days',
      '',
      `The journey simulator's ${j.journeys} journeys (every scenario × locale, each customer in their own time zone, days of timers skipped on the time-skipping server): ${j.notices} notices, ${j.nonUrgent} of them non-urgent; quiet hours ${j.quietHours}. Violations: ${j.violations.length ? j.violations.map((v) => `\n- ${v}`).join('') : '0'}.`,
      '',
    );
  }
  if (r.schemathesis) {
    const f = r.schemathesis;
    lines.push(
      '## API fuzzing (schemathesis, stateful)',
      '',
      `\`${f.command}\` (exit ${f.exitCode}): ${f.requests} requests; answers ${Object.entries(f.byStatus)
        .map(([s, n]) => `${n} × ${s}`)
        .join(', ')}; ${f.serverErrors} 5xx.`,
      '',
      ...checks(f.failures, 'No check failed.'),
      '',
      'Requests valid by the schema that the API refuses by a rule JSON Schema does not state (an opaque token, a valid phone number, a window that ends after it starts); each refusal is a 400 problem+json naming the field:',
      '',
      ...checks(f.stricter, 'None.'),
      '',
    );
  }
  if (r.attacks) {
    lines.push(
      '## Attacks',
      '',
      'Each attack is sent next to the same request done right (the control), which is let in.',
      '',
      '| Attack | Refusal expected | Answer | Control | Refused |',
      '|---|---|---|---|---|',
      ...r.attacks.map((a) => row([a.name, a.expected, a.got, a.control ?? '', a.refused ? 'yes' : '**no**'])),
      '',
    );
  }
  if (r.logs) {
    lines.push(
      '## Logs',
      '',
      `${r.logs.lines} lines printed by the API and the workers over the whole run, read for a customer's full email address or phone number: ${r.logs.unmasked} found.${r.logs.examples.map((e) => `\n- \`${e}\``).join('')}`,
      '',
    );
  }
  mkdirSync(docsDir, { recursive: true });
  const file = join(docsDir, 'reliability.md');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

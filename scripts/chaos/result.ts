/** The chaos run's result, and the goals read from it. */
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

/**
 * When each notice a chain queues reaches the customer, as the chain's notifier decides it: urgent
 * ones at once; the others one after another, waiting out the customer's quiet hours and the
 * shop's daily cap, and dropped when they became pointless while they waited. The rules and their
 * wording are the notifier's and the send activity's (workflows/local-time.ts computes the times).
 */
import { obsoleteReason, pickupReminderObsolete } from '../workflows/chain-state';
import type { Shop } from '../workflows/contract';
import { dailyCapReason, localDay, nextDay, quietHoursReason, quietUntil, STALE_MS } from '../workflows/local-time';
import { touchpointIdOf } from '../workflows/touchpoints';
import type { ChainModel, Lane, QueuedNotice, Snapshot } from './model';

const LANES: Lane[] = ['urgent', 'calm', 'return'];

export interface ScheduledNotice extends QueuedNotice {
  /** When it reaches the customer (epoch ms), unless it was dropped. */
  sentAt?: number;
  /** Every wait, with its reason ("quiet hours (21:00–09:00): waits until 2026-11-24 09:00 Europe/Warsaw"). */
  waits: string[];
  dropped?: { at: number; reason: string };
}

/** Every notice of the model with when it goes (or why not), in the order the customer would get them. */
export function schedule({ order, notices, snapshots }: ChainModel, shop: Shop): ScheduledNotice[] {
  const zone = order.customer.timezone;
  const queues: Record<Lane, ScheduledNotice[]> = { urgent: [], calm: [], return: [] };
  for (const n of notices) queues[n.lane].push({ ...n, waits: [] });
  const free: Record<Lane, number> = { urgent: 0, calm: 0, return: 0 };
  const retryAt = new Map<ScheduledNotice, number>();
  const perDay = new Map<string, number>();
  const out: ScheduledNotice[] = [];

  /** When a lane's next notice is tried; none while a notice after the return waits for the return's notices. */
  const readyAt = (lane: Lane): number | undefined => {
    const head = queues[lane][0];
    if (!head || (head.afterReturn && queues.return.length)) return undefined;
    return Math.max(head.queuedAt, free[lane], head.afterReturn ? free.return : 0, retryAt.get(head) ?? 0);
  };
  const finish = (lane: Lane, at: number) => {
    free[lane] = at;
    out.push(queues[lane].shift()!);
  };

  for (;;) {
    const next = LANES.map((lane) => [lane, readyAt(lane)] as const)
      .filter((e): e is readonly [Lane, number] => e[1] !== undefined)
      .sort((a, b) => a[1] - b[1])[0];
    if (!next) break;
    const [lane, t] = next;
    const n = queues[lane][0];
    // The return runs as its own chain, whose notices never become pointless.
    const obsolete =
      lane !== 'return' && (n.waits.length > 0 || t - n.queuedAt > STALE_MS)
        ? reasonAt(n, stateAt(snapshots, t), t)
        : undefined;
    if (obsolete) {
      n.dropped = { at: t, reason: obsolete };
      finish(lane, t);
      continue;
    }
    const wait = n.urgent ? undefined : holdBack(t);
    if (wait) {
      n.waits.push(wait.reason);
      // A waiting notice is dropped as soon as it becomes pointless.
      const gone = lane === 'return' ? undefined : firstObsolete(n, snapshots, t, wait.until);
      if (gone) {
        n.dropped = gone;
        finish(lane, gone.at);
      } else retryAt.set(n, wait.until);
      continue;
    }
    n.sentAt = t;
    if (!n.urgent) perDay.set(localDay(t, zone), (perDay.get(localDay(t, zone)) ?? 0) + 1);
    finish(lane, t);
  }
  return out.sort((a, b) => (a.sentAt ?? a.dropped!.at) - (b.sentAt ?? b.dropped!.at));

  /** Why a non-urgent notice cannot go at `t`, and until when: quiet hours first, then the daily cap. */
  function holdBack(t: number): { until: number; reason: string } | undefined {
    const quiet = quietUntil(t, zone, shop.quietHours);
    if (quiet !== undefined) return { until: quiet, reason: quietHoursReason(quiet, zone, shop.quietHours) };
    if ((perDay.get(localDay(t, zone)) ?? 0) < shop.maxNoticesPerDay) return undefined;
    const until = nextDay(t, zone, shop.quietHours);
    return { until, reason: dailyCapReason(until, zone, shop.maxNoticesPerDay) };
  }
}

/** Where the chain stands at `t`. */
function stateAt(snapshots: Snapshot[], t: number): Snapshot {
  return snapshots.findLast((s) => s.at <= t) ?? snapshots[0];
}

/** Why the notice is pointless at `at` in that state, if it is (the chain's own rules). */
function reasonAt(n: QueuedNotice, { stage, courierCalled, pickupUntil }: Snapshot, at: number): string | undefined {
  // The rules read only the stage of the chain, its pickup deadline and the touchpoint's key and name.
  const tp = { key: n.key, name: touchpointIdOf(n.key)! };
  return obsoleteReason({ stage }, tp, courierCalled) ?? pickupReminderObsolete({ until: pickupUntil }, tp, at);
}

/** The first moment in (from, to] the notice becomes pointless, with the reason. */
function firstObsolete(
  n: QueuedNotice,
  snapshots: Snapshot[],
  from: number,
  to: number,
): { at: number; reason: string } | undefined {
  for (const s of snapshots.filter((x) => x.at > from && x.at <= to)) {
    const reason = reasonAt(n, s, s.at);
    if (reason) return { at: s.at, reason };
  }
  return undefined;
}

/** Pure checks of a journey against its shop's rules: quiet hours, the daily cap, and no notice twice. */
import type { Shop } from '../../workflows/contract';
import { localDay, quietUntil } from '../../workflows/local-time';
import type { JourneyNotice } from './model';

export type JourneyRules = Pick<Shop, 'quietHours' | 'maxNoticesPerDay'>;

const idOf = (n: JourneyNotice) => `${n.touchpoint} #${n.revision}`;

/** Non-urgent notices that arrive inside the shop's quiet hours (in the customer's zone). */
function quietHourBreaks(notices: JourneyNotice[], { quietHours }: JourneyRules, timezone: string): string[] {
  const { start, end } = quietHours;
  return notices
    .filter((n) => !n.urgent && quietUntil(Date.parse(n.at), timezone, quietHours) !== undefined)
    .map(
      (n) =>
        `The ${n.touchpoint} notice (${n.channel}) arrives at ${n.localTime}, inside the shop's quiet hours (${start}–${end}).`,
    );
}

/**
 * Customer-local days with more non-urgent notices than the cap (a notice's fallback on another channel
 * counts once, as in the ledger).
 */
function capBreaks(notices: JourneyNotice[], { maxNoticesPerDay }: JourneyRules, timezone: string): string[] {
  const byDay = new Map<string, Set<string>>();
  for (const n of notices.filter((x) => !x.urgent)) {
    const day = localDay(Date.parse(n.at), timezone);
    byDay.set(day, (byDay.get(day) ?? new Set()).add(idOf(n)));
  }
  return [...byDay]
    .filter(([, ids]) => ids.size > maxNoticesPerDay)
    .map(
      ([day, ids]) =>
        `On ${day} the customer gets ${ids.size} non-urgent notices (${[...ids].join(', ')}), above the shop's cap of ${maxNoticesPerDay} a day.`,
    );
}

/** Notices (touchpoint and revision) the customer gets more than once. */
function duplicates(notices: JourneyNotice[]): string[] {
  const seen = new Map<string, JourneyNotice[]>();
  for (const n of notices) seen.set(idOf(n), [...(seen.get(idOf(n)) ?? []), n]);
  return [...seen]
    .filter(([, copies]) => copies.length > 1)
    .map(
      ([id, copies]) =>
        `The ${id} notice arrives ${copies.length} times: ${copies.map((c) => `${c.localTime} (${c.channel})`).join(', ')}.`,
    );
}

/** Every rule the notices break, as readable sentences (none: an empty list). */
export function journeyViolations(notices: JourneyNotice[], rules: JourneyRules, timezone: string): string[] {
  return [...quietHourBreaks(notices, rules, timezone), ...capBreaks(notices, rules, timezone), ...duplicates(notices)];
}

/**
 * Quiet hours and the daily cap over simulated days: every journey of the simulator (scenario ×
 * locale, each customer in their own time zone, timers skipped on the time-skipping server) checked
 * for a non-urgent notice in the shop's quiet hours, a day over the cap, or a notice twice.
 */
import type { Shop } from '../../workflows/contract';
import { JOURNEY_LOCALES, JOURNEY_SCENARIOS } from '../../simulator/index';
import { openJourneyBench } from '../journey/index';

export interface JourneyResult {
  journeys: number;
  notices: number;
  nonUrgent: number;
  quietHours: string;
  /** Broken rules, as the simulator words them. */
  violations: string[];
}

export async function journeys(shop: Shop): Promise<JourneyResult> {
  const bench = await openJourneyBench();
  const result: JourneyResult = {
    journeys: 0,
    notices: 0,
    nonUrgent: 0,
    quietHours: `${shop.quietHours.start}–${shop.quietHours.end}, at most ${shop.maxNoticesPerDay} a day`,
    violations: [],
  };
  try {
    for (const scenario of JOURNEY_SCENARIOS) {
      for (const locale of JOURNEY_LOCALES) {
        const j = await bench.run(scenario, locale, shop);
        result.journeys++;
        result.notices += j.notices.length;
        result.nonUrgent += j.notices.filter((n) => !n.urgent).length;
        result.violations.push(...j.violations.map((v) => `${scenario}/${locale}: ${v}`));
      }
    }
  } finally {
    await bench.close();
  }
  return result;
}

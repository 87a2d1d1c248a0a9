/**
 * `npm run journey -- --scenario delayed --locale pl`: runs a synthetic order through the real chain
 * workflow on the time-skipping test server and shows every notice the customer would get, with its
 * local time, channel and text, here and as an HTML page. Exits 1 when a notice breaks the shop's
 * quiet hours or daily cap or arrives twice, 2 on bad arguments.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { loadConfig } from '../common/config';
import { logger } from '../common/logger';
import type { Shop } from '../workflows/contract';
import { JOURNEY_LOCALES, JOURNEY_SCENARIOS, type JourneyLocale, type JourneyScenario } from '../simulator/index';
import { journeyHtml, journeyListing, openJourneyBench } from './journey/index';

const USAGE = `usage: npm run journey -- --scenario <${JOURNEY_SCENARIOS.join('|')}> --locale <${JOURNEY_LOCALES.join('|')}> [--html <file>] [--shop <id>]`;

function fail(problem: string): never {
  console.error(`journey: ${problem}\n${USAGE}`);
  process.exit(2);
}

const oneOf = <T extends string>(allowed: readonly T[], value: string | undefined, what: string): T => {
  if (value === undefined) fail(`--${what} is required`);
  if (!(allowed as readonly string[]).includes(value))
    fail(`unknown ${what} "${value}" (one of: ${allowed.join(', ')})`);
  return value as T;
};

/** The parsed command line, or exit 2 naming what is wrong. */
function options(): { scenario: JourneyScenario; locale: JourneyLocale; html: string; shop: Shop } {
  let values: { scenario?: string; locale?: string; html?: string; shop?: string };
  try {
    ({ values } = parseArgs({
      options: {
        scenario: { type: 'string' },
        locale: { type: 'string' },
        html: { type: 'string' },
        shop: { type: 'string' },
      },
    }));
  } catch (err) {
    fail((err as Error).message);
  }
  const scenario = oneOf(JOURNEY_SCENARIOS, values.scenario, 'scenario');
  const locale = oneOf(JOURNEY_LOCALES, values.locale, 'locale');
  let shops: Map<string, Shop>;
  try {
    shops = loadConfig().shops;
  } catch (err) {
    fail((err as Error).message);
  }
  const shop = values.shop ? shops.get(values.shop) : shops.values().next().value;
  if (!shop) fail(`unknown shop "${values.shop}" (configured: ${[...shops.keys()].join(', ')})`);
  return { scenario, locale, shop, html: resolve(values.html ?? `.artifacts/journeys/${scenario}-${locale}.html`) };
}

const { scenario, locale, html, shop } = options();
// The listing is the output: the activities' per-send logs and the test server's capability warning would bury it.
logger.level = process.env.LOG_LEVEL ?? 'warn';
Runtime.install({
  logger: new DefaultLogger('WARN'),
  telemetryOptions: { logging: { filter: { core: 'ERROR', other: 'ERROR' } } },
});

const bench = await openJourneyBench();
try {
  const journey = await bench.run(scenario, locale, shop);
  mkdirSync(dirname(html), { recursive: true });
  writeFileSync(html, journeyHtml(journey));
  process.stdout.write(`${journeyListing(journey)}\nHTML: ${html}\n`);
  process.exitCode = journey.violations.length ? 1 : 0;
} finally {
  await bench.close();
}

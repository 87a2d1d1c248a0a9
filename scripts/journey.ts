/**
 * `npm run journey -- --scenario delayed --locale pl`: runs a synthetic order through the real chain
 * workflow on the time-skipping test server and shows every notice the customer would get, with its
 * local time, channel and text, in the shop's own voice and wording, here and as an HTML page
 * (`--locale all`: one per language). Exits 1 when a notice breaks the shop's quiet hours or daily cap
 * or arrives twice, 2 on bad arguments or a store it cannot read.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { loadConfig, type AppConfig } from '../common/config';
import { logger } from '../common/logger';
import type { Shop } from '../workflows/contract';
import { JOURNEY_LOCALES, JOURNEY_SCENARIOS, type JourneyLocale, type JourneyScenario } from '../simulator/index';
import { journeyHtml, journeyListing, openJourneyBench, shopWording } from './journey/index';

const USAGE = `usage: npm run journey -- --scenario <${JOURNEY_SCENARIOS.join('|')}> --locale <${JOURNEY_LOCALES.join('|')}|all> [--html <file>] [--shop <id>]`;

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

/** Where a locale's page goes: `--html` as given for one locale, with `-<locale>` before its extension for all. */
function htmlPath(given: string | undefined, scenario: JourneyScenario, locale: JourneyLocale, all: boolean): string {
  if (!given) return resolve(`.artifacts/journeys/${scenario}-${locale}.html`);
  if (!all) return resolve(given);
  const ext = extname(given);
  return resolve(`${given.slice(0, given.length - ext.length)}-${locale}${ext || '.html'}`);
}

interface Options {
  scenario: JourneyScenario;
  /** Each locale to run, with the file its page goes to. */
  runs: { locale: JourneyLocale; html: string }[];
  shop: Shop;
  config: AppConfig;
}

/** The parsed command line, or exit 2 naming what is wrong. */
function options(): Options {
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
  const all = values.locale === 'all';
  const locales = all ? JOURNEY_LOCALES : [oneOf(JOURNEY_LOCALES, values.locale, 'locale')];
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (err) {
    fail((err as Error).message);
  }
  const shop = values.shop ? config.shops.get(values.shop) : config.shops.values().next().value;
  if (!shop) fail(`unknown shop "${values.shop}" (configured: ${[...config.shops.keys()].join(', ')})`);
  const runs = locales.map((locale) => ({ locale, html: htmlPath(values.html, scenario, locale, all) }));
  return { scenario, runs, shop, config };
}

const { scenario, runs, shop, config } = options();
// The listing is the output: the activities' per-send logs and the test server's capability warning would bury it.
logger.level = process.env.LOG_LEVEL ?? 'warn';
Runtime.install({
  logger: new DefaultLogger('WARN'),
  telemetryOptions: { logging: { filter: { core: 'ERROR', other: 'ERROR' } } },
});

const wording = await shopWording(config, shop.id).catch((err: unknown) => {
  console.error(`journey: ${(err as Error).message}`);
  process.exit(2);
});
const bench = await openJourneyBench(wording);
process.exitCode = 0;
try {
  for (const { locale, html } of runs) {
    const journey = await bench.run(scenario, locale, shop);
    mkdirSync(dirname(html), { recursive: true });
    writeFileSync(html, journeyHtml(journey));
    process.stdout.write(`${journeyListing(journey)}\nHTML: ${html}\n\n`);
    if (journey.violations.length) process.exitCode = 1;
  }
} finally {
  await bench.close();
}

/** The journey simulator's API, for the CLI (scripts/journey.ts) and the chaos run. */
export {
  JOURNEY_LOCALES,
  JOURNEY_SCENARIOS,
  type JourneyLocale,
  type JourneyScenario,
} from '../../api/console/preview/scenarios';
export type { Journey, JourneyNotice } from './model';
export { openJourneyBench, type JourneyBench } from './run';
export { journeyViolations } from './check';
export { journeyHtml, journeyListing } from './render';

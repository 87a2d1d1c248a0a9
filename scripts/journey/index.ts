/**
 * The journey bench's API, for the CLI (scripts/journey.ts) and the chaos run; the journeys themselves are
 * simulator/'s.
 */
export type { Journey, JourneyNotice } from './model';
export { openJourneyBench, type JourneyBench } from './run';
export { shopWording, type ShopWording } from './shop-wording';
export { journeyViolations } from './check';
export { journeyHtml, journeyListing } from './render';

/**
 * The journey simulator: customer journeys as data (scenarios, and a persona per locale), made
 * concrete as plans on a customer-local calendar, and every notice a chain would send along them.
 *
 * Design: a separate model, computed in-process. The console's "Preview the chain" works the notices
 * out in the API process from the chain's own pure rules (workflows/chain-state.ts, local-time.ts,
 * touchpoints.ts, channels.ts) and renders them with the notices' renderer; the API process never
 * starts a Temporal server. The journey CLI (scripts/journey) drives the same plans through the real
 * chain workflow on the time-skipping test server, and test/scripts/journey.test.ts holds this model
 * to what the real chain sent. Product code: it imports no scripts/, test/ or @temporalio/testing.
 */
export { noticeName, previewOf, shopRules, type CustomerNotice, type Preview, type PreviewNotice } from './preview';
export {
  JOURNEY_LOCALES,
  JOURNEY_SCENARIOS,
  PERSONAS,
  RETURN_WINDOW_DAYS,
  SCENARIOS,
  type JourneyLocale,
  type JourneyScenario,
} from './scenarios';
export { LOCKERS, type Locker } from './lockers';
export { localTimeOf, orderOf, orderTime, planFrom, stepsOf, type Plan } from './plan';

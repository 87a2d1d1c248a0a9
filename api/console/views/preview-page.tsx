/** The form that picks a journey to preview: a scenario and the customer's language. */
import { JOURNEY_LOCALES, JOURNEY_SCENARIOS } from '../../../scripts/journey/scenarios';
import type { Staff } from '../session';
import { Layout } from './layout';

const LANGUAGES: Record<(typeof JOURNEY_LOCALES)[number], string> = { en: 'English', ru: 'Russian', pl: 'Polish' };

export function PreviewPage({ staff }: { staff: Staff }) {
  return (
    <Layout title="Preview the chain" staff={staff}>
      <form method="get" action="/console/preview/run" class="card">
        <h1>Preview the chain</h1>
        <p>
          Walk the customer's path before a real customer does: a synthetic order runs through the real chain with your shop's
          settings, and you see every notice the customer would get, when it would arrive (their local time), on which channel and
          in which words. The first run of a scenario takes a few seconds.
        </p>
        <label>
          Scenario <select name="scenario">{JOURNEY_SCENARIOS.map((s) => <option value={s}>{s}</option>)}</select>
        </label>
        <label>
          Language <select name="locale">{JOURNEY_LOCALES.map((code) => <option value={code}>{LANGUAGES[code]}</option>)}</select>
        </label>
        <button>Preview</button>
      </form>
    </Layout>
  );
}

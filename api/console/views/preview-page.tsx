/** "Preview the chain": the form (a scenario, the customer's language) and every notice the chain would send. */
import {
  JOURNEY_LOCALES,
  JOURNEY_SCENARIOS,
  noticeName,
  SCENARIOS,
  shopRules,
  type JourneyLocale,
  type Preview,
  type PreviewNotice,
} from '../../../simulator/index';
import { LOCALES } from '../../../activities/templates/locales/index';
import type { Staff } from '../session';
import { Layout } from './layout';
import { ErrorNote, Select } from './parts';

/** Each language's English name, from its locale file. */
const LANGUAGES = Object.fromEntries(JOURNEY_LOCALES.map((code) => [code, LOCALES[code].name])) as Record<
  JourneyLocale,
  string
>;
const CHANNEL_NAMES: Record<string, string> = { email: 'Email', sms: 'SMS', voice: 'Voice call', whatsapp: 'WhatsApp' };

function NoticeCard({ notice, lang }: { notice: PreviewNotice; lang: string }) {
  const name = noticeName(notice);
  return (
    <li>
      <article
        class={`card notice${notice.dropped ? ' dropped' : ''}`}
        data-touchpoint={notice.touchpoint}
        aria-labelledby={`n-${notice.touchpoint}-${notice.revision}`}
      >
        <h3 id={`n-${notice.touchpoint}-${notice.revision}`}>
          <time datetime={notice.at}>{notice.localTime}</time> · {name} ·{' '}
          {notice.dropped ? 'not sent' : `by ${CHANNEL_NAMES[notice.channel]}`}
          {notice.urgent && <span class="badge urgent"> urgent</span>}
        </h3>
        {notice.waits.length > 0 && (
          <ul class="waits">
            {notice.waits.map((w) => (
              <li>Waited: {w}</li>
            ))}
          </ul>
        )}
        {notice.dropped && <p class="alert card">Dropped: {notice.dropped}</p>}
        {notice.forms.map((form) => (
          <section class={`form ${form.channel}`}>
            <h4>{CHANNEL_NAMES[form.channel]}</h4>
            {form.subject && (
              <p lang={lang}>
                <strong>{form.subject}</strong>
              </p>
            )}
            <div class="notice-text" lang={lang}>
              {form.text}
            </div>
          </section>
        ))}
      </article>
    </li>
  );
}

function Results({ preview }: { preview: Preview }) {
  return (
    <section class="preview" aria-labelledby="preview-title">
      <h2 id="preview-title">
        {preview.scenario} ({LANGUAGES[preview.locale]})
      </h2>
      <p>{preview.summary}</p>
      <p class="muted">
        {preview.customer}, times in {preview.timezone}. {preview.shop.name}: {shopRules(preview.shop)}.
      </p>
      <p>
        {preview.notices.filter((n) => !n.dropped).length} notices, in the order the customer gets them (links are
        samples):
      </p>
      <ol class="notices">
        {preview.notices.map((n) => (
          <NoticeCard notice={n} lang={preview.locale} />
        ))}
      </ol>
    </section>
  );
}

export function PreviewPage({ staff, preview, error }: { staff: Staff; preview?: Preview; error?: string }) {
  return (
    <Layout
      title={preview ? `Preview: ${preview.scenario} (${LANGUAGES[preview.locale]})` : 'Preview the chain'}
      staff={staff}
    >
      <form method="get" action="/console/preview" class="card">
        <h1>Preview the chain</h1>
        <p>
          Walk the customer's path before a real customer does: a sample order of your shop through a scenario, and
          every notice the customer would get, when it would arrive (their local time, after quiet hours and the daily
          cap), on which channel and in which words.
        </p>
        <ErrorNote error={error} />
        <Select
          label="Scenario"
          name="scenario"
          options={JOURNEY_SCENARIOS.map((s) => [s, `${s}: ${SCENARIOS[s].summary}`])}
          selected={preview?.scenario}
        />
        <Select
          label="Language"
          name="locale"
          options={JOURNEY_LOCALES.map((code) => [code, LANGUAGES[code]])}
          selected={preview?.locale}
        />
        <button>Preview</button>
      </form>
      {preview && <Results preview={preview} />}
    </Layout>
  );
}

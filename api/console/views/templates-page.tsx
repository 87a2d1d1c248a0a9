/** "Templates": the shop's wording per template and channel in one language, each with where it comes from. */
import { LOCALES } from '../../../activities/templates/locales/index';
import type { TemplateEntry } from '../../routes/template-schemas';
import type { Staff } from '../session';
import { Layout } from './layout';
import { Select, Table } from './parts';

/** Each catalog language with its English name. */
export const LANGUAGE_OPTIONS = Object.entries(LOCALES).map(([code, l]): [string, string] => [code, l.name]);

/** A channel as the console names it. */
export const CHANNEL_NAMES: Record<string, string> = {
  email: 'Email',
  sms: 'SMS',
  whatsapp: 'WhatsApp',
  voice: 'Voice call',
  telegram: 'Telegram',
};

/** Where a slot's wording in effect comes from. */
export const sourceOf = (e: TemplateEntry) => (e.source === 'shop' ? `shop v${e.version}` : 'built-in');

/** The editor page of a slot. */
export const editorPath = (e: Pick<TemplateEntry, 'touchpoint' | 'locale' | 'channel'>) =>
  `/console/templates/${e.touchpoint}/${e.locale}/${e.channel}`;

export function TemplatesPage({ staff, locale, entries }: { staff: Staff; locale: string; entries: TemplateEntry[] }) {
  return (
    <Layout title="Templates" staff={staff}>
      <h1>Templates</h1>
      <p class="muted">
        The wording every notice uses: the built-in, or the shop's own version.{' '}
        {staff.role === 'editor' ? 'Open one to edit it.' : 'Only editors can change it.'}
      </p>
      <form method="get" action="/console/templates" class="card">
        <Select label="Language" name="locale" options={LANGUAGE_OPTIONS} selected={locale} />
        <button>Show</button>
      </form>
      <section class="card">
        <Table head={['Template', 'Channel', 'Source']}>
          {entries.map((e) => (
            <tr data-slot={`${e.touchpoint}/${e.channel}`}>
              <td>
                <a href={editorPath(e)}>{e.touchpoint}</a>
              </td>
              <td>{CHANNEL_NAMES[e.channel]}</td>
              <td>
                <span class="badge">{sourceOf(e)}</span>
              </td>
            </tr>
          ))}
        </Table>
      </section>
    </Layout>
  );
}

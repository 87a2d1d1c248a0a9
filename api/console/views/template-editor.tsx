/**
 * One template's wording in one language on one channel: the form (editors only), the notice as it would
 * go out (the email in a sandboxed frame that runs no script, the SMS with its segments and encoding), a test
 * of the draft to the editor's own address, and the slot's history with a way back to any version or to the
 * built-in wording.
 */
import type { WordingError } from '../../../activities/templates/validate';
import type { HistoryEntry } from '../../../store/templates';
import type { TemplateEntry } from '../../routes/template-schemas';
import type { Staff } from '../session';
import type { TestOutcome } from '../template-tests';
import { Layout } from './layout';
import { Table } from './parts';
import { LIVE_PREVIEW_SCRIPT } from './template-live';
import { CHANNEL_NAMES, editorPath, LANGUAGE_OPTIONS, sourceOf } from './templates-page';
import { day } from './time';

/** The notice rendered with sample facts, as the editor shows it. */
export interface EditorPreview {
  subject: string;
  html: string;
  /** The SMS/WhatsApp body, or what a call says. */
  body: string;
  segments: number;
  encoding: string;
}

export interface EditorProps {
  staff: Staff;
  entry: TemplateEntry;
  /** The wording in the form: the one in effect, or the one just posted. */
  wording: { subject?: string; text: string };
  errors?: WordingError[];
  preview?: EditorPreview;
  history: HistoryEntry[];
  flash?: string;
  /** Why the staff member cannot be sent a test of this slot (no address on its channel); unset: they can. */
  testNote?: string;
  /** Names this form's test: the same form posted twice sends one test. */
  nonce: string;
  /** What became of the test just asked for. */
  tested?: TestOutcome;
}

function Field({
  name,
  label,
  value,
  errors,
  long,
}: {
  name: 'subject' | 'text';
  label: string;
  value?: string;
  errors: WordingError[];
  long?: boolean;
}) {
  const mine = errors.filter((e) => e.path === name);
  const described = mine.length ? { 'aria-invalid': true, 'aria-describedby': `${name}-error` } : {};
  return (
    <label>
      {label}
      {long ? (
        <textarea name={name} rows={6} cols={70} maxLength={2000} required {...described}>
          {value}
        </textarea>
      ) : (
        <input name={name} value={value} size={70} maxLength={300} required {...described} />
      )}
      {mine.length > 0 && (
        <span id={`${name}-error`} class="field-error">
          {mine.map((e) => e.message).join('; ')}
        </span>
      )}
    </label>
  );
}

function Preview({ entry, preview }: { entry: TemplateEntry; preview?: EditorPreview }) {
  return (
    <section class="card" aria-labelledby="preview-title" id="preview">
      <h2 id="preview-title">Preview (sample order)</h2>
      <p class="muted" id="pv-none" hidden={!!preview}>
        Fix the errors to see the preview.
      </p>
      {entry.channel === 'email' ? (
        <div class="shown" hidden={!preview}>
          <p>
            Subject: <strong id="pv-subject">{preview?.subject}</strong>
          </p>
          <iframe id="pv-email" title="Email preview" sandbox="" srcdoc={preview?.html ?? ''} class="email-frame" />
        </div>
      ) : (
        <div class="shown" hidden={!preview}>
          <p class="notice-text" id="pv-body">
            {preview?.body}
          </p>
          {entry.channel !== 'voice' && (
            <p id="pv-length">
              <span id="pv-segments">{preview?.segments}</span> SMS segment(s),{' '}
              <span id="pv-encoding">{preview?.encoding}</span>
            </p>
          )}
        </div>
      )}
    </section>
  );
}

function History({ staff, entry, history }: Pick<EditorProps, 'staff' | 'entry' | 'history'>) {
  const revert = (version: string, label: string) => (
    <form method="post" action={`${editorPath(entry)}/revert`}>
      <input type="hidden" name="_csrf" value={staff.csrf} />
      <input type="hidden" name="version" value={version} />
      <button>{label}</button>
    </form>
  );
  const editor = staff.role === 'editor';
  return (
    <section class="card" aria-labelledby="history-title">
      <h2 id="history-title">History</h2>
      {history.length === 0 && <p>No versions yet: the built-in wording is in effect.</p>}
      {history.length > 0 && (
        <Table head={['Version', 'By', 'When', 'Wording', ...(editor ? ['Action'] : [])]}>
          {history.map((v) => (
            <tr data-version={v.version}>
              <td>v{v.version}</td>
              <td>{v.author}</td>
              <td>{day(v.createdAt.toISOString())}</td>
              <td class="notice-text">
                {v.deleted ? 'back to the built-in wording' : [v.subject, v.text].filter(Boolean).join('\n')}
              </td>
              {editor && (
                <td>{!v.deleted && v !== history[0] && revert(String(v.version), `Revert to v${v.version}`)}</td>
              )}
            </tr>
          ))}
        </Table>
      )}
      {editor && entry.source === 'shop' && revert('built-in', 'Back to the built-in wording')}
    </section>
  );
}

export function TemplateEditorPage(props: EditorProps) {
  const { staff, entry, wording, errors = [], flash } = props;
  const language = LANGUAGE_OPTIONS.find(([code]) => code === entry.locale)?.[1];
  const title = `${entry.touchpoint} · ${language} · ${CHANNEL_NAMES[entry.channel]}`;
  return (
    <Layout title={title} staff={staff}>
      <p>
        <a href={`/console/templates?locale=${entry.locale}`}>All templates</a>
      </p>
      <h1>{title}</h1>
      <p>
        In effect: <span class="badge">{sourceOf(entry)}</span>
      </p>
      {flash && (
        <p class="card done" role="status">
          {flash}
        </p>
      )}
      {props.tested && (
        <p
          id="test-result"
          class={`card ${props.tested.ok ? 'done' : 'alert'}`}
          role={props.tested.ok ? 'status' : 'alert'}
        >
          {props.tested.message}
        </p>
      )}
      <ul id="errors" class="card alert" role="alert" hidden={errors.length === 0}>
        {errors.map((e) => (
          <li data-path={e.path}>
            <strong>{e.path}</strong>: {e.message}
          </li>
        ))}
      </ul>
      <div class="grid">
        {staff.role === 'editor' ? (
          <form method="post" action={editorPath(entry)} class="card" id="editor">
            <h2>Wording</h2>
            <input type="hidden" name="_csrf" value={staff.csrf} />
            {entry.channel === 'email' && (
              <Field name="subject" label="Subject" value={wording.subject} errors={errors} />
            )}
            <Field name="text" label="Text (ICU message)" value={wording.text} errors={errors} long />
            <button name="intent" value="preview">
              Preview
            </button>{' '}
            <button name="intent" value="save">
              Save
            </button>{' '}
            <input type="hidden" name="nonce" value={props.nonce} />
            {props.testNote ? (
              <p id="test-note">{props.testNote}</p>
            ) : (
              <button name="intent" value="test">
                Send me a test
              </button>
            )}
          </form>
        ) : (
          <section class="card">
            <h2>Wording</h2>
            <p class="notice-text">{[wording.subject, wording.text].filter(Boolean).join('\n')}</p>
            <p class="muted">Only editors can change the wording.</p>
          </section>
        )}
        <Preview entry={entry} preview={props.preview} />
      </div>
      <History {...props} />
      {staff.role === 'editor' && <script dangerouslySetInnerHTML={{ __html: LIVE_PREVIEW_SCRIPT }} />}
    </Layout>
  );
}

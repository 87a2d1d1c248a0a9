/**
 * The editor's live preview, a progressive enhancement: as the wording changes, the form is posted to
 * `…/live` (a moment after typing stops) and the preview, segment count and errors are redrawn from the
 * answer. Without it the form's Preview button does the same with a page load.
 */
export const LIVE_PREVIEW_SCRIPT = `(() => {
  const form = document.getElementById('editor');
  if (!form) return;
  const $ = (id) => document.getElementById(id);
  const set = (id, text) => { const el = $(id); if (el) el.textContent = text; };
  let timer, asked = 0;
  async function refresh() {
    const mine = ++asked;
    const res = await fetch(form.action + '/live', { method: 'POST', body: new URLSearchParams(new FormData(form)) });
    if (!res.ok || mine !== asked) return;
    const { errors, preview } = await res.json();
    const list = $('errors');
    list.replaceChildren(...errors.map((e) => {
      const li = document.createElement('li');
      li.dataset.path = e.path;
      const field = document.createElement('strong');
      field.textContent = e.path;
      li.append(field, ': ' + e.message);
      return li;
    }));
    list.hidden = errors.length === 0;
    $('pv-none').hidden = !!preview;
    document.querySelectorAll('#preview .shown').forEach((el) => { el.hidden = !preview; });
    if (!preview) return;
    set('pv-subject', preview.subject);
    set('pv-body', preview.body);
    set('pv-segments', String(preview.segments));
    set('pv-encoding', preview.encoding);
    const frame = $('pv-email');
    if (frame) frame.srcdoc = preview.html;
  }
  form.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(refresh, 300); });
})();`;

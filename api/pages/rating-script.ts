/**
 * The rating page's only script. It records the score a one-click link preset on the first sign of
 * a person (a real pointer, touch or key input: `isTrusted`, which no page script can fake; not
 * scroll or focus, which scripts can cause), never on load, so mail scanners that open links, run
 * scripts or fire synthetic events record nothing. A score the customer clicks on the page, or a
 * comment they send, is recorded at once.
 */

export interface RatingScriptInput {
  token: string;
  preset?: number;
  thanks: string;
  failed: string;
}

/** The script's source, safe inside a `<script>` element. */
export function ratingScript({ token, preset, thanks, failed }: RatingScriptInput): string {
  const code = `
const token = ${JSON.stringify(token)}; const words = ${JSON.stringify({ thanks, failed })};
let score = ${preset ?? 'null'}; let person = false; let recorded = false;
const status = document.getElementById('status');
const buttons = [...document.querySelectorAll('[data-score]')];
async function send(extra) {
  recorded = true;
  buttons.forEach((b) => b.setAttribute('aria-pressed', String(Number(b.dataset.score) === score)));
  const res = await fetch('/v1/feedback', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token, score, ...extra }) });
  status.textContent = res.ok ? words.thanks.replace('{score}', score) : words.failed;
}
function human(e) {
  if (!e.isTrusted) return;
  person = true;
  if (!recorded && score !== null && !e.target.closest?.('button, textarea')) send({});
}
['pointermove', 'pointerdown', 'touchstart', 'keydown'].forEach((type) => addEventListener(type, human, { capture: true, passive: true }));
buttons.forEach((b) => b.addEventListener('click', (e) => { if (e.isTrusted) { score = Number(b.dataset.score); send({}); } }));
// A submit event is trusted even when a script asks for it: only a person's form is sent.
document.getElementById('comment-form').addEventListener('submit', (e) => { e.preventDefault(); if (person && score !== null) send({ comment: document.getElementById('comment').value }); });`;
  // Nothing in the values may close the script element.
  return code.replaceAll('</', '<\\/');
}

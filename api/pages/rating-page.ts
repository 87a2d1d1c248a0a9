/**
 * The rating page in the customer's language. With a preset score (`?s=4` from a one-click link)
 * its script posts that score at once; a comment can follow. Without script nothing is recorded,
 * which is what link scanners see.
 */
import { escape, layout } from './layout';
import { fill, pageStrings } from './strings';

export function ratingPage({ token, min, max, preset, lang }: { token: string; min: number; max: number; preset?: number; lang: string }): string {
  const t = pageStrings(lang);
  const buttons = Array.from({ length: max - min + 1 }, (_, i) => `<button type="button" data-score="${min + i}">${min + i}</button>`).join('');
  const words = { thanks: t.rateThanks, failed: t.rateFailed };
  const script = `
const token = ${JSON.stringify(token)}; const words = ${JSON.stringify(words)};
let score = ${preset !== undefined && preset >= min && preset <= max ? preset : 'null'};
const status = document.getElementById('status');
async function send(extra) {
  const res = await fetch('/v1/feedback', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token, score, ...extra }) });
  status.textContent = res.ok ? words.thanks.replace('{score}', score) : words.failed;
}
document.querySelectorAll('[data-score]').forEach((b) => b.addEventListener('click', () => { score = Number(b.dataset.score); send({}); }));
document.getElementById('comment-form').addEventListener('submit', (e) => { e.preventDefault(); if (score !== null) send({ comment: document.getElementById('comment').value }); });
if (score !== null) send({});`;
  return layout(
    lang,
    t.rateTitle,
    `<h1>${escape(t.rateTitle)}</h1><p>${escape(fill(t.rateScale, { min, max }))}</p><div>${buttons}</div>
<p id="status" role="status"></p>
<form id="comment-form"><label for="comment">${escape(t.commentLabel)}</label><textarea id="comment" maxlength="2000"></textarea><button>${escape(t.commentSend)}</button></form>
<script>${script.replaceAll('</', '<\\/')}</script>`,
  );
}

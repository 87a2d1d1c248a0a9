/**
 * The rating page in the customer's language. With a preset score (`?s=4` from a one-click link)
 * its script posts that score at once; a comment can follow. Without script nothing is recorded,
 * which is what link scanners see.
 */
import { CustomerLayout } from './layout';
import { fill, pageStrings } from './strings';

export interface RatingPageProps {
  token: string;
  min: number;
  max: number;
  preset?: number;
  lang: string;
}

function script({ token, min, max, preset, lang }: RatingPageProps): string {
  const t = pageStrings(lang);
  const code = `
const token = ${JSON.stringify(token)}; const words = ${JSON.stringify({ thanks: t.rateThanks, failed: t.rateFailed })};
let score = ${preset !== undefined && preset >= min && preset <= max ? preset : 'null'};
const status = document.getElementById('status');
async function send(extra) {
  const res = await fetch('/v1/feedback', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token, score, ...extra }) });
  status.textContent = res.ok ? words.thanks.replace('{score}', score) : words.failed;
}
document.querySelectorAll('[data-score]').forEach((b) => b.addEventListener('click', () => { score = Number(b.dataset.score); send({}); }));
document.getElementById('comment-form').addEventListener('submit', (e) => { e.preventDefault(); if (score !== null) send({ comment: document.getElementById('comment').value }); });
if (score !== null) send({});`;
  // Nothing in the values may close the script element.
  return code.replaceAll('</', '<\\/');
}

export function RatingPage(props: RatingPageProps) {
  const { min, max, lang } = props;
  const t = pageStrings(lang);
  return (
    <CustomerLayout lang={lang} title={t.rateTitle}>
      <h1>{t.rateTitle}</h1>
      <p>{fill(t.rateScale, { min, max })}</p>
      <div>
        {Array.from({ length: max - min + 1 }, (_, i) => (
          <button type="button" data-score={min + i}>
            {min + i}
          </button>
        ))}
      </div>
      <p id="status" role="status" />
      <form id="comment-form">
        <label for="comment">{t.commentLabel}</label>
        <textarea id="comment" maxLength={2000} />
        <button>{t.commentSend}</button>
      </form>
      <script dangerouslySetInnerHTML={{ __html: script(props) }} />
    </CustomerLayout>
  );
}

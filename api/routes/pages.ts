/** Small server-rendered customer pages. Every interpolated value is HTML-escaped. */
import { escapeHtml as escape } from '../../common/html';

function layout(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escape(title)}</title><style>body{font-family:system-ui,sans-serif;max-width:34rem;margin:2rem auto;padding:0 1rem}
button{font-size:1.2rem;margin:.2rem;padding:.5rem .8rem}textarea{width:100%;min-height:5rem}ol li.done{font-weight:600}</style></head>
<body>${body}</body></html>`;
}

/** A page with only a message. */
export function messagePage(message: string): string {
  return layout('Doorstep', `<p>${escape(message)}</p>`);
}

/**
 * The rating page. With a preset score (`?s=4` from a one-click link) its script posts that score
 * at once; a comment can follow. Without script nothing is recorded, which is what scanners see.
 */
export function ratingPage({ token, min, max, preset }: { token: string; min: number; max: number; preset?: number }): string {
  const buttons = Array.from({ length: max - min + 1 }, (_, i) => `<button type="button" data-score="${min + i}">${min + i}</button>`).join('');
  const script = `
const token = ${JSON.stringify(token)}; let score = ${preset !== undefined && preset >= min && preset <= max ? preset : 'null'};
const status = document.getElementById('status');
async function send(extra) {
  const res = await fetch('/v1/feedback', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token, score, ...extra }) });
  status.textContent = res.ok ? 'Thank you! Your rating of ' + score + ' is recorded.' : 'Sorry, the rating could not be recorded.';
}
document.querySelectorAll('[data-score]').forEach((b) => b.addEventListener('click', () => { score = Number(b.dataset.score); send({}); }));
document.getElementById('comment-form').addEventListener('submit', (e) => { e.preventDefault(); if (score !== null) send({ comment: document.getElementById('comment').value }); });
if (score !== null) send({});`;
  return layout(
    'How did we do?',
    `<h1>How did we do?</h1><p>From ${min} (bad) to ${max} (excellent):</p><div>${buttons}</div>
<p id="status" role="status"></p>
<form id="comment-form"><label for="comment">Anything to add? (optional)</label><textarea id="comment" maxlength="2000"></textarea><button>Send comment</button></form>
<script>${script}</script>`,
  );
}

/** Confirms an unsubscribe with a button, so that link scanners (which only GET) change nothing. */
export function unsubscribePage(token: string): string {
  return layout(
    'Unsubscribe',
    `<h1>Unsubscribe</h1><p>Stop non-essential emails about your orders (tracking updates, surveys)? Notices you need to receive your parcel still arrive.</p>
<form method="post" action="/u/${escape(token)}"><button>Unsubscribe</button></form>`,
  );
}

/** The customer's tracking page: the progress line and the current promise. */
export function trackingPage({ orderId, stage, promisedDate, stages }: { orderId: string; stage: string; promisedDate: string; stages: readonly string[] }): string {
  // Stages after delivery (return, closed) keep the whole line done; a cancelled chain shows none.
  const reached = stages.includes(stage) ? stages.indexOf(stage) : stage === 'cancelled' ? -1 : stages.length - 1;
  const items = stages.map((s, i) => `<li class="${i <= reached ? 'done' : ''}">${escape(s.replaceAll('_', ' '))}${i <= reached ? ' ✓' : ''}</li>`).join('');
  return layout(`Order ${orderId}`, `<h1>Order ${escape(orderId)}</h1><p>Delivery promised: <strong>${escape(promisedDate)}</strong></p><ol>${items}</ol><p>Status: ${escape(stage.replaceAll('_', ' '))}</p>`);
}

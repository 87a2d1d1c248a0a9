/** The HTML part of a notice email: the text, a tracking button, one-click rating links, the footer. */
import { escapeHtml } from '../../common/html';

export interface EmailHtmlInput {
  language: string;
  shop: string;
  body: string;
  trackingUrl: string;
  trackLabel: string;
  rateHeading: string;
  ratingUrl: string;
  range: { min: number; max: number };
  support: string;
  unsubscribe?: { url: string; label: string };
}

const link = (url: string, label: string, style: string) => `<a href="${escapeHtml(url)}" style="${style}">${escapeHtml(label)}</a>`;
const BUTTON = 'display:inline-block;padding:8px 12px;margin:2px;border-radius:6px;background:#1f6feb;color:#fff;text-decoration:none';

/** Links inside the text become anchors; everything else is escaped. */
function paragraph(text: string): string {
  return text
    .split(/(https?:\/\/\S+)/)
    .map((part, i) => (i % 2 ? link(part, part, 'color:#1f6feb') : escapeHtml(part)))
    .join('');
}

/** The email's HTML: mobile-friendly, inline styles only (mail clients drop style sheets). */
export function emailHtml(m: EmailHtmlInput): string {
  const scores = Array.from({ length: m.range.max - m.range.min + 1 }, (_, i) => m.range.min + i);
  const rating = scores.map((s) => link(`${m.ratingUrl}?s=${s}`, String(s), BUTTON)).join('');
  const unsubscribe = m.unsubscribe ? `<br>${link(m.unsubscribe.url, m.unsubscribe.label, 'color:#666')}` : '';
  return `<!doctype html><html lang="${escapeHtml(m.language)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"></head>
<body style="margin:0;padding:0;font-family:system-ui,-apple-system,Segoe UI,sans-serif;color:#1b1b1b">
<div style="max-width:560px;margin:0 auto;padding:16px">
<p style="font-weight:600;font-size:18px">${escapeHtml(m.shop)}</p>
<p style="font-size:16px;line-height:1.5">${paragraph(m.body)}</p>
<p>${link(m.trackingUrl, m.trackLabel, BUTTON)}</p>
<p style="margin-top:24px">${escapeHtml(m.rateHeading)}</p>
<p>${rating}</p>
<p style="margin-top:24px;color:#666;font-size:13px">${paragraph(m.support)}${unsubscribe}</p>
</div></body></html>`;
}

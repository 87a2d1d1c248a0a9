/**
 * The HTML part of a notice email: the text, a tracking button, one-click rating links, the footer.
 * Links are buttons or short anchors, never a printed address, and long words wrap: nothing
 * scrolls sideways on a phone (checked at 320 px in Chromium).
 */
import { escapeHtml } from '../../common/html';

/** A piece of the body: text, or the words that lead to the tracking page. */
export type BodyPart = string | { track: string };

export interface EmailHtmlInput {
  language: string;
  shop: string;
  body: BodyPart[];
  trackingUrl: string;
  trackLabel: string;
  /** The one-click scores under their heading; absent when the notice asks something else (a courier window). */
  rating?: { heading: string; url: string; range: { min: number; max: number } };
  support: string;
  unsubscribe?: { url: string; label: string };
}

const link = (url: string, label: string, style: string) =>
  `<a href="${escapeHtml(url)}" style="${style}">${escapeHtml(label)}</a>`;
const BUTTON =
  'display:inline-block;padding:8px 12px;margin:2px;border-radius:6px;background:#1f6feb;color:#fff;text-decoration:none';
const ANCHOR = 'color:#1f6feb';
// overflow-wrap for current engines, word-break for older mail clients: a 64-character order id or a long
// item name wraps.
const WRAP = 'overflow-wrap:anywhere;word-break:break-word';

function bodyHtml(parts: BodyPart[], trackingUrl: string): string {
  return parts
    .map((part) => (typeof part === 'string' ? escapeHtml(part) : link(trackingUrl, part.track, ANCHOR)))
    .join('');
}

function ratingHtml(rating: NonNullable<EmailHtmlInput['rating']>): string {
  const { min, max } = rating.range;
  const scores = Array.from({ length: max - min + 1 }, (_, i) => min + i);
  const buttons = scores.map((s) => link(`${rating.url}?s=${s}`, String(s), BUTTON)).join('');
  return `<p style="margin-top:24px">${escapeHtml(rating.heading)}</p>\n<p>${buttons}</p>\n`;
}

/** The email's HTML: mobile-friendly, inline styles only (mail clients drop style sheets). */
export function emailHtml(m: EmailHtmlInput): string {
  const unsubscribe = m.unsubscribe ? `<br>${link(m.unsubscribe.url, m.unsubscribe.label, 'color:#666')}` : '';
  return `<!doctype html><html lang="${escapeHtml(m.language)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"></head>
<body style="margin:0;padding:0;font-family:system-ui,-apple-system,Segoe UI,sans-serif;color:#1b1b1b">
<div style="max-width:560px;margin:0 auto;padding:16px;${WRAP}">
<p style="font-weight:600;font-size:18px">${escapeHtml(m.shop)}</p>
<p style="font-size:16px;line-height:1.5">${bodyHtml(m.body, m.trackingUrl)}</p>
<p>${link(m.trackingUrl, m.trackLabel, BUTTON)}</p>
${m.rating ? ratingHtml(m.rating) : ''}<p style="margin-top:24px;color:#666;font-size:13px">${escapeHtml(m.support)}${unsubscribe}</p>
</div></body></html>`;
}

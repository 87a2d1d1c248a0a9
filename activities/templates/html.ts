/**
 * The HTML part of a notice email, built with MJML (email/layout.ts): the shop's logo or name, the
 * text, the pickup code's QR where it has one, one primary action, the one-click rating row, the support line and the unsubscribe link.
 * Links are buttons or short anchors, never a printed address, and long words wrap: nothing
 * scrolls sideways on a phone (checked at 320 px in Chromium).
 */
import type { Brand } from '../../common/config';
import { escapeHtml } from '../../common/html';
import { fill, layoutOf, type LayoutShape } from './email/layout';
import { coloursOf } from './email/theme';

/** A piece of the body: text, or the words that lead to the tracking page or to the pickup point's map. */
export type BodyPart = string | { track: string } | { map: string };

export interface EmailHtmlInput {
  language: string;
  /** The document's title: the email's subject. */
  title: string;
  shop: string;
  brand?: Brand;
  body: BodyPart[];
  trackingUrl: string;
  /** Where the `{ map }` words lead (the pickup point on a map). */
  mapUrl?: string;
  /** The alt text of the pickup code's QR image, when the email shows one (./email/qr.ts). */
  qrAlt?: string;
  /** The one button; absent when the rating row is the action (the closing question). */
  action?: { url: string; label: string };
  /** The one-click scores under their heading; absent when the notice asks something else (a courier window). */
  rating?: { heading: string; url: string; range: { min: number; max: number } };
  support: string;
  unsubscribe?: { url: string; label: string };
}

// Scripts written right to left: the layout mirrors for them.
const RTL = new Set(['ar', 'fa', 'he', 'ps', 'ur', 'yi']);

function bodyHtml(parts: BodyPart[], links: { track: string; map?: string }, primary: string): string {
  const anchor = (url: string, words: string) =>
    `<a class="ds-inline" href="${escapeHtml(url)}" style="color:${primary};text-decoration:underline">${escapeHtml(words)}</a>`;
  return parts
    .map((part) => {
      if (typeof part === 'string') return escapeHtml(part);
      if ('track' in part) return anchor(links.track, part.track);
      // Without a map link the words stay plain text rather than lead nowhere.
      return links.map ? anchor(links.map, part.map) : escapeHtml(part.map);
    })
    .join('');
}

/** The layout this email is compiled into. */
function shapeOf(m: EmailHtmlInput): LayoutShape {
  return {
    language: m.language,
    dir: RTL.has(m.language) ? 'rtl' : 'ltr',
    colours: coloursOf(m.brand),
    logo: Boolean(m.brand?.logoUrl),
    action: Boolean(m.action),
    qr: m.qrAlt !== undefined,
    rating: m.rating?.range,
    unsubscribe: Boolean(m.unsubscribe),
  };
}

/** The email's HTML: the cached layout for its shape, filled with its escaped words and links. */
export async function emailHtml(m: EmailHtmlInput): Promise<string> {
  const shape = shapeOf(m);
  const text = (s = '') => escapeHtml(s);
  return fill(await layoutOf(shape), {
    title: text(m.title),
    shop: text(m.shop),
    logoUrl: text(m.brand?.logoUrl),
    body: bodyHtml(m.body, { track: m.trackingUrl, map: m.mapUrl }, shape.colours.primary),
    qrAlt: text(m.qrAlt),
    actionUrl: text(m.action?.url),
    actionLabel: text(m.action?.label),
    ratingHeading: text(m.rating?.heading),
    ratingUrl: text(m.rating?.url),
    support: text(m.support),
    unsubscribeUrl: text(m.unsubscribe?.url),
    unsubscribeLabel: text(m.unsubscribe?.label),
  });
}

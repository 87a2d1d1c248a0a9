/**
 * The email's layout in MJML, compiled once per shape (brand colours, language and direction, the
 * parts it has) into HTML with `%%slot%%` placeholders; each notice then fills the slots with its
 * escaped words and links, so sending a notice never pays an MJML compile.
 */
import mjml2html from 'mjml';
import { PICKUP_QR_CID, QR_PX } from './qr';
import { DARK_CSS, LIGHT, type Colours } from './theme';

/** What a layout is compiled for: everything that changes its markup beyond the words and links. */
export interface LayoutShape {
  language: string;
  dir: 'ltr' | 'rtl';
  colours: Colours;
  logo: boolean;
  action: boolean;
  /** The pickup code's QR image under the text (./qr.ts). */
  qr: boolean;
  /** The one-click scores, when the email carries the rating row. */
  rating?: { min: number; max: number };
  unsubscribe: boolean;
}

/** The placeholders a layout leaves for each notice: HTML, already escaped (the body holds its own anchors). */
export type Slot =
  | 'title'
  | 'shop'
  | 'logoUrl'
  | 'body'
  | 'qrAlt'
  | 'actionUrl'
  | 'actionLabel'
  | 'ratingHeading'
  | 'ratingUrl'
  | 'support'
  | 'unsubscribeUrl'
  | 'unsubscribeLabel';

const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif";
// overflow-wrap for current engines, word-break for older mail clients: a 64-character order id wraps.
const WRAP = '.ds-text > div, .ds-muted > div { overflow-wrap: anywhere; word-break: break-word; }';

const header = ({ logo, colours }: LayoutShape) => `
<mj-section background-color="${LIGHT.page}" padding="0"><mj-column>
  <mj-text font-size="18px" font-weight="600" padding="16px">${
    logo
      ? '<img src="%%logoUrl%%" alt="%%shop%%" height="40" style="display:block;height:40px;width:auto;max-width:100%">'
      : '%%shop%%'
  }</mj-text>
  <mj-divider border-color="${colours.accent}" border-width="3px" padding="0 16px 8px" />
</mj-column></mj-section>`;

/** Score chips: 44 px touch targets that wrap onto more rows on a narrow screen. */
function ratingRow({ min, max }: { min: number; max: number }, { primary, accent }: Colours): string {
  const chip =
    'display:inline-block;box-sizing:border-box;min-width:44px;height:44px;line-height:40px;margin:0 3px 6px;' +
    `padding:0 4px;border:2px solid ${accent};border-radius:8px;background-color:#ffffff;color:${primary};` +
    'text-align:center;text-decoration:none;font-weight:600';
  const chips = Array.from({ length: max - min + 1 }, (_, i) => min + i)
    .map((s) => `<a href="%%ratingUrl%%?s=${s}" style="${chip}">${s}</a>`)
    .join(' ');
  return `<mj-text css-class="ds-text" padding="16px 16px 8px"><p style="margin:0 0 8px">%%ratingHeading%%</p><div>${chips}</div></mj-text>`;
}

/** The pickup code's QR: the PNG's own white quiet zone keeps it readable on a dark page. */
const qrImage = ({ dir }: LayoutShape) =>
  `<mj-image src="cid:${PICKUP_QR_CID}" alt="%%qrAlt%%" width="${QR_PX}px" height="${QR_PX}px" align="${
    dir === 'rtl' ? 'right' : 'left'
  }" padding="8px 16px" />`;

const footer = ({ unsubscribe }: LayoutShape) => {
  const link = `<a href="%%unsubscribeUrl%%" style="color:${LIGHT.muted};text-decoration:underline">%%unsubscribeLabel%%</a>`;
  return `<mj-text css-class="ds-muted" font-size="13px" color="${LIGHT.muted}" padding="16px 16px 24px">%%support%%${
    unsubscribe ? `<br>${link}` : ''
  }</mj-text>`;
};

/** The MJML source of a layout. */
export function layoutSource(shape: LayoutShape): string {
  const { colours } = shape;
  const action = `<mj-button href="%%actionUrl%%" background-color="${colours.primary}" color="#ffffff" font-size="16px"
    font-weight="600" border-radius="6px" inner-padding="12px 20px" align="${shape.dir === 'rtl' ? 'right' : 'left'}"
    padding="8px 16px">%%actionLabel%%</mj-button>`;
  return `<mjml lang="${shape.language}" dir="${shape.dir}">
<mj-head>
  <mj-title>%%title%%</mj-title>
  <mj-attributes>
    <mj-all font-family="${FONT}" />
    <mj-text font-size="16px" line-height="1.5" color="${LIGHT.text}" container-background-color="${LIGHT.page}" padding="8px 16px" />
  </mj-attributes>
  <mj-raw><meta name="color-scheme" content="light dark"><meta name="supported-color-schemes" content="light dark"></mj-raw>
  <mj-style>${DARK_CSS}
${WRAP}</mj-style>
</mj-head>
<mj-body width="560px" background-color="${LIGHT.page}" css-class="ds-page">${header(shape)}
<mj-section padding="0"><mj-column>
  <mj-text css-class="ds-text">%%body%%</mj-text>
  ${shape.qr ? qrImage(shape) : ''}
  ${shape.action ? action : ''}
  ${shape.rating ? ratingRow(shape.rating, colours) : ''}
  ${footer(shape)}
</mj-column></mj-section>
</mj-body>
</mjml>`;
}

// One entry per shape: bounded by the configured brands × languages × a handful of part combinations.
const layouts = new Map<string, Promise<string>>();

/** The compiled HTML of a layout, compiled on first use and kept. */
export function layoutOf(shape: LayoutShape): Promise<string> {
  const key = JSON.stringify(shape);
  let layout = layouts.get(key);
  if (!layout) {
    layout = mjml2html(layoutSource(shape), { validationLevel: 'strict', fonts: {}, keepComments: false }).then(
      (r) => r.html,
    );
    // A failed compile is not kept: the next notice tries again.
    layout.catch(() => layouts.delete(key));
    layouts.set(key, layout);
  }
  return layout;
}

/** `layout` with every slot replaced in one pass, so words that look like a slot stay words. */
export function fill(layout: string, slots: Record<Slot, string>): string {
  return layout.replace(/%%(\w+)%%/g, (_, name: string) => slots[name as Slot]);
}

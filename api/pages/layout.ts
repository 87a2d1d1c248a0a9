/** The frame of every customer page: mobile-first, no script but what a page brings, every value escaped. */
import { escapeHtml } from '../../common/html';

export { escapeHtml as escape };

/** A whole page in `lang`. */
export function layout(lang: string, title: string, body: string): string {
  return `<!doctype html><html lang="${escapeHtml(lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title><style>body{font-family:system-ui,sans-serif;max-width:34rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
button{font-size:1.2rem;margin:.2rem;padding:.5rem .8rem}textarea{width:100%;min-height:5rem}
ol.stages{padding-left:1.2rem}ol.stages li{color:#888}ol.stages li.done{color:#1b1b1b}ol.stages li.current{font-weight:700}</style></head>
<body>${body}</body></html>`;
}

/** A page with only a message. */
export function messagePage(lang: string, message: string): string {
  return layout(lang, 'Doorstep', `<p>${escapeHtml(message)}</p>`);
}

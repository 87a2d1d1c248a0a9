/** The frame of every customer page: mobile-first, in the customer's language, no script but what a page brings. */
import type { ComponentChildren } from 'preact';

const STYLE = `body{font-family:system-ui,sans-serif;max-width:34rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
button{font-size:1.2rem;margin:.2rem;padding:.5rem .8rem}textarea{width:100%;min-height:5rem}
ol.stages{padding-left:1.2rem}ol.stages li{color:#888}ol.stages li.done{color:#1b1b1b}ol.stages li.current{font-weight:700}`;

export function CustomerLayout({ lang, title, children }: { lang: string; title: string; children: ComponentChildren }) {
  return (
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <title>{title}</title>
        <style dangerouslySetInnerHTML={{ __html: STYLE }} />
      </head>
      <body>{children}</body>
    </html>
  );
}

/** A page with only a message. */
export function CustomerMessage({ lang, message }: { lang: string; message: string }) {
  return (
    <CustomerLayout lang={lang} title="Doorstep">
      <p>{message}</p>
    </CustomerLayout>
  );
}

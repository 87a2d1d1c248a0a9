/** The frame of every customer page: mobile-first, in the customer's language, no script but what a page brings. */
import type { ComponentChildren } from 'preact';

// Every colour pair keeps WCAG AA contrast (4.5:1 for text): stages not reached yet are #595959 on white (7:1).
const STYLE = `body{font-family:system-ui,sans-serif;max-width:34rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b;background:#fff}
button{font-size:1.2rem;margin:.2rem;padding:.5rem .8rem}textarea{width:100%;min-height:5rem}
.scores button[aria-pressed=true]{background:#1b4d8c;color:#fff;border:2px solid #1b4d8c}
ol.stages{padding-left:1.2rem}ol.stages li{color:#595959}ol.stages li.done{color:#1b1b1b}ol.stages li.done::after{content:" ✓"}ol.stages li.current{font-weight:700}
.windows button{display:block;width:100%;text-align:left}`;

export function CustomerLayout({
  lang,
  title,
  children,
}: {
  lang: string;
  title: string;
  children: ComponentChildren;
}) {
  return (
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <title>{title}</title>
        <style dangerouslySetInnerHTML={{ __html: STYLE }} />
      </head>
      <body>
        <main>{children}</main>
      </body>
    </html>
  );
}

/** A page with only a message, titled by it; `back` links to where the customer came from. */
export function CustomerMessage({
  lang,
  message,
  back,
}: {
  lang: string;
  message: string;
  back?: { href: string; label: string };
}) {
  return (
    <CustomerLayout lang={lang} title={message}>
      <p>{message}</p>
      {back && (
        <p>
          <a href={back.href}>{back.label}</a>
        </p>
      )}
    </CustomerLayout>
  );
}

/** The frame of every console page: navigation, who is signed in, and the page's own content. */
import type { ComponentChildren } from 'preact';
import type { Staff } from '../session';

const STYLE = `
body{font-family:system-ui,sans-serif;margin:0;color:#1b1b1b;background:#f6f6f4}
header{background:#1f3a5f;color:#fff;padding:.6rem 1rem;display:flex;gap:1rem;align-items:center;flex-wrap:wrap}
header a{color:#fff;text-decoration:none}header form{margin-left:auto}
main{max-width:72rem;margin:0 auto;padding:1rem}
.card{background:#fff;border:1px solid #ddd;border-radius:6px;padding:.8rem 1rem;margin:.6rem 0}
table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #eee;vertical-align:top}
.badge{display:inline-block;padding:0 .4rem;border-radius:4px;background:#eee;font-size:.85em}
.done{background:#d8f0d8}.conflict,.failed,.undelivered,.Bad{background:#f8d4d4}.skipped,.dropped,.suppressed{background:#e8e8e8}
.pending,.queued,.deferred,.OK{background:#fcefc7}.Wow,.delivered{background:#c9ecc9}
.alert{background:#fde2e2;border-color:#e99}.notice-text{white-space:pre-wrap;overflow-wrap:anywhere;font-size:.9em;background:#fafafa;padding:.4rem;border-left:3px solid #ccd}
.grid{display:grid;grid-template-columns:minmax(0,2fr) minmax(0,1fr);gap:1rem}@media(max-width:800px){.grid{grid-template-columns:1fr}}
nav.lists a{margin-right:.8rem}input,select,textarea,button{font:inherit;padding:.25rem .4rem}select{max-width:100%}label{display:block;margin:.3rem 0}
.muted{color:#666;font-size:.9em}.field-error{display:block;color:#a00}.email-frame{width:100%;height:36rem;border:1px solid #ccc;background:#fff}`;

export function Layout({ title, staff, children }: { title: string; staff?: Staff; children: ComponentChildren }) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <title>{`${title} · Doorstep console`}</title>
        <style dangerouslySetInnerHTML={{ __html: STYLE }} />
      </head>
      <body>
        <header>
          <strong>Doorstep</strong>
          {staff && (
            <>
              <a href="/console">Chains</a>
              <a href="/console/reports">Reports</a>
              <a href="/console/preview">Preview the chain</a>
              <a href="/console/templates">Templates</a>
              <form method="post" action="/console/sign-out">
                <span class="muted" style="color:#cfe">
                  {staff.name} · {staff.role} · {staff.shop}{' '}
                </span>
                <input type="hidden" name="_csrf" value={staff.csrf} />
                <button>Sign out</button>
              </form>
            </>
          )}
        </header>
        <main>{children}</main>
      </body>
    </html>
  );
}

/** A page with only a message (e.g. a refusal). */
export function MessagePage({ title, message, staff }: { title: string; message: string; staff?: Staff }) {
  return (
    <Layout title={title} staff={staff}>
      <div class="card alert">
        <h1>{title}</h1>
        <p>{message}</p>
        <p>
          <a href="/console">Back to the chains</a>
        </p>
      </div>
    </Layout>
  );
}

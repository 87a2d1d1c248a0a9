/** Sends a page (console or customer): Preact components rendered to HTML on the server, no script bundle to load. */
import type { Response } from 'express';
import type { VNode } from 'preact';
import { render } from 'preact-render-to-string';

export function sendPage(res: Response, page: VNode, status = 200): void {
  // Token pages must not leak their URL to other sites, and no page may be framed.
  res
    .status(status)
    .type('html')
    .set({
      'Cache-Control': 'no-store',
      'Referrer-Policy': 'same-origin',
      'X-Frame-Options': 'DENY',
      'Content-Security-Policy': "frame-ancestors 'none'",
    })
    .send(`<!doctype html>${render(page)}`);
}

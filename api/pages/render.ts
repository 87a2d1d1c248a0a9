/** Sends a page (console or customer): Preact components rendered to HTML on the server, no script bundle to load. */
import type { Response } from 'express';
import type { VNode } from 'preact';
import { render } from 'preact-render-to-string';

export function sendPage(res: Response, page: VNode, status = 200): void {
  res.status(status).type('html').set('Cache-Control', 'no-store').send(`<!doctype html>${render(page)}`);
}

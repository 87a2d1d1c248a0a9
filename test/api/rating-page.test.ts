/**
 * The one-click rating in a real browser (Debian Chromium): the link in a notice opens the page, the
 * page itself posts the score, and the rating lands on its touchpoint; a comment can follow.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { appFor } from '../../api/server';
import { ARTIFACTS, launchBrowser } from '../helpers/browser';
import { queryState, startChain, waitForState } from '../helpers/chains';
import { order, shop } from '../helpers/fixtures';
import { devServer, type DevServer } from '../helpers/temporal';

let env: DevServer;
let server: Server;
let base: string;
let browser: Browser;

beforeAll(async () => {
  env = await devServer();
  const app = appFor(env.config, env.client, env.store);
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server.close(resolve));
  await env.close();
});

it('a click on "4" in the email records 4 on that touchpoint, and the comment after it', async () => {
  await env.withWorker(async () => {
    const handle = await startChain(env, order(), shop({ id: 'demo' }));
    const state = await waitForState(handle, (s) => s.touchpoints[0].notices[0]?.status === 'sent');
    // The email's text part carries the link; its HTML buttons add ?s=<score> to it.
    const link = /http:\/\/localhost:8080(\/r\/\S+)/.exec(state.touchpoints[0].notices[0].text!)![1];
    const page = await browser.newPage();
    await page.goto(`${base}${link}?s=4`);
    await page.getByText('Thank you! Your rating of 4 is recorded.').waitFor();
    expect((await waitForState(handle, (s) => !!s.touchpoints[0].rating)).touchpoints[0].rating).toMatchObject({ score: 4 });

    await page.getByLabel('Anything to add? (optional)').fill('the box was dented');
    await page.getByRole('button', { name: 'Send comment' }).click();
    await waitForState(handle, (s) => s.touchpoints[0].rating?.comment === 'the box was dented');
    await page.screenshot({ path: join(ARTIFACTS, 'rating-page.png'), fullPage: true });
    expect((await queryState(handle)).touchpoints[0].rating).toMatchObject({ score: 4, comment: 'the box was dented' });
    await page.close();
    await handle.terminate('test over');
  });
});

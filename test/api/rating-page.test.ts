/**
 * The customer's pages in a real browser (Debian Chromium): the one-click rating from a notice's
 * link (the page itself posts the score; a comment can follow) and the tracking page in the
 * customer's language, with its return button.
 */
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ARTIFACTS, browserBed, type BrowserBed } from '../helpers/browser';
import { queryState, startChain, waitForState } from '../helpers/chains';
import { event, inDays, order, shop } from '../helpers/fixtures';
import { createTokens } from '../../common/tokens';
import { trackingEventUpdate } from '../../workflows/definitions';
import type { TrackingEvent } from '../../workflows/contract';
import type { DevServer } from '../helpers/temporal';

let env: DevServer;
let base: string;
let browser: Browser;
let bed: BrowserBed;

beforeAll(async () => {
  bed = await browserBed();
  ({ env, base, browser } = bed);
});
afterAll(() => bed?.close());

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

it('the tracking page speaks the customer\'s language, shows where the parcel is and why it is late, and opens a return', async () => {
  await env.withWorker(async () => {
    const o = order({ returnWindowDays: 1, customer: { ...order().customer, locale: 'pl-PL', timezone: 'Europe/Warsaw' } });
    const handle = await startChain(env, o, shop({ id: 'demo' }));
    const send = (e: TrackingEvent) => handle.executeUpdate(trackingEventUpdate, { args: [e] });
    await send(event('handed_to_carrier'));
    await send(event('eta_changed', { newEta: inDays(12), reason: 'zator w sortowni' }));
    await send(event('arrived_in_city'));
    const token = createTokens(env.config.secret).sign({ kind: 'track', shop: 'demo', order: o.orderId });
    const page = await browser.newPage();
    await page.goto(`${base}/t/${token}`);
    expect(await page.getAttribute('html', 'lang')).toBe('pl');
    expect(await page.locator('h1').textContent()).toBe(`Zamówienie ${o.orderId}`);
    expect(await page.locator('li.current').textContent()).toBe('W Twoim mieście');
    expect(await page.locator('li.done').count()).toBe(5);
    const text = await page.locator('body').innerText();
    expect(text).toContain('Opóźnienie: zator w sortowni.');
    await page.screenshot({ path: join(ARTIFACTS, 'tracking-page-delayed.png'), fullPage: true });

    await send(event('out_for_delivery'));
    await send(event('courier_called', { window: { from: new Date(Date.now() + 3_600_000).toISOString(), to: new Date(Date.now() + 7_200_000).toISOString() } }));
    await send(event('delivered', { proof: 'photo' }));
    await waitForState(handle, (s) => !!s.returnUntil);
    await page.reload();
    expect(await page.locator('li.current').textContent()).toBe('Dostarczone');
    await page.getByRole('button', { name: 'Zwróć' }).click();
    await page.getByText('Zwrot został przyjęty: wyślemy Ci instrukcje.').waitFor();
    const returning = await waitForState(handle, (s) => s.stage === 'returning');
    expect(returning.audit).toMatchObject([{ actor: 'customer (tracking page)', action: 'open-return' }]);

    // The same signature over another order's claims is refused.
    const [, sig] = token.split('.');
    const other = `${Buffer.from(JSON.stringify(['t', 'demo', 'someone-else'])).toString('base64url')}.${sig}`;
    const refused = await page.goto(`${base}/t/${other}`);
    expect(refused?.status()).toBe(404);
    expect(await page.locator('body').innerText()).toBe('This tracking link is not valid.');
    // A genuine link to an order that is gone answers the same way, not with an API error.
    const gone = createTokens(env.config.secret).sign({ kind: 'track', shop: 'demo', order: 'never-placed' });
    expect((await page.goto(`${base}/t/${gone}`))?.status()).toBe(404);
    expect(await page.locator('body').innerText()).toBe('This tracking link is not valid.');
    await page.close();
    await handle.terminate('test over');
  });
});

it('the rating page speaks the language of the notice it came from', async () => {
  await env.withWorker(async () => {
    const handle = await startChain(env, order({ customer: { ...order().customer, locale: 'ru' } }), shop({ id: 'demo' }));
    const state = await waitForState(handle, (s) => s.touchpoints[0].notices[0]?.status === 'sent');
    const link = /http:\/\/localhost:8080(\/r\/\S+)/.exec(state.touchpoints[0].notices[0].text!)![1];
    const page = await browser.newPage();
    await page.goto(`${base}${link}`);
    expect(await page.locator('h1').textContent()).toBe('Как мы справились?');
    await page.getByRole('button', { name: '5' }).click();
    await page.getByText('Спасибо! Ваша оценка 5 записана.').waitFor();
    await page.close();
    await handle.terminate('test over');
  });
});

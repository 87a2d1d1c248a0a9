/**
 * The tracking page of a parcel-locker order in a real browser (Debian Chromium, a phone's viewport): the point
 * the parcel waits at, its code as text and as a QR code that decodes to the code (drawn on a canvas in the page,
 * decoded here with jsQR), the deadline in the customer's zone and language, WCAG 2.1 A/AA by axe-core; once
 * collected the line ends at "collected" and the code is gone; after the deadline, the expired line instead.
 */
import { join } from 'node:path';
import jsQR from 'jsqr';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { customerDates } from '../../activities/templates/dates';
import { pageStrings } from '../../api/pages/strings';
import { createTokens } from '../../common/tokens';
import type { TrackingEvent } from '../../workflows/contract';
import { trackingEventUpdate } from '../../workflows/definitions';
import { configWith } from '../helpers/api';
import { ARTIFACTS, useBrowserBed, wcagViolations } from '../helpers/browser';
import { startChain, waitForState } from '../helpers/chains';
import { event, LOCKER, order, shop, shopConfig, toPoint } from '../helpers/fixtures';

const bed = useBrowserBed(() => configWith({ shops: [shopConfig({ id: 'demo' })] }));
const ZONE = 'Europe/Warsaw';

/** A Polish customer's locker order started on the dev server; `send` posts a tracking event as the API would. */
async function lockerChain() {
  const o = order({
    ...toPoint(),
    customer: { ...order().customer, locale: 'pl-PL', timezone: ZONE },
  });
  const handle = await startChain(bed.env, o, shop({ id: 'demo' }));
  const send = (e: TrackingEvent) => handle.executeUpdate(trackingEventUpdate, { args: [e] });
  const token = createTokens(bed.env.config.tokenKeys).sign({ kind: 'track', shop: 'demo', order: o.orderId });
  return { handle, send, url: `${bed.base}/t/${token}` };
}

/** Its page in a phone-sized window. */
async function phonePage(url: string): Promise<Page> {
  const page = await (await bed.browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await page.goto(url);
  return page;
}

/** What the page's QR code says: its SVG drawn on a canvas in the page, the pixels decoded here. */
async function decodeQr(page: Page): Promise<string | undefined> {
  const { size, rgba } = await page.evaluate(async () => {
    const svg = document.querySelector('.qr svg')!;
    const img = new Image();
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg.outerHTML)}`;
    await img.decode();
    const side = 300;
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = side;
    const context = canvas.getContext('2d')!;
    context.drawImage(img, 0, 0, side, side);
    return { size: side, rgba: Array.from(context.getImageData(0, 0, side, side).data) };
  });
  return jsQR(Uint8ClampedArray.from(rgba), size, size)?.data;
}

it('shows the locker, the code as text and as a QR code that decodes to it, and the deadline in Warsaw time; collected ends the line', async () => {
  await bed.env.withWorker(async () => {
    const { handle, send, url } = await lockerChain();
    await send(event('handed_to_carrier', { trackingNumber: 'INP 620111022345' }));
    await send(event('arrived_in_city'));
    const until = new Date(Date.now() + 2 * 86_400_000).toISOString();
    await send(event('ready_for_pickup', { pickupCode: '482913', pickupUntil: until }));
    await waitForState(handle, (s) => !!s.pickup);

    const page = await phonePage(url);
    expect(await page.locator('li.current').textContent()).toBe('Gotowe do odbioru');
    const pickup = page.locator('section.pickup');
    expect(await pickup.locator('h2').textContent()).toBe('Punkt odbioru');
    const text = await pickup.innerText();
    for (const line of [
      `Paczkomat KRA01M · ${pageStrings('pl').pointKind.locker}`,
      LOCKER.address,
      'Godziny otwarcia: 24/7',
      'Kod odbioru: 482913',
    ])
      expect(text).toContain(line);
    expect(await pickup.getByRole('link', { name: 'Pokaż na mapie' }).getAttribute('href')).toBe(LOCKER.mapUrl);
    expect(text).toContain(`Paczkę można odebrać do ${customerDates(ZONE, 'pl-PL').dayTime(until)}`);

    const qr = page.getByRole('img', { name: 'Kod QR z kodem odbioru' });
    const box = (await qr.boundingBox())!;
    // Large enough for the point's scanner, within a phone's width.
    expect([box.width >= 200, box.width <= 390, box.width === box.height]).toEqual([true, true, true]);
    expect(await decodeQr(page)).toBe('482913');
    expect(await wcagViolations(page)).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'tracking-page-pickup.png'), fullPage: true });

    await send(event('picked_up'));
    await waitForState(handle, (s) => s.stage !== 'ready_for_pickup');
    await page.reload();
    expect(await page.locator('li.current').textContent()).toBe('Odebrane');
    expect(await page.locator('li').last().textContent()).toBe('Odebrane');
    expect(await page.locator('main').innerText()).not.toContain('482913');
    expect(await page.locator('.qr').count()).toBe(0);
    await page.close();
    await handle.terminate('test over');
  });
});

it('after the deadline says the parcel goes back to the shop instead of showing the code, and still passes WCAG 2.1 AA', async () => {
  await bed.env.withWorker(async () => {
    const { handle, send, url } = await lockerChain();
    await send(event('arrived_in_city'));
    const until = new Date(Date.now() + 86_400_000).toISOString();
    await send(event('ready_for_pickup', { pickupCode: '770415', pickupUntil: until }));
    await send(event('pickup_expired'));
    await waitForState(handle, (s) => !!s.pickup?.expired);

    const page = await phonePage(url);
    const main = await page.locator('main').innerText();
    expect(main).toContain('Paczka nie została odebrana w terminie. Wraca do sklepu.');
    expect(main).toContain('Paczkomat KRA01M');
    expect(main).not.toContain('770415');
    expect(await page.locator('li.current').textContent()).toBe('Gotowe do odbioru');
    expect(await page.locator('.qr').count()).toBe(0);
    expect(await wcagViolations(page)).toEqual([]);
    await page.close();
    await handle.terminate('test over');
  });
});

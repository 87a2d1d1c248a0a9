/**
 * A customer sends a home order to one of the shop's pickup points from the tracking page, in Chromium: the page
 * offers the shop's points (ShopVoice.pickupPoints) until the parcel is out for delivery, the choice reaches the
 * chain (its delivery, its audit trail, the point's ready notice in its line), the page then offers only the other
 * points, a stale choice is answered politely, and the page passes axe-core's WCAG 2.1 A/AA checks.
 */
import type { WorkflowHandle } from '@temporalio/client';
import { expect, it } from 'vitest';
import { createTokens } from '../../common/tokens';
import type { TrackingEvent } from '../../workflows/contract';
import { trackingEventUpdate } from '../../workflows/definitions';
import { configWith } from '../helpers/api';
import { useBrowserBed, wcagViolations } from '../helpers/browser';
import { queryState, startChain } from '../helpers/chains';
import { event, LOCKER, order, shop, shopConfig } from '../helpers/fixtures';

const SHOP_POINT = {
  id: 'ACME-STORE-1',
  kind: 'shop',
  name: 'Acme Store Mokotów',
  address: 'ul. Puławska 2, Warszawa',
};
const bed = useBrowserBed(() =>
  configWith({ shops: [{ ...shopConfig({ id: 'demo' }), pickupPoints: [LOCKER, SHOP_POINT] }] }),
);

const send = (h: WorkflowHandle, e: TrackingEvent) => h.executeUpdate(trackingEventUpdate, { args: [e] });
const trackingUrl = (orderId: string) =>
  `${bed.base}/t/${createTokens(bed.env.config.tokenKeys).sign({ kind: 'track', shop: 'demo', order: orderId })}`;
const options = (page: import('playwright-core').Page) => page.locator('.point-option').allInnerTexts();

it("offers the shop's pickup points on a home order's page, and the chosen one becomes the order's delivery", async () => {
  await bed.env.withWorker(async () => {
    const o = order();
    const h = await startChain(bed.env, o, shop({ id: 'demo' }));
    await send(h, event('handed_to_carrier'));
    const page = await (await bed.browser.newContext()).newPage();
    await page.goto(trackingUrl(o.orderId));
    expect(await page.locator('.point-choice legend').innerText()).toBe('Collect it from a pickup point instead');
    expect(await options(page)).toEqual([
      `Parcel locker: ${LOCKER.name}, ${LOCKER.address} (24/7)`,
      `Pickup point: ${SHOP_POINT.name}, ${SHOP_POINT.address}`,
    ]);
    expect(await wcagViolations(page)).toEqual([]);
    await page.getByLabel(`Pickup point: ${SHOP_POINT.name}`, { exact: false }).check();
    await page.getByRole('button', { name: 'Send my parcel here' }).click();
    await page.getByText(`Your parcel will wait for you at ${SHOP_POINT.name}.`).waitFor();
    const switched = await queryState(h);
    expect(switched.delivery).toEqual({ mode: 'pickup_point', point: SHOP_POINT });
    expect(switched.audit).toMatchObject([{ actor: 'customer (tracking page)', action: 'switch-to-point' }]);
    expect(switched.touchpoints.map((t) => t.key)).toContain('ready-for-pickup');
    await page.goto(trackingUrl(o.orderId));
    expect(await page.locator('.point-choice legend').innerText()).toBe('Collect it from another point');
    expect(await options(page)).toEqual([`Parcel locker: ${LOCKER.name}, ${LOCKER.address} (24/7)`]);
    await h.terminate('test over');
  });
});

it('offers no point once the parcel is out for delivery, and answers a stale page politely', async () => {
  await bed.env.withWorker(async () => {
    const o = order();
    const h = await startChain(bed.env, o, shop({ id: 'demo' }));
    const page = await (await bed.browser.newContext()).newPage();
    await page.goto(trackingUrl(o.orderId));
    expect(await options(page)).toHaveLength(2);
    await send(h, event('out_for_delivery'));
    // The page was loaded before: its form still posts, and the chain refuses.
    await page.getByLabel(`Parcel locker: ${LOCKER.name}`, { exact: false }).check();
    await page.getByRole('button', { name: 'Send my parcel here' }).click();
    await page.getByText('It is too late to change where your parcel goes.').waitFor();
    expect((await queryState(h)).delivery).toEqual({ mode: 'home' });
    await page.goto(trackingUrl(o.orderId));
    expect(await page.locator('.point-choice').count()).toBe(0);
    await h.terminate('test over');
  });
});

/**
 * The customer's tracking page in a real browser (Debian Chromium): the customer's language, where
 * the parcel is, its tracking number, the current promise and why it moved, the courier's agreed
 * window, the shop's support contacts, the return button; and, when no courier call came and
 * Doorstep asks, the windows to choose from, answered on the page.
 */
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { customerDates } from '../../activities/templates/dates';
import { windowLabel } from '../../api/pages/tracking-page';
import { createTokens } from '../../common/tokens';
import type { TrackingEvent } from '../../workflows/contract';
import { trackingEventUpdate } from '../../workflows/definitions';
import { configWith } from '../helpers/api';
import { ARTIFACTS, useBrowserBed } from '../helpers/browser';
import { queryState, startChain, waitForState } from '../helpers/chains';
import { courierWindow, event, inDays, order, shop, shopConfig } from '../helpers/fixtures';

// The configured shop's support contacts are the ones its pages show, and its link to its carrier's tracking page.
const CARRIER_LINK = 'https://tracktrace.dpd.example/parcel?number={trackingNumber}&lang=pl';
const bed = useBrowserBed(() =>
  configWith({
    shops: [
      {
        ...shopConfig({ id: 'demo', supportEmail: 'care@demo.example', supportPhone: '+48221234567' }),
        carrierLinks: { DPD: CARRIER_LINK },
      },
    ],
  }),
);

const trackingPath = (orderId: string) =>
  `/t/${createTokens(bed.env.config.tokenKeys).sign({ kind: 'track', shop: 'demo', order: orderId })}`;

it("the tracking page speaks the customer's language, shows where the parcel is, its number linked to the carrier, the moved promise and why, the courier's window, how to reach the shop, and opens a return", async () => {
  await bed.env.withWorker(async () => {
    const o = order({
      returnWindowDays: 1,
      customer: { ...order().customer, locale: 'pl-PL', timezone: 'Europe/Warsaw' },
    });
    const handle = await startChain(bed.env, o, shop({ id: 'demo' }));
    const send = (e: TrackingEvent) => handle.executeUpdate(trackingEventUpdate, { args: [e] });
    await send(event('handed_to_carrier', { trackingNumber: 'PL 620111022345' }));
    await send(event('eta_changed', { newEta: inDays(12), reason: 'zator w sortowni' }));
    await send(event('arrived_in_city'));
    const token = trackingPath(o.orderId).slice(3);
    const page = await bed.browser.newPage();
    await page.goto(`${bed.base}/t/${token}`);
    expect(await page.getAttribute('html', 'lang')).toBe('pl');
    expect(await page.locator('h1').textContent()).toBe(`Zamówienie ${o.orderId}`);
    expect(await page.locator('li.current').textContent()).toBe('W mieście doręczenia');
    expect(await page.locator('li.done').count()).toBe(5);
    const text = await page.locator('body').innerText();
    expect(text).toContain('Numer przesyłki: PL 620111022345');
    // The order's carrier "dpd" is the shop's "DPD": the number links to its page, the number encoded in the link.
    expect(await page.getByRole('link', { name: 'Numer przesyłki: PL 620111022345' }).getAttribute('href')).toBe(
      'https://tracktrace.dpd.example/parcel?number=PL%20620111022345&lang=pl',
    );
    const delayed = await queryState(handle);
    expect(delayed.promisedDate).not.toBe(o.promisedDate);
    expect(text).toContain(`Planowana dostawa: ${customerDates('Europe/Warsaw', 'pl-PL').day(delayed.promisedDate)}`);
    expect(text).toContain('Dostawa jest opóźniona: zator w sortowni.');
    expect(await page.locator('#support').textContent()).toBe(
      'Masz pytania dotyczące zamówienia? Skontaktuj się z nami:',
    );
    const support = page.locator('section.support a');
    expect(await support.evaluateAll((links) => links.map((a) => a.getAttribute('href')))).toEqual([
      'mailto:care@demo.example',
      'tel:+48221234567',
    ]);
    await page.screenshot({ path: join(ARTIFACTS, 'tracking-page-delayed.png'), fullPage: true });
    // No window agreed yet: no delivery PIN on the page.
    expect(text).not.toContain('PIN');

    await send(event('out_for_delivery'));
    const window = courierWindow();
    await send(event('courier_called', { window }));
    await page.reload();
    const called = await queryState(handle);
    expect(await page.locator('main').innerText()).toContain(`Kurier przyjedzie ${windowLabel(window, called)}.`);
    // The PIN the courier-call notice gave the customer, shown to the holder of the tracking link (the chain
    // state the shop's API reads has no field for it).
    const confirmed = await waitForState(handle, (st) =>
      /kod PIN: \d{4}/.test(st.touchpoints.find((tp) => tp.key === 'courier-call')?.notices[0]?.text ?? ''),
    );
    const pin = /kod PIN: (\d{4})/.exec(
      confirmed.touchpoints.find((tp) => tp.key === 'courier-call')!.notices[0].text!,
    )![1];
    expect(await page.locator('main').innerText()).toContain(`Podaj kurierowi kod PIN: ${pin}.`);
    expect(JSON.stringify({ ...confirmed, touchpoints: [] })).not.toContain(pin);
    await send(event('delivered', { proof: 'photo' }));
    await waitForState(handle, (s) => !!s.returnUntil);
    await page.reload();
    expect(await page.locator('li.current').textContent()).toBe('Dostarczone');
    await page.getByRole('button', { name: 'Zwróć zamówienie' }).click();
    await page.getByText('Zgłoszenie zwrotu zostało przyjęte. Wkrótce prześlemy instrukcje.').waitFor();
    const returning = await waitForState(handle, (s) => s.stage === 'returning');
    expect(returning.audit).toMatchObject([{ actor: 'customer (tracking page)', action: 'open-return' }]);

    // The same signature over another order's claims is refused.
    const [, ...signature] = token.split('.');
    const other = [Buffer.from(JSON.stringify(['t', 'demo', 'someone-else'])).toString('base64url'), ...signature].join(
      '.',
    );
    const refused = await page.goto(`${bed.base}/t/${other}`);
    expect(refused?.status()).toBe(404);
    expect(await page.locator('body').innerText()).toBe('This tracking link is not valid.');
    // A genuine link to an order that is gone answers the same way, not with an API error.
    expect((await page.goto(`${bed.base}${trackingPath('never-placed')}`))?.status()).toBe(404);
    expect(await page.locator('body').innerText()).toBe('This tracking link is not valid.');
    await page.close();
    await handle.terminate('test over');
  });
});

it(
  'when no courier call came, the page offers Doorstep’s windows in the customer’s time and language; ' +
    'a choice agrees one, a stale or bad one gets a polite page',
  async () => {
    await bed.env.withWorker(async () => {
      const zone = 'Asia/Novosibirsk';
      const o = order({ customer: { ...order().customer, locale: 'ru', timezone: zone } });
      // A call deadline of three seconds: Doorstep asks the customer right after out_for_delivery.
      const handle = await startChain(bed.env, o, shop({ id: 'demo', courierCallDeadlineMinutes: 0.05 }));
      for (const type of ['handed_to_carrier', 'arrived_in_city', 'out_for_delivery'] as const) {
        await handle.executeUpdate(trackingEventUpdate, { args: [event(type)] });
      }
      const asked = await waitForState(handle, (s) => !!s.courierQuestion);
      const { options, touchpoint } = asked.courierQuestion!;
      const page = await bed.browser.newPage();
      await page.goto(`${bed.base}${trackingPath(o.orderId)}`);
      expect(await page.locator('#window-question').textContent()).toBe(
        'Курьер ещё не позвонил. Выберите удобное время доставки:',
      );
      const buttons = page.locator('.windows button');
      expect(await buttons.count()).toBe(options.length);
      const localHour = (iso: string) =>
        new Intl.DateTimeFormat('ru', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
          new Date(iso),
        );
      for (const [i, w] of options.entries()) {
        expect(await buttons.nth(i).textContent()).toContain(`${localHour(w.from)}–${localHour(w.to)}`);
      }
      await page.screenshot({ path: join(ARTIFACTS, 'tracking-page-windows.png'), fullPage: true });

      // The same page open in another tab, which will be stale once a window is chosen.
      const staleTab = await bed.browser.newPage();
      await staleTab.goto(`${bed.base}${trackingPath(o.orderId)}`);
      await buttons.nth(1).click();
      await page.getByText(`Спасибо! Курьер приедет`).waitFor();
      expect(await page.locator('main').innerText()).toContain(localHour(options[1].from));
      const agreed = await waitForState(handle, (s) => !!s.courierWindow);
      expect(agreed.courierWindow).toEqual({ ...options[1], agreedBy: 'customer' });
      expect(agreed.courierQuestion).toBeUndefined();
      expect(agreed.touchpoints.find((t) => t.key === touchpoint)?.note).toBe('the customer chose window 2 by web');

      // The other tab offers a question that is closed now: a polite page, and nothing changes.
      const stale = staleTab.waitForResponse((r) => r.request().method() === 'POST');
      await staleTab.locator('.windows button').first().click();
      expect((await stale).status()).toBe(409);
      expect(await staleTab.locator('main').innerText()).toContain('Этот вариант уже недоступен.');
      expect(await staleTab.getByRole('link', { name: 'Вернуться к заказу' }).count()).toBe(1);
      await staleTab.close();
      const bad = await page.evaluate(
        async (path) =>
          (
            await fetch(`${path}/window`, {
              method: 'POST',
              body: new URLSearchParams({ touchpoint: 'courier-call', option: '9' }),
            })
          ).status,
        trackingPath(o.orderId),
      );
      expect(bad).toBe(409);
      const after = await queryState(handle);
      expect(after.courierWindow).toEqual(agreed.courierWindow);
      expect(after.touchpoints.find((t) => t.key === touchpoint)?.rating).toBeUndefined();
      await page.close();
      await handle.terminate('test over');
    });
  },
);

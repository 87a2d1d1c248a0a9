/**
 * A shop's brand on its customer pages in Debian's Chromium: the logo shown 40 px high with the shop's name
 * as its text alternative, buttons filled with the primary colour, the header ruled in the accent, and the
 * tracking, rating and unsubscribe pages still passing axe-core's WCAG 2.1 A/AA checks with those colours.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import request from 'supertest';
import { expect, it } from 'vitest';
import type { ChainState } from '../../workflows/contract';
import { configWith } from '../helpers/api';
import { useBrowserBed } from '../helpers/browser';
import { orderBody, shopConfig } from '../helpers/fixtures';
import { outbox } from '../helpers/temporal';

const KEY = 'acme-brand-test-key-001';
const LOGO = 'https://acme-shop.example/logo.png';
const BRAND = { logoUrl: LOGO, primaryColor: '#0b5394', accentColor: '#b45309' };
const bed = useBrowserBed(() =>
  configWith({
    shops: [{ ...shopConfig({ name: 'Acme Store' }), brand: BRAND }],
    apiKeys: [{ key: KEY, shop: 'acme', scopes: ['orders:write', 'chains:read'] }],
  }),
);
// A 1×1 PNG, served for the logo: the test's network reaches no shop.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** The WCAG A/AA violations axe finds on the page, one line each. */
async function violations(page: Page): Promise<string[]> {
  const { violations: found } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return found.map((v) => `${new URL(page.url()).pathname}: ${v.id} ${v.help}`);
}

/** What the page shows of the brand: the logo's alt and rendered height, a button's fill, the header's rule. */
const brandOf = (page: Page) =>
  page.evaluate(() => {
    const logo = document.querySelector('header.brand img') as HTMLImageElement;
    const header = getComputedStyle(document.querySelector('header.brand')!);
    return {
      alt: logo.alt,
      height: logo.getBoundingClientRect().height,
      loaded: logo.naturalWidth > 0,
      // A fresh order's tracking page has no button yet (no return, no courier question).
      button: [...document.querySelectorAll('main button')].map((b) => getComputedStyle(b).backgroundColor)[0],
      rule: `${header.borderBottomWidth} ${header.borderBottomStyle} ${header.borderBottomColor}`,
    };
  });

it("shows the shop's logo and colours on its tracking, rating and unsubscribe pages, which pass WCAG 2.1 AA", async () => {
  const body = orderBody({ customer: { ...orderBody().customer, email: 'brand.check@example.com' } });
  const placed = await request(bed.base)
    .post('/v1/orders')
    .set({ Authorization: `Bearer ${KEY}` })
    .send(body);
  expect(placed.status).toBe(201);
  const context = await bed.browser.newContext();
  await context.route(LOGO, (route) => route.fulfill({ contentType: 'image/png', body: PNG }));
  const page = await context.newPage();
  const report: string[] = [];
  const seen: Awaited<ReturnType<typeof brandOf>>[] = [];
  await bed.env.withWorker(async () => {
    const deadline = Date.now() + 20_000;
    let state: ChainState;
    do {
      await new Promise((r) => setTimeout(r, 200));
      state = (
        await request(bed.base)
          .get(`/v1/orders/${body.orderId}`)
          .set({ Authorization: `Bearer ${KEY}` })
      ).body;
    } while (!state.touchpoints.some((t) => t.notices[0]?.status === 'sent') && Date.now() < deadline);
    const sent = outbox(bed.env.config).find((m) => m.to === body.customer.email)!;
    const rating = /http:\/\/localhost:8080(\/r\/\S+)/.exec(String(sent.text))![1];
    for (const path of [new URL(placed.body.trackingUrl).pathname, rating, new URL(sent.unsubscribeUrl!).pathname]) {
      await page.goto(`${bed.base}${path}`);
      seen.push(await brandOf(page));
      report.push(...(await violations(page)));
    }
  });
  await context.close();
  expect(report, 'WCAG 2.1 A/AA violations').toEqual([]);
  const brand = { alt: 'Acme Store', height: 40, loaded: true, rule: '3px solid rgb(180, 83, 9)' };
  const primary = 'rgb(11, 83, 148)';
  // The rating page's first button is a score: white, bordered in the accent; its send button is the primary.
  expect(seen).toEqual([
    { ...brand, button: undefined },
    { ...brand, button: 'rgb(255, 255, 255)' },
    { ...brand, button: primary },
  ]);
}, 90_000);

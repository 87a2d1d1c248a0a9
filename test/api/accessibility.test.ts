/**
 * WCAG 2.1 A and AA, checked by axe-core in Debian's Chromium on every page a customer or a staff
 * member sees, in the states worth seeing: the tracking page along a chain (delayed, asking for a
 * courier window, delivered with a return, returning, cancelled), the rating page before and after
 * the score is recorded, the unsubscribe page, the customer message pages, and each console page.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import type { ChainState } from '../../workflows/contract';
import { configWith, staffMember } from '../helpers/api';
import { useBrowserBed } from '../helpers/browser';
import { inDays, orderBody, shopConfig } from '../helpers/fixtures';
import { outbox } from '../helpers/temporal';

const KEY = 'acme-a11y-test-key-0001';
const PASSWORD = 'agent password 1';
// A call deadline of three seconds: Doorstep asks the customer for a window soon after out_for_delivery.
const bed = useBrowserBed(() =>
  configWith({
    shops: [shopConfig({ courierCallDeadlineMinutes: 0.05 })],
    apiKeys: [{ key: KEY, shop: 'acme', scopes: ['orders:write', 'chains:read', 'chains:act'] }],
    staff: [staffMember({ username: 'ola', name: 'Ola Agent', role: 'agent', password: PASSWORD })],
  }),
);

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Every WCAG A/AA violation on the page, one readable block per rule (empty when there is none). */
async function violations(page: Page, name: string): Promise<string[]> {
  const { violations: found } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return found.map((v) =>
    [
      `${name} (${new URL(page.url()).pathname}): ${v.id} [${v.impact}] ${v.help} (${v.helpUrl})`,
      ...v.nodes.map((n) => `    at ${n.target.join(' ')}: ${n.failureSummary?.replaceAll('\n', ' ')}`),
    ].join('\n'),
  );
}

/** Checks the pages `visit` walks through; fails listing every violation of every page. */
async function audit(visit: (check: (page: Page, name: string) => Promise<void>) => Promise<void>): Promise<string[]> {
  const checked: string[] = [];
  const report: string[] = [];
  await visit(async (page, name) => {
    checked.push(name);
    report.push(...(await violations(page, name)));
  });
  expect(report.join('\n\n'), 'WCAG 2.1 A/AA violations').toBe('');
  return checked;
}

const api = async (path: string, body?: unknown) => {
  const res = await fetch(`${bed.base}${path}`, {
    method: body ? 'POST' : 'GET',
    headers: { Authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
    body: body ? JSON.stringify(body) : undefined,
  });
  return res.json();
};
const sendEvent = (orderId: string, type: string, data: object = {}) =>
  api(`/v1/orders/${orderId}/events`, { eventId: `${orderId}-${type}`, type, at: new Date().toISOString(), data });

async function chainWhen(orderId: string, ok: (s: ChainState) => boolean): Promise<ChainState> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const state: ChainState = await api(`/v1/orders/${orderId}`);
    if (ok(state)) return state;
    if (Date.now() > deadline) throw new Error(`chain never matched: ${JSON.stringify(state)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Places an order through the API; its tracking page's path. */
async function place(
  overrides: Record<string, unknown> = {},
): Promise<{ orderId: string; tracking: string; email: string }> {
  const body = orderBody({
    customer: { ...orderBody().customer, email: `a11y.${Date.now()}@example.com`, locale: 'pl-PL' },
    ...overrides,
  });
  const { trackingUrl } = await api('/v1/orders', body);
  return { orderId: body.orderId, tracking: new URL(trackingUrl).pathname, email: body.customer.email };
}

it('every customer page passes WCAG 2.1 A/AA: tracking along the chain, rating before and after, unsubscribe, messages', async () => {
  await bed.env.withWorker(async () => {
    const checked = await audit(async (check) => {
      // axe's full run needs a page of a context of its own.
      const page = await (await bed.browser.newContext()).newPage();
      const delayed = await place({ returnWindowDays: 1 });
      await sendEvent(delayed.orderId, 'handed_to_carrier', { trackingNumber: 'PL-0042' });
      await sendEvent(delayed.orderId, 'eta_changed', { newEta: inDays(12), reason: 'zator w sortowni' });
      const state = await chainWhen(delayed.orderId, (s) =>
        s.touchpoints.some((t) => t.key === 'delay' && t.notices[0]?.status === 'sent'),
      );
      await page.goto(`${bed.base}${delayed.tracking}`);
      await check(page, 'tracking page, delayed');

      const rating = /http:\/\/localhost:8080(\/r\/\S+)/.exec(state.touchpoints[0].notices[0].text!)![1];
      await page.goto(`${bed.base}${rating}?s=4`);
      await check(page, 'rating page, score preset');
      await page.mouse.move(5, 5);
      await page.locator('#status').getByText('4').waitFor();
      await check(page, 'rating page, score recorded');

      await sendEvent(delayed.orderId, 'arrived_in_city');
      await sendEvent(delayed.orderId, 'out_for_delivery');
      await chainWhen(delayed.orderId, (s) => !!s.courierQuestion);
      await page.goto(`${bed.base}${delayed.tracking}`);
      await check(page, 'tracking page, courier windows offered');
      await page.locator('.windows button').first().click();
      await check(page, 'window chosen message');
      const stale = await page.evaluate(
        async (path) =>
          (
            await fetch(`${path}/window`, {
              method: 'POST',
              body: new URLSearchParams({ touchpoint: 'courier-call', option: '1' }),
            })
          ).text(),
        delayed.tracking,
      );
      await page.setContent(stale);
      await check(page, 'stale window message');

      await sendEvent(delayed.orderId, 'delivered', { proof: 'photo' });
      await chainWhen(delayed.orderId, (s) => !!s.returnUntil);
      await page.goto(`${bed.base}${delayed.tracking}`);
      await check(page, 'tracking page, delivered with a return open');
      await page.locator('form[action$="/return"] button').click();
      await check(page, 'return opened message');
      await chainWhen(delayed.orderId, (s) => s.stage === 'returning');
      await page.goto(`${bed.base}${delayed.tracking}`);
      await check(page, 'tracking page, returning');

      const cancelled = await place();
      await sendEvent(cancelled.orderId, 'cancelled', { reason: 'brak towaru' });
      await chainWhen(cancelled.orderId, (s) => s.stage === 'cancelled');
      await page.goto(`${bed.base}${cancelled.tracking}`);
      await check(page, 'tracking page, cancelled');

      const unsubscribe = outbox(bed.env.config).find(
        (m) => m.to === delayed.email && m.unsubscribeUrl,
      )!.unsubscribeUrl!;
      await page.goto(`${bed.base}${new URL(unsubscribe).pathname}`);
      await check(page, 'unsubscribe page');
      await page.getByRole('button').click();
      await check(page, 'unsubscribed message');

      await page.goto(`${bed.base}/t/not.a.token`);
      await check(page, 'invalid tracking link message');
      await page.goto(`${bed.base}/r/not.a.token`);
      await check(page, 'invalid rating link message');
      await page.close();
    });
    expect(checked).toHaveLength(14);
  });
}, 120_000);

it('every console page passes WCAG 2.1 A/AA: sign-in, work lists, search, a timeline with actions, confirmation, reports, preview', async () => {
  await bed.env.withWorker(async () => {
    const checked = await audit(async (check) => {
      const page = await (await bed.browser.newContext()).newPage();
      const first = await place();
      const second = await place({ customer: { ...orderBody().customer, email: first.email } });
      await sendEvent(first.orderId, 'handed_to_carrier', { trackingNumber: 'DPD-7781' });
      await sendEvent(first.orderId, 'eta_changed', { newEta: inDays(12), reason: 'a storm closed the motorway' });
      const state = await chainWhen(first.orderId, (s) => s.touchpoints[0].notices[0]?.status === 'sent');
      const token = /\/r\/([^\s?]+)/.exec(state.touchpoints[0].notices[0].text!)![1];
      await fetch(`${bed.base}/v1/feedback`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token, score: 1, comment: 'late and rude' }),
      });
      await chainWhen(first.orderId, (s) => s.attention.length > 0);
      await chainWhen(second.orderId, (s) => s.touchpoints[0].notices[0]?.status === 'sent');

      await page.goto(`${bed.base}/console`);
      await check(page, 'sign-in');
      await page.getByLabel('Username').fill('ola');
      await page.getByLabel('Password').fill('not it');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await check(page, 'sign-in refused');
      await page.getByLabel('Username').fill('ola');
      await page.getByLabel('Password').fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL(/\/console(\?|$)/);
      const deadline = Date.now() + 20_000;
      while (!(await page.locator('main').innerText()).includes(first.orderId) && Date.now() < deadline)
        await page.reload();
      await check(page, 'work list: needs attention');
      await page.goto(`${bed.base}/console?list=returns`);
      await check(page, 'work list: empty');
      await page.getByLabel(/Find an order/).fill(first.email);
      await page.getByRole('button', { name: 'Search' }).click();
      await page.locator('tbody tr').nth(1).waitFor();
      await check(page, 'search results');
      await page.goto(`${bed.base}/console/orders/${first.orderId}`);
      await check(page, 'timeline with actions');
      const form = page.locator('form[data-action="set-promise"]');
      await form.getByLabel('New date').fill(inDays(14));
      await form.getByLabel('Reason').fill('the depot is closed');
      await form.getByRole('button').click();
      await check(page, 'confirmation step');
      await page.goto(`${bed.base}/console/reports`);
      await check(page, 'reports with charts');
      await page.goto(`${bed.base}/console/preview?scenario=delayed&locale=ru`);
      await check(page, 'preview with notices');
      await page.goto(`${bed.base}/console/orders/no-such-order`);
      await check(page, 'no such order');
      await page.close();
    });
    expect(checked).toHaveLength(10);
  });
}, 120_000);

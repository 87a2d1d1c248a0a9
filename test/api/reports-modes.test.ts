/**
 * The reports split by delivery mode, through the API and on the console's reports page in Debian's Chromium,
 * from a hand-made set of home and pickup-point chains recorded in the store: all chains answer as before modes,
 * one mode's lines say which, and the pickup points' figures (collected on the first day, expired, hours to
 * collection) are drawn as charts and listed; a locker order walked through the API lands in its mode's line.
 */
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { expect, it } from 'vitest';
import { configWith, staffMember } from '../helpers/api';
import { ARTIFACTS, useBrowserBed, wcagViolations } from '../helpers/browser';
import { signedIn } from '../helpers/console-sign-in';
import { inDays, orderBody, shopConfig, toPoint } from '../helpers/fixtures';
import { CHAINS, INPOST_LOCKERS, PERIOD, recordChain } from '../helpers/report-facts';

const KEY = 'acme-report-modes-key-01';
const PASSWORD = 'agent password 1';
const bed = useBrowserBed(() =>
  configWith({
    shops: [shopConfig()],
    apiKeys: [{ key: KEY, shop: 'acme', scopes: ['orders:write', 'chains:read'] }],
    staff: [staffMember({ username: 'ola', role: 'agent', password: PASSWORD })],
  }),
);

const api = async (path: string, body?: object) => {
  const res = await fetch(`${bed.base}${path}`, {
    method: body ? 'POST' : 'GET',
    headers: { Authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
    body: body && JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
};
const period = `from=${PERIOD.from}&to=${PERIOD.to}`;
let recorded = false;
/** The hand-made chains, recorded once for the file. */
async function chains(): Promise<void> {
  if (recorded) return;
  for (const [id, chain] of Object.entries(CHAINS)) await recordChain(bed.env.store, 'acme', id, chain);
  recorded = true;
}

it('the API answers all chains as before modes, and one mode when asked, its lines naming it', async () => {
  await chains();
  const all = await api(`/v1/reports/carriers?${period}`);
  expect(all.status).toBe(200);
  expect(all.body.mode).toBe('all');
  expect(all.body.carriers.map((c: object) => [Object.hasOwn(c, 'mode'), Object.hasOwn(c, 'pickup')])).toEqual([
    [false, false],
    [false, false],
  ]);

  const home = await api(`/v1/reports/carriers?${period}&mode=home`);
  expect(home.body.carriers.map((c: { carrier: string; orders: number }) => [c.carrier, c.orders])).toEqual([
    ['dpd', 2],
    ['inpost', 1],
  ]);

  const lockers = await api(`/v1/reports/carriers?${period}&mode=pickup_point&carrier=inpost`);
  expect(lockers.body).toEqual({
    from: PERIOD.from,
    to: PERIOD.to,
    mode: 'pickup_point',
    carriers: [INPOST_LOCKERS],
  });

  const audit = await api(`/v1/reports/touchpoints?${period}&mode=pickup_point`);
  expect(audit.body).toMatchObject({ mode: 'pickup_point', weakestLink: 'handover' });
  expect(audit.body.touchpoints.map((t: { touchpoint: string; checksSent: number }) => t.touchpoint)).toEqual([
    'ready-for-pickup',
    'handover',
  ]);
  const bad = await api(`/v1/reports/touchpoints?mode=locker`);
  expect(bad.status).toBe(400);
  expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(['mode']);
});

it('the reports page draws the pickup points’ figures (WCAG 2.1 AA), and splits the audit and the scorecard by the mode picked', async () => {
  await chains();
  const page = await signedIn(bed, 'ola', PASSWORD, '/console/reports?from=2026-11-01&to=2026-11-30');
  const pickups = page.locator('#pickup-points');
  const cells = (carrier: string) => pickups.locator(`tr[data-carrier="${carrier}"] td`).allInnerTexts();
  expect(await cells('inpost')).toEqual(['inpost', '4', '2', '1', '33%', '33%', '29.3']);
  expect(await cells('dpd')).toEqual(['dpd', '1', '1', '0', '100%', '0%', '23.0']);
  const bar = (chart: number, carrier: string) =>
    pickups.locator('svg').nth(chart).locator(`g[data-label="${carrier}"]`);
  expect(await bar(0, 'dpd').locator('text').last().textContent()).toBe('100%');
  // Bars scale to the longest: dpd's whole first day, inpost's third of it.
  const width = async (chart: number, carrier: string) =>
    Number(await bar(chart, carrier).locator('rect').getAttribute('width'));
  expect((await width(0, 'inpost')) / (await width(0, 'dpd'))).toBeCloseTo(0.333, 2);
  expect(await bar(2, 'inpost').locator('text').last().textContent()).toBe('29.3 h');
  expect(await page.locator('#carrier-scorecard tr[data-carrier="inpost"] td').nth(1).innerText()).toBe('5');
  await page.screenshot({ path: join(ARTIFACTS, 'console-reports-modes.png'), fullPage: true });
  expect(await wcagViolations(page)).toEqual([]);

  await page.getByLabel('Delivery').selectOption('pickup_point');
  await page.getByRole('button', { name: 'Show' }).click();
  await page.waitForURL(/mode=pickup_point/);
  expect(await page.locator('#carrier-scorecard h1').innerText()).toBe('Carrier scorecard · Pickup point');
  expect(await page.locator('#carrier-scorecard tr[data-carrier="inpost"] td').nth(1).innerText()).toBe('4');
  expect(await page.locator('#touchpoint-audit .weakest').innerText()).toBe('handover');
  expect(await pickups.locator('tr[data-carrier="inpost"]').count()).toBe(1);

  await page.getByLabel('Delivery').selectOption('home');
  await page.getByRole('button', { name: 'Show' }).click();
  await page.waitForURL(/mode=home/);
  expect(await page.locator('#carrier-scorecard tr[data-carrier="inpost"] td').nth(1).innerText()).toBe('1');
  expect(await page.locator('#touchpoint-audit .weakest').innerText()).toBe('courier-call');
  expect(await page.locator('#pickup-points').count()).toBe(0);
  await page.close();
});

it('the OpenAPI document names the mode parameter and the pickup figures, and each mode’s answer matches it', async () => {
  await chains();
  const doc = (await (await fetch(`${bed.base}/v1/openapi.json`)).json()) as {
    paths: Record<string, { get: { parameters: { name: string; schema: object }[] } }>;
  };
  for (const report of ['touchpoints', 'carriers'])
    expect(doc.paths[`/v1/reports/${report}`].get.parameters.find((p) => p.name === 'mode')?.schema).toMatchObject({
      enum: ['all', 'home', 'pickup_point'],
      default: 'all',
    });
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema(doc, 'openapi');
  const answer = (report: string) =>
    ajv.getSchema(`openapi#/paths/~1v1~1reports~1${report}/get/responses/200/content/application~1json/schema`)!;
  for (const mode of ['all', 'home', 'pickup_point'])
    for (const report of ['touchpoints', 'carriers']) {
      const validate = answer(report);
      const { body } = await api(`/v1/reports/${report}?${period}&mode=${mode}`);
      expect(validate(body), `${report} ${mode}: ${ajv.errorsText(validate.errors)}`).toBe(true);
    }
  expect(answer('carriers')({ from: 'a', to: 'b', mode: 'all', carriers: [{ ...INPOST_LOCKERS, pickup: {} }] })).toBe(
    false,
  );
});

it('a locker order walked through the API shows in the pickup-point scorecard: ready, collected on its first day', async () => {
  const since = new Date(Date.now() - 60_000).toISOString();
  const body = orderBody({ carrier: 'omniva', ...toPoint() });
  expect((await api('/v1/orders', body)).status).toBe(201);
  const event = (type: string, data: object = {}) =>
    api(`/v1/orders/${body.orderId}/events`, { eventId: `${type}-1`, type, at: new Date().toISOString(), data });
  const report = (mode: string) =>
    api(`/v1/reports/carriers?from=${since}&to=${inDays(1)}&carrier=omniva&mode=${mode}`);
  const line = await bed.env.withWorker(async () => {
    expect(
      (await event('ready_for_pickup', { pickupCode: '482913', pickupUntil: `${inDays(3)}T18:00:00Z` })).status,
    ).toBe(202);
    expect((await event('picked_up')).status).toBe(202);
    // Facts are recorded in the background.
    for (let tries = 0; ; tries++) {
      const [found] = (await report('pickup_point')).body.carriers;
      // The handover's delivered fact follows the collected one.
      if (found?.delivered === 1 || tries === 100) return found;
      await new Promise((r) => setTimeout(r, 200));
    }
  });
  expect(line).toMatchObject({
    carrier: 'omniva',
    orders: 1,
    delivered: 1,
    mode: 'pickup_point',
    pickup: { ready: 1, collected: 1, expired: 0, collectedFirstDayRate: 1, expiredRate: 0 },
  });
  expect(line.pickup.meanHoursToCollect).toBeLessThan(0.1);
  expect((await report('home')).body.carriers).toEqual([]);
});

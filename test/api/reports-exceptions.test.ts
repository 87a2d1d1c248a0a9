/**
 * The carriers' exceptions by normalized reason in the carrier scorecard, through the API (as the OpenAPI
 * document says) and on the console's reports page in Debian's Chromium, from a hand-made set of chains recorded
 * in the store: each carrier's exceptions of the period's orders, in the same shop, period and mode filters; an
 * order's exceptions posted through the API reach the scorecard and the worker metric through the chain.
 */
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { expect, it } from 'vitest';
import { EXCEPTION_REASONS } from '../../workflows/events';
import { configWith, staffMember } from '../helpers/api';
import { ARTIFACTS, useBrowserBed, wcagViolations } from '../helpers/browser';
import { signedIn } from '../helpers/console-sign-in';
import { inDays, orderBody, shopConfig } from '../helpers/fixtures';
import { CHAINS, exceptionFigures, PERIOD, recordChain } from '../helpers/report-facts';

const KEY = 'acme-report-exceptions-01';
const PASSWORD = 'agent password 1';
const bed = useBrowserBed(() =>
  configWith({
    shops: [shopConfig(), shopConfig({ id: 'globex' })],
    apiKeys: [{ key: KEY, shop: 'acme', scopes: ['orders:write', 'chains:read'] }],
    staff: [staffMember({ username: 'ola', role: 'agent', password: PASSWORD })],
  }),
);

const call = async (path: string, body?: object) => {
  const res = await fetch(`${bed.base}${path}`, {
    method: body ? 'POST' : 'GET',
    headers: { Authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
    body: body && JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
};
const api = (query: string) => call(`/v1/reports/carriers?from=${PERIOD.from}&to=${PERIOD.to}${query}`);
let recorded = false;
/** The hand-made chains, recorded once for the file; another shop's lost parcel must never show. */
async function chains(): Promise<void> {
  if (recorded) return;
  for (const [id, chain] of Object.entries(CHAINS)) await recordChain(bed.env.store, 'acme', id, chain);
  await recordChain(bed.env.store, 'globex', 'g1', { carrier: 'dpd', exceptions: ['lost'] });
  recorded = true;
}
const exceptionsOf = (body: { carriers: { carrier: string; exceptions: object }[] }) =>
  Object.fromEntries(body.carriers.map((c) => [c.carrier, c.exceptions]));

it('the scorecard counts each carrier’s exceptions by reason in the shop, period, carrier and mode asked for', async () => {
  await chains();
  const all = await api('');
  expect(all.status).toBe(200);
  expect(exceptionsOf(all.body)).toEqual({
    dpd: exceptionFigures(2, 1, 3, { weather: 1, consignee_not_home: 1 }),
    inpost: exceptionFigures(2, 2, 5, { address_problem: 1, capacity: 1 }),
  });
  expect(exceptionsOf((await api('&mode=home')).body)).toEqual({
    dpd: exceptionFigures(2, 1, 2, { weather: 1, consignee_not_home: 1 }),
    inpost: exceptionFigures(1, 1, 1, { address_problem: 1 }),
  });
  expect(exceptionsOf((await api('&mode=pickup_point&carrier=inpost')).body)).toEqual({
    inpost: exceptionFigures(1, 1, 4, { capacity: 1 }),
  });
  expect((await call(`/v1/reports/carriers?from=${PERIOD.to}`)).body.carriers).toEqual([]);
});

it('the OpenAPI document describes the exceptions, every normalized reason required, and the answers match it', async () => {
  await chains();
  const doc = (await (await fetch(`${bed.base}/v1/openapi.json`)).json()) as {
    components: {
      schemas: Record<string, { required: string[]; properties: Record<string, { required?: string[] }> }>;
    };
  };
  const schema = doc.components.schemas.CarrierExceptions;
  expect(schema.required).toEqual(['total', 'orders', 'orderRate', 'byReason']);
  expect(schema.properties.byReason.required).toEqual([...EXCEPTION_REASONS]);
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema(doc, 'openapi');
  const validate = ajv.getSchema(
    'openapi#/paths/~1v1~1reports~1carriers/get/responses/200/content/application~1json/schema',
  )!;
  for (const mode of ['all', 'home', 'pickup_point']) {
    const { body } = await api(`&mode=${mode}`);
    expect(validate(body), `${mode}: ${ajv.errorsText(validate.errors)}`).toBe(true);
  }
  const [line] = (await api('')).body.carriers;
  const { weather: _, ...withoutWeather } = line.exceptions.byReason;
  const exceptions = { ...line.exceptions, byReason: withoutWeather };
  expect(validate({ from: 'a', to: 'b', mode: 'all', carriers: [{ ...line, exceptions }] })).toBe(false);
});

it('the reports page lists each carrier’s exceptions by reason and charts them (WCAG 2.1 AA), by the mode picked', async () => {
  await chains();
  const page = await signedIn(bed, 'ola', PASSWORD, '/console/reports?from=2026-11-01&to=2026-11-30');
  const section = page.locator('#carrier-exceptions');
  const cells = (carrier: string) => section.locator(`tr[data-carrier="${carrier}"] td`).allInnerTexts();
  expect(await section.locator('th').allInnerTexts()).toEqual([
    'Carrier',
    'Exceptions',
    'Orders with one',
    'Nobody home',
    'Address problem',
    'Damaged',
    'Customs',
    'Weather',
    'Capacity',
    'Lost',
    'Other',
  ]);
  expect(await cells('dpd')).toEqual(['dpd', '2', '1 (33%)', '1', '0', '0', '0', '1', '0', '0', '0']);
  expect(await cells('inpost')).toEqual(['inpost', '2', '2 (40%)', '0', '1', '0', '0', '0', '1', '0', '0']);
  const bar = (chart: number, label: string) => section.locator('svg').nth(chart).locator(`g[data-label="${label}"]`);
  expect(await bar(0, 'inpost').locator('text').last().textContent()).toBe('40% of 5');
  const width = async (chart: number, label: string) =>
    Number(await bar(chart, label).locator('rect').getAttribute('width'));
  expect((await width(0, 'dpd')) / (await width(0, 'inpost'))).toBeCloseTo(0.333 / 0.4, 2);
  // All carriers: one of each reason but "Lost" (another shop's), and none of the others.
  expect(await bar(1, 'Weather').locator('text').last().textContent()).toBe('1');
  expect(await bar(1, 'Lost').locator('text').last().textContent()).toBe('0');
  await page.screenshot({ path: join(ARTIFACTS, 'console-reports-exceptions.png'), fullPage: true });
  expect(await wcagViolations(page)).toEqual([]);

  await page.getByLabel('Delivery').selectOption('pickup_point');
  await page.getByRole('button', { name: 'Show' }).click();
  await page.waitForURL(/mode=pickup_point/);
  expect(await cells('inpost')).toEqual(['inpost', '1', '1 (25%)', '0', '0', '0', '0', '0', '1', '0', '0']);
  expect(await cells('dpd')).toEqual(['dpd', '0', '0 (0%)', '0', '0', '0', '0', '0', '0', '0', '0']);

  await page.goto(`${bed.base}/console/reports?from=2026-12-01&to=2026-12-31`);
  expect(await section.locator('p').innerText()).toBe("No carrier reported an exception on this period's orders.");
  await page.close();
});

it('an order’s exceptions posted through the API reach the scorecard and the worker metric once each, through the chain', async () => {
  const since = new Date(Date.now() - 60_000).toISOString();
  const body = orderBody({ carrier: 'gls', promisedDate: inDays(5) });
  expect((await call('/v1/orders', body)).status).toBe(201);
  const event = (eventId: string, type: string, data: object = {}) =>
    call(`/v1/orders/${body.orderId}/events`, { eventId, type, at: new Date().toISOString(), data });
  const gls = async () => (await call(`/v1/reports/carriers?from=${since}&to=${inDays(1)}&carrier=gls`)).body.carriers;
  const line = await bed.env.withWorker(async () => {
    for (const type of ['packed', 'handed_to_carrier']) expect((await event(type, type)).status).toBe(202);
    const storm = () => event('storm', 'exception', { reason: 'weather', code: 'WX', text: 'Storm' });
    expect((await storm()).status).toBe(202);
    // The carrier's redelivery of the same event is a duplicate: the chain and the scorecard count it once.
    expect(await storm()).toMatchObject({ status: 200, body: { duplicate: true } });
    expect((await event('away', 'exception', { reason: 'consignee_not_home' })).status).toBe(202);
    // Facts are recorded in the background.
    for (let tries = 0; ; tries++) {
      const [found] = await gls();
      if (found?.exceptions.total === 2 || tries === 100) return found;
      await new Promise((r) => setTimeout(r, 200));
    }
  });
  expect(line.exceptions).toEqual(exceptionFigures(2, 1, 1, { weather: 1, consignee_not_home: 1 }));
  const metrics = await bed.env.registry.metrics();
  expect(metrics).toMatch(/doorstep_carrier_exceptions_total\{carrier="gls",reason="weather"\} 1\n/);
  expect(metrics).toMatch(/doorstep_carrier_exceptions_total\{carrier="gls",reason="consignee_not_home"\} 1\n/);
});

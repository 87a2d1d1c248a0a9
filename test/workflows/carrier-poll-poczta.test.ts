/**
 * Poczta Polska's pull connector end to end on the real dev server: the carrier's poll workflow calls
 * the real client against a local SOAP endpoint answering the service's envelope
 * (test/fixtures/carriers/poczta-polska-sprawdz-przesylke.xml), which checks the WS-Security
 * UsernameToken; the chain moves by the carrier's event codes and the parcel is not polled after its final one.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCarrierPolls } from '../../common/temporal';
import type { CarrierPoll } from '../../connectors/carriers/polling/config';
import { carrierEndpoint, type CarrierEndpoint, type CarrierReply } from '../../scripts/chaos/carrier-endpoint';
import { startChain, waitForState, queryState } from '../helpers/chains';
import { order, shop } from '../helpers/fixtures';
import { devServer, testConfig, type DevServer } from '../helpers/temporal';

const FIXTURE = readFileSync('test/fixtures/carriers/poczta-polska-sprawdz-przesylke.xml', 'utf8');
const FIXTURE_NUMBER = '00659007734210841438';
const ACCOUNT = { user: 'doorstep-shop', password: 's3cret' };
// The fault WS-Security 1.0 defines for a token that does not authenticate (OASIS WSS SOAP Message
// Security 1.0, §12 Error Handling, docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0.pdf),
// on HTTP 500 as SOAP 1.1 answers faults. Poczta Polska's manual shows no fault of its own.
const FAILED_AUTHENTICATION = `<?xml version="1.0" encoding="UTF-8"?>
<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body><soapenv:Fault>
<faultcode xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd">wsse:FailedAuthentication</faultcode>
<faultstring>The security token could not be authenticated or authorized</faultstring>
</soapenv:Fault></soapenv:Body></soapenv:Envelope>`;

/** One event as the service lists it: its code, name, Warsaw wall-clock time and whether it ends the parcel's way. */
type Zdarzenie = { kod: string; nazwa: string; czas: string; konczace?: boolean };
const events = new Map<string, Zdarzenie[]>();
const warsawNow = () => new Date().toLocaleString('sv-SE', { timeZone: 'Europe/Warsaw' }).slice(0, 16);
const scan = (number: string, kod: string, nazwa: string, konczace = false) =>
  events.set(number, [...(events.get(number) ?? []), { kod, nazwa, czas: warsawNow(), konczace }]);

const zdarzenie = (z: Zdarzenie) =>
  `<ax21:zdarzenie><ax21:czas>${z.czas}</ax21:czas><ax21:kod>${z.kod}</ax21:kod>` +
  `<ax21:konczace>${z.konczace ?? false}</ax21:konczace><ax21:nazwa>${z.nazwa}</ax21:nazwa></ax21:zdarzenie>`;

/** The service's answer for `number`: the fixture's envelope with this parcel's events, or its -1 (no such parcel). */
function sledzenie(number: string): CarrierReply {
  const list = events.get(number);
  const body = FIXTURE.replaceAll(FIXTURE_NUMBER, number).replace(
    /<ax21:zdarzenia>[\s\S]*<\/ax21:zdarzenia>/,
    `<ax21:zdarzenia>${(list ?? []).map(zdarzenie).join('')}</ax21:zdarzenia>`,
  );
  const status = list ? body : body.replace('<ax21:status>0</ax21:status>', '<ax21:status>-1</ax21:status>');
  return { status: 200, headers: { 'content-type': 'text/xml; charset=utf-8' }, body: status };
}

/** Answers only a request signed in with the shop's account; any other token gets the WS-Security fault. */
function answer(body: string, number: string): CarrierReply {
  const user = /<wsse:Username>([^<]*)</.exec(body)?.[1];
  const password = /<wsse:Password[^>]*>([^<]*)</.exec(body)?.[1];
  if (user !== ACCOUNT.user || password !== ACCOUNT.password)
    return { status: 500, headers: { 'content-type': 'text/xml; charset=utf-8' }, body: FAILED_AUTHENTICATION };
  return sledzenie(number);
}

let endpoint: CarrierEndpoint;
let env: DevServer;
// Hours become seconds: in transit 240 min → 2.9 s, out for delivery 20 min → 0.24 s.
const POLL = { api: 'poczta-polska', requestsPerMinute: 120, intervalScale: 0.0002 } as const;

beforeAll(async () => {
  endpoint = await carrierEndpoint((call) => answer(call.body, call.number));
  const polls: CarrierPoll[] = [
    { ...POLL, carrier: 'Poczta Polska', baseUrl: endpoint.url, apiKey: `${ACCOUNT.user}:${ACCOUNT.password}` },
    // Pocztex (Poczta Polska's courier brand) configured with a wrong password.
    { ...POLL, carrier: 'Pocztex', baseUrl: endpoint.url, apiKey: `${ACCOUNT.user}:wrong` },
  ];
  env = await devServer({ ...testConfig(), carrierPolls: polls });
});
afterAll(async () => {
  await env?.close();
  await endpoint?.close();
});

/** A home-delivery chain of `carrier` whose parcel `number` is in the parcel index. */
async function chainOf(carrier: string, number: string) {
  const o = order({ carrier, trackingNumber: number });
  const handle = await startChain(env, o, shop());
  const link = { shop: 'acme', carrier, trackingNumber: number, chainId: handle.workflowId, orderId: o.orderId };
  await env.store.parcels.link(link);
  return handle;
}

const callsFor = (number: string) => endpoint.calls.filter((c) => c.number === number);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const until = async (ok: () => boolean | Promise<boolean>, ms = 30_000) => {
  for (const end = Date.now() + ms; !(await ok()); await sleep(100))
    if (Date.now() > end) throw new Error('never happened');
};

describe('Poczta Polska pull connector', () => {
  it('moves a chain from in transit to delivered, then stops polling its final parcel', async () => {
    const number = '00659007734210000001';
    scan(number, 'P_NAD', 'Nadanie');
    scan(number, 'P_WZL', 'Wysłanie ze zbioru');
    const handle = await chainOf('Poczta Polska', number);
    await env.withWorker(async () => {
      await ensureCarrierPolls(env.client, env.config.taskQueue, ['Poczta Polska']);
      const moving = await waitForState(handle, (s) => s.stage === 'in_transit', 30_000);
      expect(moving.events.at(-1)).toMatchObject({
        type: 'in_transit',
        carrierStatus: { code: 'P_WZL', text: 'Wysłanie ze zbioru' },
      });
      const call = callsFor(number)[0]!;
      expect(call).toMatchObject({ method: 'POST', path: '/Sledzenie/services/Sledzenie' });
      expect(call.body).toContain(`<wsse:Username>${ACCOUNT.user}</wsse:Username>`);
      scan(number, 'P_WD', 'Wydanie do doręczenia');
      await waitForState(handle, (s) => s.stage === 'out_for_delivery', 30_000);
      scan(number, 'P_D', 'Doręczenie', true);
      await waitForState(handle, (s) => s.events.some((e) => e.type === 'delivered'), 30_000);
      const open = async () =>
        (await env.store.parcels.due('poczta polska', new Date(Date.now() + 86_400_000), 10)).length;
      await until(async () => (await open()) === 0);
      const calls = callsFor(number).length;
      // Longer than a delivered parcel's interval (2.9 s): a parcel still polled would have been asked again.
      await sleep(4500);
      expect(callsFor(number)).toHaveLength(calls);
      const types = (await queryState(handle)).events.map((e) => e.type);
      expect(types).toEqual(
        expect.arrayContaining(['handed_to_carrier', 'in_transit', 'out_for_delivery', 'delivered']),
      );
    });
  });

  it("keeps a home chain's P_KWD (waiting at the post office) as the carrier's status, after the avizo's exception", async () => {
    const number = '00659007734210000002';
    scan(number, 'P_WD', 'Wydanie do doręczenia');
    scan(number, 'P_A', 'Awizo - przesyłka do odbioru w placówce');
    scan(number, 'P_KWD', 'Przesyłka oczekuje na odbiór');
    const handle = await chainOf('Poczta Polska', number);
    await env.withWorker(async () => {
      await ensureCarrierPolls(env.client, env.config.taskQueue, ['Poczta Polska']);
      const state = await waitForState(handle, (s) => s.events.some((e) => e.type === 'carrier_status'), 30_000);
      expect(state.events.slice(-2)).toMatchObject([
        { type: 'exception', reason: 'consignee_not_home', carrierStatus: { code: 'P_A' } },
        { type: 'carrier_status', carrierStatus: { code: 'P_KWD' } },
      ]);
      expect(state.stage).toBe('out_for_delivery');
    });
  });

  it('gets the WS-Security fault for a wrong password: the chain stays put and the carrier backs off', async () => {
    const number = '00659007734210000003';
    scan(number, 'P_WZL', 'Wysłanie ze zbioru');
    const handle = await chainOf('Pocztex', number);
    await env.withWorker(async () => {
      await ensureCarrierPolls(env.client, env.config.taskQueue, ['Pocztex']);
      await until(() => callsFor(number).length > 0);
      // The first refusal pauses the whole carrier for 5 s: no second call within 4 s.
      await sleep(4000);
      expect((await queryState(handle)).events.some((e) => e.carrierStatus)).toBe(false);
    });
    expect(callsFor(number)).toHaveLength(1);
    expect(callsFor(number)[0]!.body).toContain('>wrong</wsse:Password>');
    expect(answer(callsFor(number)[0]!.body, number)).toMatchObject({ status: 500, body: FAILED_AUTHENTICATION });
  });
});

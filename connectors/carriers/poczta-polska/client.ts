/**
 * The Poczta Polska tracking client: the SOAP web service "Sledzenie", operation sprawdzPrzesylke,
 * with a WS-Security UsernameToken (the public account sledzeniepp / PPSA from Poczta Polska's manual,
 * https://www.poczta-polska.pl/dla-biznesu/wsparcie/integracje/systemy-sledzenia/system-sledzenia-wsdl-soap,
 * unless the configuration gives a dedicated account as "user:password"). The answer's `status`:
 * 0 found, 1 found (other parcels share the number), 2 no events yet, -1 no such parcel, -2 an
 * invalid number, -99 the service's own error.
 */
import { XMLParser } from 'fast-xml-parser';
import { meaningOf, type CarrierUpdate } from '../model';
import { CarrierBusy, CarrierError, refusal, type CarrierClient } from '../polling/answer';
import { POCZTA_STATUSES } from './statuses';

/** The service's production base URL (the endpoint is {base}/Sledzenie/services/Sledzenie). */
export const POCZTA_BASE_URL = 'https://tt.poczta-polska.pl';
export const POCZTA_NAMESPACE = 'http://sledzenie.pocztapolska.pl';
const PUBLIC_ACCOUNT = 'sledzeniepp:PPSA';
const WSSE = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd';
const PASSWORD_TEXT = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText';

const xml = (s: string) => s.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** The SOAP request for one number, signed in with `account` ("user:password"). */
export function sprawdzPrzesylke(number: string, account = PUBLIC_ACCOUNT): string {
  const [user, ...rest] = account.split(':');
  return `<?xml version="1.0" encoding="UTF-8"?>
<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:sled="${POCZTA_NAMESPACE}">
<soapenv:Header><wsse:Security xmlns:wsse="${WSSE}" soapenv:mustUnderstand="1"><wsse:UsernameToken>
<wsse:Username>${xml(user!)}</wsse:Username><wsse:Password Type="${PASSWORD_TEXT}">${xml(rest.join(':'))}</wsse:Password>
</wsse:UsernameToken></wsse:Security></soapenv:Header>
<soapenv:Body><sled:sprawdzPrzesylke><sled:numer>${xml(number)}</sled:numer></sled:sprawdzPrzesylke></soapenv:Body>
</soapenv:Envelope>`;
}

interface Zdarzenie {
  czas?: string;
  kod?: string;
  nazwa?: string;
  konczace?: boolean | string;
}

const parser = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: true,
  parseTagValue: false,
  isArray: (name) => name === 'zdarzenie',
});

/** Poczta Polska's times are Warsaw wall-clock ("2026-11-20 14:05"): the instant they name, as ISO. */
export function warsawTime(czas: string): string {
  const wall = Date.parse(`${czas.trim().replace(' ', 'T')}Z`);
  if (Number.isNaN(wall)) throw new CarrierError(`Poczta Polska answered a time it does not document: ${czas}`);
  const offset = (ms: number) => {
    const name = new Intl.DateTimeFormat('en', { timeZone: 'Europe/Warsaw', timeZoneName: 'longOffset' })
      .formatToParts(ms)
      .find((p) => p.type === 'timeZoneName')!.value;
    const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
    return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) * 60_000 : 0;
  };
  return new Date(wall - offset(wall - offset(wall))).toISOString();
}

function updateOf(carrier: string, number: string, z: Zdarzenie): CarrierUpdate {
  const code = z.kod ?? 'unknown';
  const at = warsawTime(z.czas ?? '');
  return {
    carrier,
    trackingNumber: number,
    eventId: `${carrier.toLowerCase()}:${number}:${code}:${at}`.slice(0, 128),
    at,
    status: { code, ...(z.nazwa && { text: z.nazwa.slice(0, 500) }) },
    meaning: meaningOf(POCZTA_STATUSES, code),
  };
}

/** Reads a sprawdzPrzesylke answer into the parcel's updates, oldest first. */
export function readAnswer(carrier: string, number: string, body: string): ReturnType<CarrierClient> {
  const doc = parser.parse(body) as { Envelope?: { Body?: { sprawdzPrzesylkeResponse?: { return?: unknown } } } };
  const ret = doc.Envelope?.Body?.sprawdzPrzesylkeResponse?.return as
    { status?: string; danePrzesylki?: { zdarzenia?: { zdarzenie?: Zdarzenie[] } } } | undefined;
  const status = Number(ret?.status);
  if (!ret || Number.isNaN(status)) throw new CarrierError('Poczta Polska answered without a status');
  if (status === -1 || status === -2) return Promise.resolve({ found: false });
  if (status === -99) throw new CarrierBusy(503);
  const events = ret.danePrzesylki?.zdarzenia?.zdarzenie ?? [];
  const updates = events.map((z) => updateOf(carrier, number, z));
  const final = events.some((z) => String(z.konczace) === 'true');
  return Promise.resolve({ found: true, updates, final });
}

/** A client for `carrier`'s parcels through Poczta Polska's service at `baseUrl`, as `apiKey` ("user:password"). */
export function pocztaPolskaClient(
  carrier: string,
  { baseUrl = POCZTA_BASE_URL, apiKey }: { baseUrl?: string; apiKey?: string },
): CarrierClient {
  return async (number) => {
    const response = await fetch(new URL('/Sledzenie/services/Sledzenie', baseUrl), {
      method: 'POST',
      headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: `"${POCZTA_NAMESPACE}/sprawdzPrzesylke"` },
      body: sprawdzPrzesylke(number, apiKey),
      signal: AbortSignal.timeout(15_000),
    });
    if (!response.ok) refusal(response);
    return readAnswer(carrier, number, await response.text());
  };
}

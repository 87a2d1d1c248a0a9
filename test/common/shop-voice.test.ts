/**
 * A shop's own voice in the configuration file: brand colours that fail WCAG AA against white are
 * refused with the nearest shade that passes, senders are checked with field paths, and the voice
 * stays beside the shop's chain settings, not in them.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { wcagContrast } from 'culori';
import { expect, it } from 'vitest';
import { loadConfig } from '../../common/config';
import { carrierLink, darkenedToContrast, TEXT_CONTRAST, UI_CONTRAST } from '../../common/config/shop-voice';
import { configFile } from '../helpers/config-file';

const ACME = { id: 'acme', name: 'Acme', supportEmail: 'help@acme.example' };
const load = (shop: object) =>
  loadConfig({
    DOORSTEP_CONFIG: configFile({ shops: [{ ...ACME, ...shop }] }),
    DOORSTEP_DATA_DIR: mkdtempSync(join(tmpdir(), 'doorstep-voice-')),
  });
const refusal = (shop: object): string => {
  try {
    load(shop);
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('the configuration was accepted');
};

const voice = {
  carrierLinks: { InPost: 'https://inpost.example/track?number={trackingNumber}' },
  brand: { logoUrl: 'https://acme.example/logo.png', primaryColor: '#0b5394', accentColor: '#b45f06' },
  email: { from: 'Acme <orders@acme.example>', replyTo: 'help@acme.example' },
  twilio: {
    messagingServiceSid: `MG${'a'.repeat(32)}`,
    whatsappFrom: '+48111222555',
    whatsappTemplates: { confirmation: { pl: `HX${'b'.repeat(32)}`, en: `HX${'c'.repeat(32)}` } },
  },
};

it('keeps the voice beside the shop: the chains get the shop without it', () => {
  const config = load(voice);
  expect(config.voices.get('acme')).toEqual(voice);
  expect(config.shops.get('acme')).not.toHaveProperty('brand');
  expect(config.shops.get('acme')).not.toHaveProperty('twilio');
  expect(config.shops.get('acme')).toMatchObject({ ...ACME, maxNoticesPerDay: 3 });
});

it('gives a shop without a voice an empty one (the global senders and Doorstep’s look apply)', () => {
  expect(load({}).voices.get('acme')).toEqual({});
});

it.each([
  ['a pale yellow button', { primaryColor: '#ffcc00' }, 'shops[0].brand.primaryColor', '4.5:1'],
  ['a light grey rule', { accentColor: '#dddddd' }, 'shops[0].brand.accentColor', '3:1'],
  ['a colour name', { primaryColor: 'navy' }, 'shops[0].brand.primaryColor', '#rrggbb'],
  ['a logo over http', { logoUrl: 'http://acme.example/logo.png' }, 'shops[0].brand.logoUrl', ''],
])('refuses %s with its field path', (_, brand, path, words) => {
  const error = refusal({ brand });
  expect(error).toContain(path);
  expect(error).toContain(words);
});

it('names the nearest shade that passes, and that shade does pass', () => {
  const error = refusal({ brand: { primaryColor: '#ffcc00' } });
  const shade = /nearest shade that passes is (#[0-9a-f]{6})/.exec(error)?.[1];
  expect(shade).toBe(darkenedToContrast('#ffcc00', TEXT_CONTRAST));
  expect(wcagContrast(shade!, '#ffffff')).toBeGreaterThanOrEqual(TEXT_CONTRAST);
  expect(wcagContrast(darkenedToContrast('#dddddd', UI_CONTRAST), '#ffffff')).toBeGreaterThanOrEqual(UI_CONTRAST);
  // A colour that passes already is its own nearest shade.
  expect(darkenedToContrast('#0b5394', TEXT_CONTRAST)).toBe('#0b5394');
});

it.each([
  [
    'both a number and a messaging service',
    { from: '+48111222333', messagingServiceSid: `MG${'a'.repeat(32)}` },
    'shops[0].twilio.messagingServiceSid',
  ],
  ['a number that is not E.164', { from: '600 123 456' }, 'shops[0].twilio.from'],
  [
    'a content SID of the wrong kind',
    { whatsappTemplates: { confirmation: { pl: `MG${'a'.repeat(32)}` } } },
    'shops[0].twilio.whatsappTemplates.confirmation.pl',
  ],
  [
    'a template for no touchpoint',
    { whatsappTemplates: { birthday: { pl: `HX${'a'.repeat(32)}` } } },
    'shops[0].twilio.whatsappTemplates',
  ],
])('refuses Twilio senders with %s', (_, twilio, path) => {
  expect(refusal({ twilio })).toContain(path);
});

it.each([
  ['two addresses', 'a@acme.example, b@acme.example'],
  ['no address', 'Acme'],
])('refuses an email sender with %s', (_, from) => {
  expect(refusal({ email: { from } })).toContain('shops[0].email.from');
});

it.each([
  ['no place for the number', 'https://inpost.example/track', 'where the tracking number goes'],
  ['plain http', 'http://inpost.example/track/{trackingNumber}', 'an https link'],
])('refuses a carrier link with %s', (_, link, words) => {
  const error = refusal({ carrierLinks: { InPost: link } });
  expect(error).toContain('shops[0].carrierLinks.InPost');
  expect(error).toContain(words);
});

it("links a tracking number to its carrier's page whatever case the order names the carrier in", () => {
  const acme = load(voice).voices.get('acme');
  expect(carrierLink(acme, 'inpost', '6200 11/2')).toBe('https://inpost.example/track?number=6200%2011%2F2');
  expect(carrierLink(acme, 'dpd', '6200')).toBeUndefined();
});

it('refuses pickup points a customer could not tell apart or reach, with their field paths', () => {
  const locker = { id: 'KRA01M', kind: 'locker', name: 'Paczkomat KRA01M', address: 'ul. Długa 1, Kraków' };
  expect(refusal({ pickupPoints: [locker, { ...locker, name: 'Another' }] })).toMatch(
    /each point id once\n\s+→ at shops\[0\]\.pickupPoints\n/,
  );
  expect(refusal({ pickupPoints: [{ ...locker, kind: 'drone' }] })).toContain('shops[0].pickupPoints[0].kind');
  expect(load({ pickupPoints: [locker] }).voices.get('acme')?.pickupPoints).toEqual([locker]);
});

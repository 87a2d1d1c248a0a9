/**
 * SMS length: every SMS body, rating hint included, fits the three segments the README promises,
 * with the longest inputs the contract allows, in every language and script; only free text is cut.
 */
import { SegmentedMessage } from 'sms-segments-calculator';
import { describe, expect, it } from 'vitest';
import { CATALOGS } from '../../activities/templates/catalog';
import { renderTexts } from '../../activities/templates/render';
import { smsSegments } from '../../activities/templates/sms-length';
import { order, shop } from '../helpers/fixtures';
import {
  BASE,
  LONGEST_ORDER_ID,
  LONGEST_PICKUP_CODE,
  SCRIPTS,
  TEMPLATES,
  longestTexts,
  trackingUrlOf,
  type Script,
} from './longest-notice';

/** Segments as the library counts them (GSM-7 or UCS-2), independently of the code under test. */
const segments = (text: string) => new SegmentedMessage(text).segmentsCount;

const LOCALES = Object.keys(CATALOGS);
// A Cyrillic (Russian, Ukrainian) tracking SMS with a 64-character order id cannot fit: the id and a link that
// carries it again take more than three UCS-2 segments on their own. Its own test below says what happens then.
const FITTING = LOCALES.flatMap((locale) =>
  TEMPLATES.flatMap((template) => (Object.keys(SCRIPTS) as Script[]).map((script) => ({ locale, template, script }))),
).filter((c) => !(['ru', 'uk'].includes(c.locale) && c.template === 'tracking'));

describe('smsSegments', () => {
  it('counts GSM-7 and UCS-2 segments the way carriers do', () => {
    expect([160, 161, 306, 307].map((n) => smsSegments('a'.repeat(n)))).toEqual([1, 2, 2, 3]);
    expect([70, 71, 134, 135].map((n) => smsSegments('ж'.repeat(n)))).toEqual([1, 2, 2, 3]);
    // Characters of the GSM extension table (€, [, ]) take two places.
    expect(smsSegments('€'.repeat(80))).toBe(1);
    expect(smsSegments('€'.repeat(81))).toBe(2);
  });
});

describe('SMS within three segments', () => {
  it.each(FITTING)('$template in $locale with the longest $script inputs', ({ locale, template, script }) => {
    const r = longestTexts(template, locale, script);
    expect(segments(r.short)).toBeLessThanOrEqual(3);
    // Never cut: the order id, the link and the dates.
    if (CATALOGS[locale].templates[template].sms.includes('{orderId}')) expect(r.short).toContain(LONGEST_ORDER_ID);
    if (template === 'tracking') expect(r.short).toContain(trackingUrlOf(LONGEST_ORDER_ID));
    if (template === 'delay') expect(r.short).toMatch(/25\D+2026/);
    // The code and the deadline (5 December 2026, 18:00 in Warsaw) of a parcel waiting at its point.
    if (CATALOGS[locale].templates[template].sms.includes('{pickupCode}')) {
      expect(r.short).toContain(LONGEST_PICKUP_CODE);
      expect(r.short).toMatch(/5\D+2026, (18:00|6:00 PM)/);
    }
  });

  it('drops the map link before it cuts the pickup point’s words, and keeps a short one', () => {
    const long = longestTexts('ready-for-pickup', 'en', 'en', 'A-1');
    expect(long.short).not.toContain('maps.example');
    expect(long.short).toContain('...');
    const o = order({ orderId: 'A-1' });
    const point = { id: 'KRA01M', kind: 'locker' as const, name: 'KRA01M', address: 'ul. Długa 1, Kraków' };
    const r = renderTexts({
      template: 'ready-for-pickup',
      shop: shop(),
      order: { ...o, customer: { ...o.customer, locale: 'pl', timezone: 'Europe/Warsaw' } },
      facts: {
        point: { ...point, mapUrl: 'https://maps.example/KRA01M' },
        pickupCode: '493021',
        pickupUntil: '2026-12-05T17:00:00Z',
      },
      trackingUrl: trackingUrlOf('A-1'),
      ratingUrl: `${BASE}/r/x`,
      scale: 5,
    });
    expect(r.short).toBe(
      'Acme: zamówienie A-1 czeka na odbiór: KRA01M, ul. Długa 1, Kraków. Kod: 493021. Odbiór do 5 grudnia 2026, 18:00. Mapa: https://maps.example/KRA01M Oceń nas: odpisz cyfrą 1-5.',
    );
  });

  it('cuts the free text, keeping the rating hint, and says it was cut', () => {
    const r = longestTexts('delay', 'ru', 'ru');
    expect(r.short).toContain('...');
    expect(r.short.endsWith('Оценка 1-5: ответьте цифрой.')).toBe(true);
    expect(r.short).toContain('25 декабря 2026');
  });

  it('writes a Polish SMS without diacritics rather than cut its reason, when that is what fits', () => {
    const r = longestTexts('delay', 'pl', 'pl', 'A-1');
    expect(segments(r.short)).toBeLessThanOrEqual(3);
    expect(new SegmentedMessage(r.short).encodingName).toBe('GSM-7');
    expect(r.short).toContain(
      'przepraszamy, zamowienie A-1 spozni sie o 22 dni (Zazolc gesla jazn: opoznienie w sortowni przewoznika Zazolc',
    );
    expect(r.short.endsWith('Nowa data: 25 grudnia 2026. Ocen nas: odpisz cyfra 1-5.')).toBe(true);
  });

  it('keeps an ordinary SMS whole, in its own letters', () => {
    const o = order({ orderId: 'A-1' });
    const r = renderTexts({
      template: 'delay',
      shop: shop(),
      order: { ...o, customer: { ...o.customer, locale: 'pl' } },
      facts: { days: 2, newDate: '2026-12-05', reason: 'burza śnieżna na trasie' },
      trackingUrl: trackingUrlOf('A-1'),
      ratingUrl: `${BASE}/r/x`,
      scale: 5,
    });
    expect(r.short).toBe(
      'Acme: przepraszamy, zamówienie A-1 spóźni się o 2 dni (burza śnieżna na trasie). Nowa data: 5 grudnia 2026. Oceń nas: odpisz cyfrą 1-5.',
    );
  });

  it('a Russian tracking SMS keeps its order id and link whole: the rating hint goes first, and what cannot fit goes longer', () => {
    const fits = longestTexts('tracking', 'ru', 'ru', 'ORD-20261203-000123');
    expect(segments(fits.short)).toBeLessThanOrEqual(3);
    expect(fits.short).toContain(trackingUrlOf('ORD-20261203-000123'));

    const longest = longestTexts('tracking', 'ru', 'ru');
    expect(longest.short).toContain(`заказ ${LONGEST_ORDER_ID} `);
    expect(longest.short).toContain(trackingUrlOf(LONGEST_ORDER_ID));
    expect(longest.short).not.toContain('Оценка');
  });
});

/**
 * Pickup notices of a parcel whose carrier sends the code to the customer itself (InPost ShipX and CDEK webhooks
 * carry none): in every language and on every channel they name the carrier instead of a blank code, and the email
 * carries no QR image.
 */
import { describe, expect, it } from 'vitest';
import { CATALOGS } from '../../activities/templates/catalog';
import { render } from '../../activities/templates/render';
import type { RenderInput } from '../../activities/templates/render-input';
import { LOCKER, order, shop } from '../helpers/fixtures';

/** The words each language says in place of the code, on the channels that say them differently. */
const CARRIER_SENT: Record<string, { text: string; short: string; spoken: string }> = {
  en: {
    text: 'Use the code InPost sent you.',
    short: 'Use the code InPost sent you.',
    spoken: 'Please use the code InPost sent you.',
  },
  ru: {
    text: 'Используйте код от InPost.',
    short: 'Код в сообщении от InPost.',
    spoken: 'Используйте код, который прислал InPost.',
  },
  pl: {
    text: 'Użyj kodu przesłanego przez InPost.',
    short: 'Kod w wiadomości od InPost.',
    spoken: 'Prosimy użyć kodu przesłanego przez InPost.',
  },
  uk: {
    text: 'Скористайтеся кодом від InPost.',
    short: 'Код у повідомленні від InPost.',
    spoken: 'Скористайтеся кодом, який надіслав InPost.',
  },
  de: {
    text: 'Nutzen Sie den Code, den Ihnen InPost geschickt hat.',
    short: 'Code von InPost.',
    spoken: 'Bitte nutzen Sie den Code, den Ihnen InPost geschickt hat.',
  },
};
/** A code left blank: a label or a sentence ending right after its colon or verb ("Code: .", "code is ."). */
const BLANK_CODE = /(:|\bis|lautet)\s*\./;
/** Latin letters without their marks: an SMS may write Polish letters plain to stay within three segments. */
const plain = (text: string) =>
  text
    .replaceAll('ł', 'l')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');

function input(template: 'ready-for-pickup' | 'pickup-reminder', locale: string, pickupCode?: string): RenderInput {
  const o = order({ orderId: 'A-2001', carrier: 'InPost' });
  return {
    template,
    shop: shop({ name: 'Acme Store' }),
    order: { ...o, customer: { ...o.customer, locale, timezone: 'Europe/Warsaw' } },
    facts: { point: LOCKER, pickupUntil: '2026-12-05T17:00:00Z', ...(pickupCode && { pickupCode }) },
    trackingUrl: 'https://doorstep.shop.example/t/abc',
    ratingUrl: 'https://doorstep.shop.example/r/abc',
    scale: 5,
  };
}

describe.each(Object.keys(CATALOGS))('in %s, a pickup notice without a code', (language) => {
  it.each(['ready-for-pickup', 'pickup-reminder'] as const)(
    '%s names the carrier that sent the code on every channel, with no blank code and no QR image',
    async (template) => {
      const r = await render(input(template, language));
      const words = CARRIER_SENT[language];
      expect(r.text).toContain(words.text);
      expect(r.html).toContain(words.text);
      expect(plain(r.short)).toContain(plain(words.short));
      expect(r.spoken).toContain(words.spoken);
      for (const part of [r.text, r.short, r.spoken]) expect(part).not.toMatch(BLANK_CODE);
      expect(r.inline).toBeUndefined();
      expect(r.html).not.toContain('cid:pickup-code@doorstep');
    },
  );

  it('says the code itself, not the carrier line, when the chain has one', async () => {
    const r = await render(input('ready-for-pickup', language, 'K7249183'));
    for (const part of [r.text, r.short]) expect(part).toContain('K7249183');
    expect(r.text).not.toContain(CARRIER_SENT[language].text);
    expect(r.inline).toHaveLength(1);
  });
});

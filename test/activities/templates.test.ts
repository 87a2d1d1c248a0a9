/** Every notice in every language: complete, in the customer's locale and zone, worded for its channel. */
import { describe, expect, it } from 'vitest';
import { CATALOGS } from '../../activities/templates/catalog';
import { render, renderTexts } from '../../activities/templates/render';
import type { RenderInput } from '../../activities/templates/render-input';
import type { NoticeFacts } from '../../workflows/notice-facts';
import type { TemplateId } from '../../workflows/touchpoints';
import { LOCKER, order, shop } from '../helpers/fixtures';
import { TEMPLATES } from './longest-notice';

const FACTS: NoticeFacts = {
  promisedDate: '2026-12-03',
  newDate: '2026-12-05',
  days: 2,
  reason: 'storm',
  window: { from: '2026-12-03T10:00:00Z', to: '2026-12-03T12:00:00Z' },
  pin: '4821',
  returnDays: 14,
  amount: '49.90 PLN',
  point: LOCKER,
  pickupCode: 'K7249183',
  // 18:00 in Warsaw.
  pickupUntil: '2026-12-05T17:00:00Z',
  afterExpiry: 'return',
};
const OPTIONS = [
  { from: '2026-12-03T10:00:00Z', to: '2026-12-03T12:00:00Z' },
  { from: '2026-12-03T12:00:00Z', to: '2026-12-03T14:00:00Z' },
  { from: '2026-12-03T14:00:00Z', to: '2026-12-03T16:00:00Z' },
];
// Links as long as real ones: a production host and signed tokens.
const BASE = 'https://doorstep.shop.example';
const LINK = `${BASE}/t/WyJ0IiwiYWNtZS1zdG9yZSIsIkEtMTAwMjM0NTYiXQ.q0nN1KkG4kLkYv8w3Xl2bA`;
const RATING = `${BASE}/r/WyJyIiwiYWNtZS1zdG9yZSIsIkEtMTAwMjM0NTYiLCJ0cmFja2luZyIsMTc5ODAyNjM4OF0.q0nN1KkG4kLkYv8w3Xl2bA`;

function inputAs(
  template: TemplateId,
  locale: string,
  facts: NoticeFacts = FACTS,
  overrides: Partial<RenderInput> = {},
  customer: object = {},
): RenderInput {
  const o = order({ orderId: 'A-10023456' });
  return {
    template,
    shop: shop({ name: 'Acme Store' }),
    order: { ...o, customer: { ...o.customer, locale, timezone: 'Europe/Warsaw', ...customer } },
    facts: template === 'courier-call-request' ? { ...facts, options: OPTIONS } : facts,
    trackingUrl: LINK,
    ratingUrl: RATING,
    unsubscribeUrl: `${BASE}/u/token`,
    scale: template === 'closing' ? 10 : 5,
    ...overrides,
  };
}
/** A notice's words on every channel. */
const renderAs = (...args: Parameters<typeof inputAs>) => renderTexts(inputAs(...args));
/** A notice with its HTML part. */
const renderFull = (...args: Parameters<typeof inputAs>) => render(inputAs(...args));

const SMS_CHOICES: Record<string, string> = {
  en: 'When suits you? Reply 1 for 11:00 AM-1:00 PM, 2 for 1:00 PM-3:00 PM, 3 for 3:00 PM-5:00 PM.',
  ru: 'Ответьте цифрой: 1 - 11:00-13:00, 2 - 13:00-15:00, 3 - 15:00-17:00.',
  pl: 'Odpisz cyfrą: 1 - 11:00-13:00, 2 - 13:00-15:00, 3 - 15:00-17:00.',
  uk: 'Надішліть цифру: 1) 11:00-13:00, 2) 13:00-15:00, 3) 15:00-17:00.',
  de: 'Antworten Sie mit 1 für 11:00-13:00 Uhr, 2 für 13:00-15:00 Uhr, 3 für 15:00-17:00 Uhr.',
};
const SPOKEN_CHOICES: Record<string, string> = {
  en: 'Press 1 for 11:00 AM to 1:00 PM, 2 for 1:00 PM to 3:00 PM, 3 for 3:00 PM to 5:00 PM.',
  ru: 'Нажмите 1, если удобно с 11:00 до 13:00, 2, если удобно с 13:00 до 15:00, 3, если удобно с 15:00 до 17:00.',
  pl: 'Naciśnij 1, jeśli pasuje Ci od 11:00 do 13:00, 2, jeśli pasuje Ci od 13:00 do 15:00, 3, jeśli pasuje Ci od 15:00 do 17:00.',
  uk: 'Натисніть 1, якщо зручно з 11:00 до 13:00, 2, якщо зручно з 13:00 до 15:00, 3, якщо зручно з 15:00 до 17:00.',
  de: 'Drücken Sie 1 für 11:00 bis 13:00 Uhr, 2 für 13:00 bis 15:00 Uhr, 3 für 15:00 bis 17:00 Uhr.',
};

/** The text a reader sees in the HTML part (style sheets and tags dropped). */
const visible = (html: string) => html.replace(/<style[^>]*>[\s\S]*?<\/style>/g, ' ').replace(/<[^>]+>/g, ' ');
const questions = (text: string) => text.split('?').length - 1;

describe.each(Object.keys(CATALOGS))('notices in %s', (language) => {
  it.each(TEMPLATES)('%s renders completely and names the shop', async (template) => {
    const r = await renderFull(template, language);
    for (const part of [r.subject, r.text, r.short, r.spoken, visible(r.html)])
      expect(part).not.toMatch(/[{}]|undefined|NaN/);
    expect(r.language).toBe(language);
    expect(r.subject).toContain('Acme Store');
    expect(r.short.startsWith('Acme Store:')).toBe(true);
    expect(r.text).toContain('help@acme.example, +48221234567');
    expect(r.spoken).not.toContain('http');
    expect(r.spoken).toMatch(/[.!?]$/);
  });

  it('asks for a courier window the way each channel can answer: a digit by SMS, a key in a call, the tracking page by email', async () => {
    const r = await renderFull('courier-call-request', language);
    // Email: the windows, the tracking page or support; never "reply to our text", which may not have gone.
    expect(r.text).not.toMatch(/text message|SMS/i);
    expect(r.text).toMatch(/11:00\s?(AM)?–1:00\s?PM|11:00–13:00/);
    expect(r.text.split('\n')[0]).toContain(`: ${LINK} `);
    expect(r.text.split('\n')[0]).toContain('help@acme.example, +48221234567');
    expect(r.html).toContain(`href="${LINK}"`);
    // SMS and WhatsApp: a numbered choice, answered by digit.
    expect(r.short).toContain(SMS_CHOICES[language]);
    // Voice: keys to press.
    expect(r.spoken).toContain(SPOKEN_CHOICES[language]);
    // It may go before the carrier reports the parcel out for delivery: no form claims it is.
    for (const part of [r.subject, r.text, r.short, r.spoken])
      expect(part).not.toMatch(/out for delivery|у курьера|u kuriera/i);
    // It asks one thing: no rating prompt beside the question.
    expect(r.text).not.toContain(RATING);
    expect(r.html).not.toContain(RATING);
  });

  it('the closing asks one question, answered 0–10 by one click, in every form', async () => {
    const r = await renderFull('closing', language);
    // The support footer ("Questions? …") is no question about the order; everything else is counted.
    const footer = CATALOGS[language].common.support.replace('{support}', 'help@acme.example, +48221234567');
    const [body, answer] = r.text.split('\n\n');
    expect(questions(r.text.replace(footer, ''))).toBe(1);
    expect(body).toMatch(/\?$/);
    expect(answer).toMatch(new RegExp(`0 \\(.+\\) .* 10 \\(.+\\): ${RATING}$`));
    expect(questions(visible(r.html).replace(footer, ''))).toBe(1);
    for (const score of [0, 5, 10]) expect(r.html).toContain(`href="${RATING}?s=${score}"`);
    expect(r.html).not.toContain(CATALOGS[language].common.rateEmail.split('?')[0]);
    expect(questions(r.short)).toBe(1);
    expect(r.short).toMatch(/0.*10\.$/);
    expect(questions(r.spoken)).toBe(1);
    expect(r.spoken).toMatch(/0.*10/);
    expect(r.spoken).not.toMatch(/Reply|Ответьте|Odpisz/);
  });
});

describe('greetings', () => {
  const ANNA = { name: 'Anna Nowak', givenName: 'Anna' };
  it('greet by given name where the language does, and without a name otherwise', () => {
    const first = (locale: string, customer: object) =>
      renderAs('confirmation', locale, FACTS, {}, customer).text.split('!')[0];
    expect(renderAs('confirmation', 'en', FACTS, {}, ANNA).text).toMatch(
      /^Hello Anna, we have accepted your order A-10023456/,
    );
    expect(renderAs('confirmation', 'en', FACTS, {}, { name: 'Anna Nowak' }).text).toMatch(
      /^Hello, we have accepted your order A-10023456/,
    );
    expect(renderAs('confirmation', 'ru', FACTS, {}, { name: 'Анна Смирнова', givenName: 'Анна' }).text).toMatch(
      /^Здравствуйте, Анна! Мы приняли ваш заказ/,
    );
    expect(renderAs('confirmation', 'ru', FACTS, {}, { name: 'Анна Смирнова' }).text).toMatch(
      /^Здравствуйте! Мы приняли ваш заказ/,
    );
    // Polish greets by name in the vocative, which cannot be derived reliably: no name at all.
    expect(first('pl', ANNA)).toBe('Dzień dobry');
    expect(renderAs('delay', 'ru', FACTS, {}, { givenName: 'Анна' }).text).toMatch(
      /^Анна, приносим извинения: ваш заказ/,
    );
  });

  it('never use the full name, in any form of any notice', async () => {
    for (const language of Object.keys(CATALOGS)) {
      for (const template of TEMPLATES) {
        const r = await renderFull(template, language, FACTS, {}, ANNA);
        for (const part of [r.subject, r.text, r.html, r.short, r.spoken]) expect(part).not.toContain('Nowak');
      }
    }
  });
});

describe('language', () => {
  it('formats dates, times and plurals the customer way, in their time zone', () => {
    expect(renderAs('confirmation', 'ru').text).toMatch(/Доставим его 3 декабря 2026\.(\s|$)/);
    expect(renderAs('confirmation', 'pl-PL').text).toContain('Dostarczymy je 3 grudnia 2026.');
    expect(renderAs('confirmation', 'en-GB').text).toContain('We will deliver it on 3 December 2026.');
    expect(renderAs('courier-call', 'pl').text).toContain('3 gru 2026 w godz. 11:00–13:00');
    const days = (language: string, n: number) => renderAs('delay', language, { ...FACTS, days: n }).subject;
    expect([1, 2, 5, 21, 22].map((n) => days('ru', n).split(' на ')[1])).toEqual([
      '1 день',
      '2 дня',
      '5 дней',
      '21 день',
      '22 дня',
    ]);
    expect([1, 2, 5, 22, 25].map((n) => days('pl', n).split(' o ')[1])).toEqual([
      '1 dzień',
      '2 dni',
      '5 dni',
      '22 dni',
      '25 dni',
    ]);
    expect([1, 2].map((n) => days('en', n))).toEqual([
      'Acme Store: order A-10023456 will be 1 day late',
      'Acme Store: order A-10023456 will be 2 days late',
    ]);
    const within = (language: string, n: number) =>
      renderAs('handover', language, { ...FACTS, returnDays: n }).text.split('. ')[2];
    expect([1, 2, 5, 21].map((n) => within('ru', n))).toEqual(
      ['1 дня', '2 дней', '5 дней', '21 дня'].map((d) => `Вернуть заказ можно в течение ${d}`),
    );
    expect([1, 2, 5, 14].map((n) => within('pl', n))).toEqual(
      ['1 dnia', '2 dni', '5 dni', '14 dni'].map((d) => `Zamówienie możesz zwrócić w ciągu ${d}`),
    );
  });

  it('a call leaves out the tracking link and the words leading to it, but keeps a reason that carries an address', () => {
    const spoken = renderAs('delay', 'en', {
      ...FACTS,
      reason: 'see https://carrier.example/storm for details',
    }).spoken;
    expect(spoken).toContain('see https://carrier.example/storm for details');
    expect(renderAs('tracking', 'en').spoken).not.toMatch(/https?:|Track it/);
  });

  it("says the guard's own delay reason in the customer's language", () => {
    const guard = { ...FACTS, reason: undefined, reasonCode: 'not-in-city' as const };
    expect(renderAs('delay', 'ru', guard).text).toContain('Причина задержки: посылка ещё не прибыла в ваш город.');
    expect(renderAs('delay', 'pl', guard).text).toContain('Powód: przesyłka nie dotarła jeszcze do Twojego miasta.');
  });

  it("says a carrier's exception by its normalized reason in the customer's language, never the carrier's text", () => {
    const weather = { ...FACTS, reason: 'carrier exception: weather', reasonCode: 'weather' as const };
    expect(renderAs('delay', 'pl', weather).text).toContain('Powód: trudne warunki pogodowe opóźniają dostawy.');
    expect(renderAs('delay', 'de', weather).short).toContain('(schlechtes Wetter verzögert die Zustellung)');
    expect(renderAs('delay', 'en', { ...weather, reasonCode: 'carrier-eta' }).text).toContain(
      'because the carrier now expects to deliver it later.',
    );
    expect(renderAs('delay', 'uk', weather).text).not.toContain('carrier exception');
  });

  it('speaks formally in Russian and gender-neutrally in Polish', () => {
    const all = (language: string) => JSON.stringify(CATALOGS[language]);
    expect(all('ru')).not.toMatch(/(^|[^а-яё])(ты|тебя|тебе|твой|твоя|твоё|твои|твоего)([^а-яё]|$)/iu);
    // Past tense in the second person is gendered in Polish ("dałeś"/"dałaś").
    expect(all('pl')).not.toMatch(/\p{L}+(łeś|łaś)(?!\p{L})/u);
  });

  it("falls back to the shop's language, then English", () => {
    expect(
      renderAs('tracking', 'fr-FR', FACTS, { shop: shop({ name: 'Acme Store', defaultLocale: 'pl' }) }).language,
    ).toBe('pl');
    expect(renderAs('tracking', 'fr-FR').language).toBe('en');
  });

  it('leaves out what a notice does not have', () => {
    const plainFacts = { ...FACTS, reason: undefined, amount: undefined };
    expect(renderAs('cancellation', 'en', plainFacts).text.split('\n')[0]).toBe(
      'Your order A-10023456 has been cancelled.',
    );
    expect(renderAs('return-refund', 'ru', plainFacts).text.split('\n')[0]).toBe(
      'Мы вернули деньги за заказ A-10023456. Зачисление на счёт может занять несколько дней.',
    );
    expect(renderAs('handover', 'en', { ...FACTS, returnDays: 0 }).text.split('\n')[0]).not.toContain(
      'return it within',
    );
  });
});

describe('pickup notices', () => {
  /** The deadline of FACTS in Warsaw, as each language writes it (ICU's narrow no-break space before "PM"). */
  const DEADLINE: Record<string, RegExp> = {
    en: /December 5, 2026, 6:00\sPM/,
    ru: /5 декабря 2026, 18:00/,
    pl: /5 grudnia 2026, 18:00/,
    uk: /5 грудня 2026, 18:00/,
    de: /5\. Dezember 2026, 18:00 Uhr/,
  };

  it.each(Object.keys(CATALOGS))(
    'in %s, ready-for-pickup gives the code, the point and the deadline in the customer’s zone on every channel',
    async (language) => {
      const r = await renderFull('ready-for-pickup', language);
      for (const part of [r.text, r.short, visible(r.html)]) {
        expect(part).toContain('K7249183');
        expect(part).toMatch(DEADLINE[language]);
        expect(part).toContain('Paczkomat KRA01M');
        // An SMS may write Polish letters plain to stay within three segments.
        expect(part).toMatch(/ul\. D[łl]uga 1, 31-147 Krak[óo]w/);
      }
      // A call spells the code sign by sign and says when, without the map link.
      expect(r.spoken).toContain('K 7 2 4 9 1 8 3');
      expect(r.spoken).toMatch(DEADLINE[language]);
      expect(r.spoken).not.toContain('maps.example');
      expect(r.text).toContain(': https://maps.example/KRA01M');
      expect(r.html).toMatch(/<a class="ds-inline" href="https:\/\/maps.example\/KRA01M"[^>]*>[^<]+<\/a>/);
      expect(r.text).toContain('24/7');
    },
  );

  it.each(Object.keys(CATALOGS))('in %s, the reminder repeats the code and the deadline', (language) => {
    const r = renderAs('pickup-reminder', language);
    for (const part of [r.text, r.short, r.spoken]) expect(part).toMatch(DEADLINE[language]);
    for (const part of [r.text, r.short]) expect(part).toContain('K7249183');
    expect(r.spoken).toContain('K 7 2 4 9 1 8 3');
  });

  it('writes the deadline in the customer’s own zone', () => {
    const r = renderAs('ready-for-pickup', 'en-GB', FACTS, {}, { timezone: 'Asia/Vladivostok' });
    expect(r.short).toContain('Collect by 6 December 2026, 03:00.');
  });

  it('leaves out the opening hours and the map when the point has none, and names the kind of point', () => {
    const point = { id: 'WAW-7', kind: 'post_office' as const, name: 'UP Warszawa 7', address: 'ul. Nowa 7' };
    const r = renderAs('ready-for-pickup', 'en', { ...FACTS, point });
    expect(r.text.split('\n')[0].replace(/\s/g, ' ')).toBe(
      'Your order A-10023456 is waiting for you at the post office UP Warszawa 7, ul. Nowa 7. Your pickup code is K7249183. ' +
        'Please collect the parcel by December 5, 2026, 6:00 PM.',
    );
    expect(r.short).not.toMatch(/Map|https:\/\/maps/);
    expect(renderAs('ready-for-pickup', 'pl', { ...FACTS, point }).text).toContain(
      'w placówce pocztowej UP Warszawa 7',
    );
    expect(renderAs('confirmation-pickup', 'de', { ...FACTS, point: { ...point, kind: 'locker' } }).text).toContain(
      'an die Paketstation UP Warszawa 7, ul. Nowa 7',
    );
  });

  it.each(Object.keys(CATALOGS))(
    'in %s, an uncollected parcel’s notice says what happens now, per shop',
    (language) => {
      const after = (afterExpiry: 'return' | 'refund' | 'resend') =>
        renderAs('pickup-expired', language, { ...FACTS, afterExpiry });
      const forms = [after('return'), after('refund'), after('resend')];
      for (const part of ['text', 'short'] as const) expect(new Set(forms.map((r) => r[part])).size).toBe(3);
      for (const r of forms) expect(r.short).toContain('help@acme.example');
    },
  );

  it('words what follows an uncollected parcel in English', () => {
    const first = (afterExpiry: 'return' | 'refund' | 'resend') =>
      renderAs('pickup-expired', 'en', { ...FACTS, afterExpiry }).text.split('\n')[0];
    expect(first('return')).toContain('It is going back to the shop. If you have a question');
    expect(first('refund')).toContain('It is going back to the shop, and we will refund you.');
    expect(first('resend')).toContain('It is going back to the shop, and we will send it to you again.');
  });

  it('shows the pickup code as a QR image under the text of the ready and reminder emails only', async () => {
    for (const template of ['ready-for-pickup', 'pickup-reminder'] as const) {
      const r = await renderFull(template, 'pl');
      expect(r.inline).toEqual([expect.objectContaining({ cid: 'pickup-code@doorstep', contentType: 'image/png' })]);
      expect(r.html).toMatch(/<img[^>]+alt="Kod QR z kodem odbioru"[^>]+src="cid:pickup-code@doorstep"/);
      expect(r.html.indexOf('K7249183')).toBeLessThan(r.html.indexOf('cid:pickup-code@doorstep'));
    }
    for (const template of ['confirmation-pickup', 'pickup-expired', 'handover-pickup'] as const) {
      const r = await renderFull(template, 'pl');
      expect(r.inline).toBeUndefined();
      expect(r.html).not.toContain('cid:');
    }
  });

  it('thanks for collecting and offers the return window', () => {
    expect(renderAs('handover-pickup', 'en').text.split('\n')[0]).toBe(
      'Thank you for collecting your order A-10023456. Please check the parcel now: if anything is damaged or missing, tell us. ' +
        'You can return it within 14 days. Contact: help@acme.example, +48221234567.',
    );
  });
});

/** Every notice in every language: complete, in the customer's locale and zone, and short enough as an SMS. */
import { describe, expect, it } from 'vitest';
import { CATALOGS } from '../../activities/templates/catalog';
import { render, type NoticeFacts, type RenderInput } from '../../activities/templates/render';
import { TOUCHPOINTS, type TemplateId } from '../../workflows/touchpoints';
import { order, shop } from '../helpers/fixtures';

const TEMPLATES = [...new Set(Object.values(TOUCHPOINTS).map((t) => t.template)), 'courier-call-request'] as TemplateId[];
const FACTS: NoticeFacts = {
  promisedDate: '2026-12-03',
  newDate: '2026-12-05',
  days: 2,
  reason: 'storm',
  window: { from: '2026-12-03T10:00:00Z', to: '2026-12-03T12:00:00Z' },
  pin: '4821',
  returnDays: 14,
  amount: '49.90 PLN',
  options: [
    { from: '2026-12-03T10:00:00Z', to: '2026-12-03T12:00:00Z' },
    { from: '2026-12-03T12:00:00Z', to: '2026-12-03T14:00:00Z' },
    { from: '2026-12-03T14:00:00Z', to: '2026-12-03T16:00:00Z' },
  ],
};
// Links as long as real ones: a production host and signed tokens.
const BASE = 'https://doorstep.shop.example';
const LINK = `${BASE}/t/WyJ0IiwiYWNtZS1zdG9yZSIsIkEtMTAwMjM0NTYiXQ.q0nN1KkG4kLkYv8w3Xl2bA`;

function renderAs(template: TemplateId, locale: string, facts: NoticeFacts = FACTS, overrides: Partial<RenderInput> = {}) {
  const o = order({ orderId: 'A-10023456' });
  return render({
    template,
    shop: shop({ name: 'Acme Store' }),
    order: { ...o, customer: { ...o.customer, locale, timezone: 'Europe/Warsaw' } },
    facts,
    trackingUrl: LINK,
    ratingUrl: `${BASE}/r/WyJyIiwiYWNtZS1zdG9yZSIsIkEtMTAwMjM0NTYiLCJ0cmFja2luZyIsMTc5ODAyNjM4OF0.q0nN1KkG4kLkYv8w3Xl2bA`,
    unsubscribeUrl: `${BASE}/u/token`,
    scale: template === 'closing' ? 10 : 5,
    ...overrides,
  });
}

/** SMS segments: 153 GSM-7 characters each, or 67 UCS-2 ones once any character falls outside GSM. */
function segments(text: string): number {
  const gsm = /^[A-Za-z0-9 @£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ!"#¤%&'()*+,\-./:;<=>?¡ÄÖÑÜ§¿äöñüà^{}\\[~\]|€]*$/.test(text);
  return Math.ceil(text.length / (gsm ? 153 : 67));
}

describe.each(Object.keys(CATALOGS))('notices in %s', (language) => {
  it.each(TEMPLATES)('%s renders completely, names the shop, and fits three SMS segments', (template) => {
    const r = renderAs(template, language);
    for (const part of [r.subject, r.text, r.short, r.spoken, r.html]) expect(part).not.toMatch(/[{}]|undefined|NaN/);
    expect(r.language).toBe(language);
    expect(r.subject).toContain('Acme Store');
    expect(r.short.startsWith('Acme Store:')).toBe(true);
    expect(r.text).toContain('help@acme.example, +48221234567');
    expect(r.text).toContain(`${BASE}/r/`);
    expect(r.spoken).not.toContain('http');
    expect(segments(r.short)).toBeLessThanOrEqual(3);
  });
});

describe('language', () => {
  it('formats dates, times and plurals the customer way, in their time zone', () => {
    expect(renderAs('confirmation', 'ru').text).toMatch(/Доставим его 3 декабря 2026\.(\s|$)/);
    expect(renderAs('confirmation', 'pl-PL').text).toContain('Dostarczymy je 3 grudnia 2026.');
    expect(renderAs('confirmation', 'en-GB').text).toContain('We will deliver it on 3 December 2026.');
    expect(renderAs('courier-call', 'pl').text).toContain('3 gru 2026 w godz. 11:00–13:00');
    const days = (language: string, n: number) => renderAs('delay', language, { ...FACTS, days: n }).subject;
    expect([1, 2, 5].map((n) => days('ru', n))).toEqual([1, 2, 5].map((n) => `Acme Store: заказ A-10023456 задержится на ${n} ${['день', 'дня', 'дней'][[1, 2, 5].indexOf(n)]}`));
    expect([1, 2, 5].map((n) => days('pl', n).split(' o ')[1])).toEqual(['1 dzień', '2 dni', '5 dni']);
    expect([1, 2].map((n) => days('en', n))).toEqual(['Acme Store: order A-10023456 will be 1 day late', 'Acme Store: order A-10023456 will be 2 days late']);
  });

  it("says the guard's own delay reason in the customer's language", () => {
    const guard = { ...FACTS, reason: undefined, reasonCode: 'not-in-city' as const };
    expect(renderAs('delay', 'ru', guard).text).toContain('потому что посылка ещё не прибыла в ваш город');
    expect(renderAs('delay', 'pl', guard).text).toContain('ponieważ przesyłka nie dotarła jeszcze do Twojego miasta');
  });

  it("falls back to the shop's language, then English", () => {
    expect(renderAs('tracking', 'de-DE', FACTS, { shop: shop({ name: 'Acme Store', defaultLocale: 'pl' }) }).language).toBe('pl');
    expect(renderAs('tracking', 'de-DE').language).toBe('en');
  });

  it('leaves out what a notice does not have', () => {
    const plainFacts = { ...FACTS, reason: undefined, amount: undefined };
    expect(renderAs('cancellation', 'en', plainFacts).text.split('\n')[0]).toBe('Your order A-10023456 has been cancelled.');
    expect(renderAs('return-refund', 'ru', plainFacts).text.split('\n')[0]).toBe('Мы вернули деньги за заказ A-10023456. Они могут появиться на счёте через несколько дней.');
    expect(renderAs('handover', 'en', { ...FACTS, returnDays: 0 }).text.split('\n')[0]).not.toContain('return it within');
  });
});

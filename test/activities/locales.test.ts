/**
 * Every locale is complete against English: the same templates and common lines, the same placeholders and
 * `<track>` tags in each message, plural forms the language has, page words with the same slots, a voice;
 * and the registry is the one list every part of Doorstep reads its languages from.
 */
import {
  isPluralElement,
  isSelectElement,
  isTagElement,
  parse,
  TYPE,
  type MessageFormatElement,
} from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../activities/templates/catalog-shape';
import { CATALOGS, languageOf } from '../../activities/templates/catalog';
import { customerDates } from '../../activities/templates/dates';
import { LANGUAGES, LOCALES, type PageStrings } from '../../activities/templates/locales/index';
import { PAGE_LANGUAGES } from '../../api/pages/strings';
import { JOURNEY_LOCALES } from '../../simulator/index';

/**
 * Placeholders a language may leave out: Polish greets without a name (its vocative cannot be derived), and
 * Slavic subjects and SMS say "your city" where the city's name would have to be inflected.
 */
const OPTIONAL = new Set(['hasName', 'givenName', 'city']);

/** Every message of a catalog by a dotted key ("common.support", "reasons.weather", "delay.sms", "closing.answer.text"). */
function messagesOf(catalog: Catalog): Map<string, string> {
  const messages = new Map(Object.entries(catalog.common).map(([key, text]) => [`common.${key}`, text]));
  for (const [code, text] of Object.entries(catalog.reasons)) messages.set(`reasons.${code}`, text);
  for (const [id, template] of Object.entries(catalog.templates)) {
    const { answer, ...parts } = template;
    for (const [part, text] of Object.entries(parts)) messages.set(`${id}.${part}`, text);
    if (answer) for (const [part, text] of Object.entries(answer)) messages.set(`${id}.answer.${part}`, text);
  }
  return messages;
}

/** The argument names and `<tags>` of a parsed message, and each plural's categories (besides `=n`). */
function shapeOf(elements: MessageFormatElement[], shape = { names: new Set<string>(), plurals: [] as string[][] }) {
  for (const el of elements) {
    if (el.type === TYPE.literal || el.type === TYPE.pound) continue;
    shape.names.add(isTagElement(el) ? `<${el.value}>` : el.value);
    if (isTagElement(el)) shapeOf(el.children, shape);
    if (isPluralElement(el)) shape.plurals.push(Object.keys(el.options).filter((key) => !key.startsWith('=')));
    if (isSelectElement(el) || isPluralElement(el))
      for (const option of Object.values(el.options)) shapeOf(option.value, shape);
  }
  return shape;
}

/** What `catalog` (in `language`) lacks or has wrong against English; empty when it is complete. */
function problemsOf(language: string, catalog: Catalog): string[] {
  const english = messagesOf(CATALOGS.en);
  const own = messagesOf(catalog);
  // A message may name more than its English one (an order id in a subject), but only what the renderer supplies.
  const known = new Set([...english.values()].flatMap((text) => [...shapeOf(parse(text)).names]));
  const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories.slice().sort();
  const problems = [...own.keys()].filter((key) => !english.has(key)).map((key) => `${key}: not in English`);
  for (const [key, text] of english) {
    const message = own.get(key);
    if (message === undefined) {
      problems.push(`${key}: missing`);
      continue;
    }
    const expected = shapeOf(parse(text)).names;
    const { names, plurals } = shapeOf(parse(message));
    for (const name of expected) if (!names.has(name) && !OPTIONAL.has(name)) problems.push(`${key}: lacks ${name}`);
    for (const name of names) if (!known.has(name)) problems.push(`${key}: has ${name}, which no English message has`);
    for (const forms of plurals)
      if (forms.sort().join() !== categories.join()) problems.push(`${key}: plural ${forms.join()}, not ${categories}`);
  }
  return problems;
}

const slotsOf = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const OTHERS = LANGUAGES.filter((language) => language !== 'en');

describe('every locale against English', () => {
  it.each(OTHERS)('%s has every template and common line, with the same placeholders and plurals', (language) => {
    expect(problemsOf(language, LOCALES[language].catalog)).toEqual([]);
  });

  it('finds a missing line, a missing placeholder, an unknown one and a missing plural form', () => {
    const { catalog } = LOCALES.uk;
    const broken: Catalog = {
      common: { ...catalog.common, thanks: undefined as unknown as string },
      reasons: { ...catalog.reasons, customs: undefined as unknown as string },
      templates: {
        ...catalog.templates,
        delay: { ...catalog.templates.delay, sms: '{shop}: замовлення {orderId} затримується ({reason}).' },
        tracking: { ...catalog.templates.tracking, subject: '{shop}: {orderId} {ordreId}' },
        handover: { ...catalog.templates.handover, voice: 'Доставлено.' },
        arrival: { ...catalog.templates.arrival, text: '{days, plural, one {# день} other {# днів}} {orderId} {city}' },
      },
    };
    expect(problemsOf('uk', broken)).toEqual([
      'handover.voice: not in English',
      'common.thanks: missing',
      'reasons.customs: missing',
      'tracking.subject: has ordreId, which no English message has',
      'delay.sms: lacks days',
      'delay.sms: lacks newDate',
      'arrival.text: plural one,other, not few,many,one,other',
    ]);
  });

  it.each(OTHERS)('%s has every page string with the same slots', (language) => {
    const pages: PageStrings = LOCALES[language].pages;
    expect(Object.keys(pages).sort()).toEqual(Object.keys(LOCALES.en.pages).sort());
    expect(Object.keys(pages.stages).sort()).toEqual(Object.keys(LOCALES.en.pages.stages).sort());
    expect(Object.keys(pages.pointKind).sort()).toEqual(Object.keys(LOCALES.en.pages.pointKind).sort());
    for (const [key, text] of Object.entries(LOCALES.en.pages))
      if (typeof text === 'string')
        expect([key, slotsOf(pages[key as keyof PageStrings] as string)]).toEqual([key, slotsOf(text)]);
  });

  it('speaks formally: Ukrainian "ви", German "Sie"', () => {
    const words = (language: 'uk' | 'de') => JSON.stringify([LOCALES[language].catalog, LOCALES[language].pages]);
    expect(words('uk')).not.toMatch(/(^|[^\p{L}’])(ти|тебе|тобі|твій|твоя|твоє|твої|твого)(?![\p{L}’])/iu);
    expect(words('de')).not.toMatch(/\b(du|dich|dir|dein|deine|deinen|deinem|deiner)\b/i);
    expect(words('de')).toContain('Ihre Bestellung');
    expect(words('uk')).toContain('ваше замовлення');
  });

  it.each(LANGUAGES)('%s has a voice speaking the language', (language) => {
    expect(LOCALES[language].say.language).toMatch(new RegExp(`^${language}-[A-Z]{2}$`));
  });
});

describe('the registry', () => {
  it('is the one list of languages: catalogs, pages and journeys', () => {
    expect(LANGUAGES).toEqual(['en', 'ru', 'pl', 'uk', 'de']);
    expect(Object.keys(CATALOGS)).toEqual(LANGUAGES);
    expect(PAGE_LANGUAGES).toEqual(LANGUAGES);
    expect(JOURNEY_LOCALES).toEqual(LANGUAGES);
    for (const language of LANGUAGES) expect(LOCALES[language].language).toBe(language);
  });

  it('picks Ukrainian and German from the customer locale', () => {
    expect(['uk-UA', 'uk', 'de-DE', 'de-AT', 'fr-FR'].map((locale) => languageOf(locale))).toEqual([
      'uk',
      'uk',
      'de',
      'de',
      'en',
    ]);
  });
});

describe('dates in the new locales', () => {
  it.each([
    // Ukrainian full dates end in "р." (року), which the renderer drops as the Russian "г.": the texts end the sentence.
    { locale: 'uk-UA', day: '3 грудня 2026', shortDay: '3 груд. 2026 р.', dayMonth: '3 груд.', time: '11:00' },
    { locale: 'de-DE', day: '3. Dezember 2026', shortDay: '3. Dez. 2026', dayMonth: '3. Dez.', time: '11:00' },
  ])('$locale', ({ locale, ...expected }) => {
    const dates = customerDates('Europe/Warsaw', locale);
    const at = '2026-12-03T10:00:00Z';
    expect({
      day: dates.day(at),
      shortDay: dates.shortDay(at),
      dayMonth: dates.dayMonth(at),
      time: dates.time(at),
    }).toEqual(expected);
  });
});

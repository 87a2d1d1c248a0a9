/**
 * The message catalogs: ICU MessageFormat strings (plurals, selects) per language, one entry per
 * template with an email subject and text, a short SMS/WhatsApp body and, where it differs, what a
 * voice call says. Dates and times arrive formatted for the customer's locale and time zone.
 *
 * In the email text, `<track>words</track>` marks the words that lead to the tracking page: the
 * text part prints them followed by the link, the HTML part makes them a short anchor.
 * `<map>words</map>` does the same for the pickup point's map link; a call leaves both out, and an SMS
 * drops the map first when it must be shortened.
 * Greetings use `{givenName}` under `{hasName, select, yes {…} other {…}}`, never the full name.
 */
import type { Catalog } from './catalog-shape';
import { LANGUAGES, LOCALES } from './locales/index';

/** Each locale's catalog by language (the locales' registry is locales/index.ts). */
export const CATALOGS: Record<string, Catalog> = Object.fromEntries(
  LANGUAGES.map((language) => [language, LOCALES[language].catalog]),
);

/** The catalog language for a customer locale ("pl-PL" → "pl"), else the shop's, else English. */
export function languageOf(locale: string, shopLocale = 'en'): string {
  for (const candidate of [locale, shopLocale]) {
    const language = candidate.toLowerCase().split(/[-_]/)[0];
    if (language in CATALOGS) return language;
  }
  return 'en';
}

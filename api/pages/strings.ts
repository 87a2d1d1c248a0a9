/** The words of the customer pages in each language, from the locale files, with `{name}` slots. */
import { LANGUAGES, LOCALES, type LanguageCode, type PageStrings } from '../../activities/templates/locales/index';

export type { PageStrings };

/** The pages' words in `language` (English when there are none). */
export function pageStrings(language: string): PageStrings {
  return language in LOCALES ? LOCALES[language as LanguageCode].pages : LOCALES.en.pages;
}

/** The page languages, for content negotiation. */
export const PAGE_LANGUAGES: string[] = LANGUAGES;

/** A string with its `{name}` slots filled. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (slot, name: string) => (name in values ? String(values[name]) : slot));
}

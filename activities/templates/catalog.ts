/**
 * The message catalogs: ICU MessageFormat strings (plurals, selects) per language, one entry per
 * template with an email subject and text, a short SMS/WhatsApp body and, where it differs, what a
 * voice call says. Dates and times arrive formatted for the customer's locale and time zone.
 *
 * In the email text, `<track>words</track>` marks the words that lead to the tracking page: the
 * text part prints them followed by the link, the HTML part makes them a short anchor.
 * Greetings use `{givenName}` under `{hasName, select, yes {…} other {…}}`, never the full name.
 */
import type { TemplateId } from '../../workflows/touchpoints';
import { en } from './en';
import { pl } from './pl';
import { ru } from './ru';

export interface TemplateMessages {
  subject: string;
  text: string;
  sms: string;
  /** What a voice call says; the SMS body without its links when absent. */
  voice?: string;
  /**
   * For a notice that is itself the satisfaction question (the closing): how the customer answers
   * it, in place of the rating prompt. `text` is the text part's line ({min}, {max}, {url}), `email`
   * the heading above the one-click answer buttons.
   */
  answer?: { text: string; email: string };
}

export interface Catalog {
  common: {
    /** Rating line of the text part: {min}, {max}, {url}. */
    rateText: string;
    /** Heading above the one-click rating buttons of the HTML part. */
    rateEmail: string;
    /** The SMS rating hint: the customer answers with a digit. */
    rateSms: string;
    support: string;
    unsubscribe: string;
    unsubscribeLink: string;
    trackLink: string;
    promiseDate: string;
    promiseWindow: string;
    window: string;
    /** One written choice of the courier-window question, answered by digit: {n}, {from}, {to}. */
    option: string;
    /** The same choice as a voice call reads it, answered by a key: {n}, {from}, {to}. */
    spokenOption: string;
    /** The delay reason Doorstep gives when its own promise guard fires. */
    notInCity: string;
    /** Answer to an SMS reply that was recorded. */
    thanks: string;
  };
  templates: Record<TemplateId, TemplateMessages>;
}

export const CATALOGS: Record<string, Catalog> = { en, ru, pl };

/** The catalog language for a customer locale ("pl-PL" → "pl"), else the shop's, else English. */
export function languageOf(locale: string, shopLocale = 'en'): string {
  for (const candidate of [locale, shopLocale]) {
    const language = candidate.toLowerCase().split(/[-_]/)[0];
    if (language in CATALOGS) return language;
  }
  return 'en';
}

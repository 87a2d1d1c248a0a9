/**
 * The message catalogs: ICU MessageFormat strings (plurals, selects) per language, one entry per
 * template with an email subject and text, a short SMS/WhatsApp body and, where it differs, what a
 * voice call says. Dates and times arrive formatted for the customer's locale and time zone.
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
}

export interface Catalog {
  common: {
    /** Rating line of the text part and of WhatsApp: {min}, {max}, {url}. */
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
    /** One choice of the courier-window question: {n}, {from}, {to}. */
    option: string;
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

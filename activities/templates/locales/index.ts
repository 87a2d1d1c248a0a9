/**
 * The locales Doorstep speaks, in the order staff see them. Adding a language is one file in this
 * folder and its line here: catalogs, page words, the call's voice and the simulator follow.
 */
import { de } from './de';
import { en } from './en';
import type { Locale } from './locale';
import { pl } from './pl';
import { ru } from './ru';
import { uk } from './uk';

export const LOCALES = { en, ru, pl, uk, de } satisfies Record<string, Locale>;

/** A language Doorstep has a locale for ("en", "uk", …). */
export type LanguageCode = keyof typeof LOCALES;

/** Every locale's language, English first. */
export const LANGUAGES = Object.keys(LOCALES) as LanguageCode[];

export type { JourneyPhrases, Locale, PageStrings, Persona, SayVoice } from './locale';

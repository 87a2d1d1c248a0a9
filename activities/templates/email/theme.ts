/**
 * The email's colours: the shop's brand where it has one, Doorstep's own otherwise, and the dark
 * scheme. Every text colour is set together with the background it is read on, so a client that
 * inverts colours inverts both and the pair stays readable.
 */
import type { Brand } from '../../../common/config';

/** Doorstep's blue: 4.6:1 against white (WCAG AA for text), so links and white button text on it pass. */
export const DEFAULT_PRIMARY = '#1f6feb';
/** Doorstep's accent for the header rule and the rating borders: 5.4:1 against white (3:1 is needed). */
export const DEFAULT_ACCENT = '#6e56cf';

export const LIGHT = { page: '#ffffff', text: '#1b1b1b', muted: '#595959' } as const;
export const DARK = { page: '#161616', text: '#ededed', muted: '#c4c4c4' } as const;

export interface Colours {
  primary: string;
  accent: string;
}

/** The brand's colours, Doorstep's where the shop set none (the config checked both against white). */
export function coloursOf(brand: Brand | undefined): Colours {
  return {
    primary: (brand?.primaryColor ?? DEFAULT_PRIMARY).toLowerCase(),
    accent: (brand?.accentColor ?? DEFAULT_ACCENT).toLowerCase(),
  };
}

/**
 * The dark scheme, for clients that honour prefers-color-scheme: the page and its text turn dark
 * and light together; the header, buttons and rating chips keep their light pairs, which pass on
 * either page. Links inside the text stay underlined, so they need no colour of their own.
 */
export const DARK_CSS = `
:root { color-scheme: light dark; supported-color-schemes: light dark; }
@media (prefers-color-scheme: dark) {
  body, .ds-page, .ds-page > div { background-color: ${DARK.page} !important; }
  .ds-text, .ds-text > div { background-color: ${DARK.page} !important; color: ${DARK.text} !important; }
  .ds-text a.ds-inline { color: ${DARK.text} !important; }
  .ds-muted, .ds-muted > div, .ds-muted a { background-color: ${DARK.page} !important; color: ${DARK.muted} !important; }
}`;

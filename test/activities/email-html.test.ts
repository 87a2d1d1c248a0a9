/**
 * The email's HTML layout (MJML, compiled once per shape): the shop's brand or Doorstep's defaults,
 * the lang and dir, dark-mode support, every word and link escaped, even ones that look like markup
 * or like the layout's own placeholders, and the primary button's words in each language.
 */
import { describe, expect, it } from 'vitest';
import { emailHtml, type EmailHtmlInput } from '../../activities/templates/html';
import { LANGUAGES, LOCALES, type LanguageCode } from '../../activities/templates/locales/index';
import { render } from '../../activities/templates/render';
import { layoutOf } from '../../activities/templates/email/layout';
import { DEFAULT_ACCENT, DEFAULT_PRIMARY } from '../../activities/templates/email/theme';
import { longestInput, type Script } from './longest-notice';

const INPUT: EmailHtmlInput = {
  language: 'en',
  title: 'Acme: order A-1 is on its way',
  shop: 'Acme',
  body: ['Your order A-1 has been handed to DPD. ', { track: 'Follow it here' }],
  trackingUrl: 'https://track.acme.com/t/abc',
  action: { url: 'https://track.acme.com/t/abc', label: 'Track your parcel' },
  rating: { heading: 'How did we do?', url: 'https://track.acme.com/r/xyz', range: { min: 1, max: 5 } },
  support: 'Questions? help@acme.com',
  unsubscribe: { url: 'https://track.acme.com/u/def', label: 'Unsubscribe' },
};

describe('the email layout', () => {
  it("wears the shop's brand: its logo (alt text its name), its primary colour on buttons and links, its accent on rules and chips", async () => {
    const html = await emailHtml({
      ...INPUT,
      brand: { logoUrl: 'https://cdn.acme.com/logo.png', primaryColor: '#0B6E4F', accentColor: '#8a4b08' },
    });
    expect(html).toMatch(/<img src="https:\/\/cdn\.acme\.com\/logo\.png" alt="Acme"/);
    expect(html).toContain('background:#0b6e4f');
    expect(html).toMatch(/href="https:\/\/track\.acme\.com\/t\/abc" style="color:#0b6e4f/);
    expect(html).toContain('border-top:solid 3px #8a4b08');
    expect(html).toContain('border:2px solid #8a4b08');
    expect(html).not.toContain(DEFAULT_PRIMARY);
    expect(html).not.toContain(DEFAULT_ACCENT);
  });

  it("wears Doorstep's colours and the shop's name without a brand; lang, dir and the colour schemes are declared", async () => {
    const html = await emailHtml(INPUT);
    expect(html).not.toContain('<img');
    expect(html).toMatch(/>\s*Acme\s*</);
    expect(html).toContain(`background:${DEFAULT_PRIMARY}`);
    expect(html).toContain(`border:2px solid ${DEFAULT_ACCENT}`);
    expect(html).toMatch(/<html lang="en" dir="ltr"/);
    expect(html).toContain('<meta name="color-scheme" content="light dark">');
    expect(html).toContain('@media (prefers-color-scheme: dark)');
    expect(html).toContain('<title>Acme: order A-1 is on its way</title>');
    expect(await emailHtml({ ...INPUT, language: 'ar' })).toMatch(/<html lang="ar" dir="rtl"/);
  });

  it('has one primary button, and none for the closing, whose action is its answer row', async () => {
    const buttons = (html: string) => html.match(/<a[^>]+href="[^"]*"[^>]*target="_blank"/g) ?? [];
    expect(buttons(await emailHtml(INPUT))).toHaveLength(1);
    const closing = await emailHtml({
      ...INPUT,
      action: undefined,
      rating: { ...INPUT.rating!, range: { min: 0, max: 10 } },
    });
    expect(buttons(closing)).toHaveLength(0);
    for (let s = 0; s <= 10; s++) expect(closing).toContain(`href="https://track.acme.com/r/xyz?s=${s}"`);
  });

  it('escapes a hostile shop name and logo address, and leaves words that look like placeholders alone', async () => {
    const html = await emailHtml({
      ...INPUT,
      shop: '"><script>alert(1)</script> %%body%%',
      brand: { logoUrl: 'https://cdn.acme.com/x.png" onerror="alert(1)' },
      body: ['<b>bold</b> %%actionUrl%% ', { track: '"><i>x</i>' }],
    });
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('" onerror=');
    expect(html).not.toContain('<b>bold');
    expect(html).toContain('alt="&#34;&#62;&#60;script&#62;alert(1)&#60;/script&#62; %%body%%"');
    expect(html).toContain('src="https://cdn.acme.com/x.png&#34; onerror=&#34;alert(1)"');
    expect(html).toContain('&#60;b&#62;bold&#60;/b&#62; %%actionUrl%% ');
    expect(html).toContain('>&#34;&#62;&#60;i&#62;x&#60;/i&#62;</a>');
  });

  it('compiles a layout once per shape: a second email of the same shape reuses it', async () => {
    const shape = {
      language: 'pl',
      dir: 'ltr' as const,
      colours: { primary: '#1f6feb', accent: '#6e56cf' },
      logo: false,
      action: true,
      qr: false,
      unsubscribe: false,
    };
    expect(layoutOf(shape)).toBe(layoutOf({ ...shape }));
    expect(layoutOf(shape)).not.toBe(layoutOf({ ...shape, unsubscribe: true }));
    expect(await layoutOf(shape)).toContain('%%body%%');
  });

  it.each(LANGUAGES)(
    'in %s, the courier-window question’s button says to choose a window, every other notice’s to track',
    async (language) => {
      const { common } = LOCALES[language as LanguageCode].catalog;
      // The primary button is the one link that opens in a new tab with a filled background.
      const buttonOf = async (template: 'courier-call-request' | 'delay') => {
        const { html } = await render(longestInput(template, language, language as Script));
        const buttons = [...html.matchAll(/<a\s[^>]*target="_blank"[^>]*>\s*([^<]*?)\s*<\/a>/g)].map((m) => m[1]);
        expect(buttons).toHaveLength(1);
        return buttons[0];
      };
      expect(common.chooseWindow).not.toBe(common.trackLink);
      expect(await buttonOf('courier-call-request')).toBe(common.chooseWindow);
      expect(await buttonOf('delay')).toBe(common.trackLink);
    },
  );
});

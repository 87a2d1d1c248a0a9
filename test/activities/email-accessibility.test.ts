/**
 * WCAG 2.1 A and AA, checked by axe-core in Debian's Chromium on the HTML email, in the light scheme
 * and in the dark one (prefers-color-scheme: dark): every template in every language with
 * Doorstep's colours, and each kind of layout (a notice with a button, the courier-window question,
 * the closing's answer row) with a shop's brand.
 */
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGS } from '../../activities/templates/catalog';
import { render } from '../../activities/templates/render';
import { DARK } from '../../activities/templates/email/theme';
import { ARTIFACTS, launchBrowser } from '../helpers/browser';
import { BRAND, serveLogo } from './email-brand';
import { TEMPLATES, longestInput } from './longest-notice';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const SCHEMES = ['light', 'dark'] as const;

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  // axe opens pages of its own in the page's context: the page needs a context of its own.
  page = await (await browser.newContext({ viewport: { width: 320, height: 640 } })).newPage();
  await serveLogo(page);
});
afterAll(() => browser?.close());

/** Every WCAG A/AA violation of `html` in `scheme`, one readable block per rule (empty when there is none). */
async function violations(html: string, scheme: (typeof SCHEMES)[number]): Promise<string> {
  await page.emulateMedia({ colorScheme: scheme });
  await page.setContent(html, { waitUntil: 'load' });
  const { violations: found } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return found
    .map((v) =>
      [
        `${v.id} [${v.impact}] ${v.help}`,
        ...v.nodes.map((n) => `    at ${n.target.join(' ')}: ${n.failureSummary?.replaceAll('\n', ' ')}`),
      ].join('\n'),
    )
    .join('\n\n');
}

const CASES = Object.keys(CATALOGS).flatMap((locale) => TEMPLATES.map((template) => ({ locale, template })));

describe('the HTML email meets WCAG 2.1 AA', () => {
  it.each(CASES)('$template in $locale, light and dark', async ({ locale, template }) => {
    const { html } = await render(longestInput(template, locale, 'en'));
    for (const scheme of SCHEMES) expect(await violations(html, scheme), `${scheme} scheme`).toBe('');
  });

  it.each(['delay', 'courier-call-request', 'closing'] as const)(
    '%s with a brand, light and dark',
    async (template) => {
      const { html } = await render({ ...longestInput(template, 'de', 'de'), brand: BRAND });
      for (const scheme of SCHEMES) expect(await violations(html, scheme), `${scheme} scheme`).toBe('');
    },
  );

  it('turns dark in the dark scheme: the page and its text change together', async () => {
    const { html } = await render(longestInput('delay', 'en', 'en'));
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.setContent(html);
    const colours = await page.evaluate(() => {
      const text = document.querySelector('.ds-text > div')!;
      return {
        page: getComputedStyle(document.body).backgroundColor,
        // The wrapper MJML gives the body carries the light background too.
        wrapper: getComputedStyle(document.body.firstElementChild!).backgroundColor,
        text: getComputedStyle(text).color,
        behindText: getComputedStyle(text.parentElement!).backgroundColor,
      };
    });
    await page.screenshot({ path: join(ARTIFACTS, 'email-dark-delay-en.png'), fullPage: true });
    const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
    expect(colours).toEqual({
      page: rgb(DARK.page),
      wrapper: rgb(DARK.page),
      text: rgb(DARK.text),
      behindText: rgb(DARK.page),
    });
  });
});

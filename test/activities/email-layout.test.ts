/**
 * The HTML email on a phone, in real Chromium at 320 px: nothing scrolls sideways with the longest
 * inputs, in every template and language, with Doorstep's look and with a shop's brand (a wide logo
 * behind a long address); links are buttons or short anchors, never a printed address (the text part
 * keeps them), and the score buttons are large enough to tap.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGS } from '../../activities/templates/catalog';
import { render } from '../../activities/templates/render';
import { ARTIFACTS, launchBrowser } from '../helpers/browser';
import {
  BASE,
  TEMPLATES,
  longestInput,
  renderLongest,
  trackingUrlOf,
  LONGEST_ORDER_ID,
  SCRIPTS,
  type Script,
} from './longest-notice';
import { BRAND, LOGO_SVG, serveLogo } from './email-brand';

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 320, height: 640 } });
  await serveLogo(page);
});
afterAll(() => browser?.close());

// Every language in the registry; one whose words the tests have no sample of is filled with English ones.
const scriptOf = (locale: string) => (locale in SCRIPTS ? locale : 'en') as Script;
const CASES = Object.keys(CATALOGS).flatMap((locale) => TEMPLATES.map((template) => ({ locale, template })));

/** The laid-out page: its widths, visible text, links and the rating buttons' sizes. */
async function layoutOf(html: string) {
  await page.setContent(html, { waitUntil: 'load' });
  return page.evaluate(() => ({
    width: document.documentElement.scrollWidth,
    bodyWidth: document.body.scrollWidth,
    text: document.body.innerText,
    anchors: Array.from(document.querySelectorAll('a'), (a) => ({ href: a.href, label: a.innerText.trim() })),
    scores: Array.from(document.querySelectorAll('a[href*="?s="]'), (a) => a.getBoundingClientRect()).map((r) => ({
      width: r.width,
      height: r.height,
    })),
    logo: Array.from(document.images, (img) => ({ width: img.width, height: img.height, alt: img.alt })),
  }));
}

describe('the HTML email at 320 px', () => {
  it.each(CASES)(
    '$template in $locale: no sideways scroll, links as buttons or short anchors',
    async ({ locale, template }) => {
      const r = await renderLongest(template, locale, scriptOf(locale));
      const layout = await layoutOf(r.html);
      expect(layout.width).toBeLessThanOrEqual(320);
      expect(layout.bodyWidth).toBeLessThanOrEqual(320);
      // Doorstep's own links (tracking, rating, unsubscribe) are never printed as text.
      expect(layout.text).not.toContain(BASE);
      for (const a of layout.anchors) {
        expect(a.label).not.toMatch(/^https?:/);
        expect(a.label.length).toBeLessThanOrEqual(48);
      }
      // One primary action: tracking (or choosing a window on the tracking page); the closing's is its answer row.
      if (template === 'closing') expect(layout.scores).toHaveLength(11);
      else expect(layout.anchors.map((a) => a.href)).toContain(trackingUrlOf(LONGEST_ORDER_ID));
      // Touch targets: every score button is at least 44 × 44 px.
      for (const score of layout.scores) expect(Math.min(score.width, score.height)).toBeGreaterThanOrEqual(44);
      if (template === 'delay' && locale === 'ru')
        await page.screenshot({ path: join(ARTIFACTS, 'email-320-delay-ru.png'), fullPage: true });
    },
  );

  it.each(['closing', 'courier-call-request', 'delay'] as const)(
    '%s with a brand: a wide logo behind a long address fits, and nothing scrolls sideways',
    async (template) => {
      const r = await render({ ...longestInput(template, 'pl', 'pl'), brand: BRAND });
      const layout = await layoutOf(r.html);
      expect(layout.width).toBeLessThanOrEqual(320);
      expect(layout.bodyWidth).toBeLessThanOrEqual(320);
      // The logo loaded, scaled down into the column, its alt text the shop's name.
      expect(layout.logo).toHaveLength(1);
      expect(layout.logo[0].width).toBeGreaterThan(0);
      expect(layout.logo[0].width).toBeLessThanOrEqual(288);
      expect(layout.logo[0].alt).toMatch(/^Zażółć/);
      expect(r.html).toContain(LOGO_SVG.url.replaceAll('&', '&#38;'));
      if (template === 'closing')
        await page.screenshot({ path: join(ARTIFACTS, 'email-320-closing-brand.png'), fullPage: true });
    },
  );

  it('the text part keeps the full links', async () => {
    const r = await renderLongest('tracking', 'pl', 'pl');
    expect(r.text).toContain(`Śledź przesyłkę: ${trackingUrlOf(LONGEST_ORDER_ID)}`);
    expect(r.text).toContain(`${BASE}/r/`);
    expect(r.text).toContain(`${BASE}/u/`);
  });
});

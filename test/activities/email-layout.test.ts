/**
 * The HTML email on a phone, in real Chromium at 320 px: nothing scrolls sideways with the longest
 * inputs, and links are buttons or short anchors, never a printed address (the text part keeps them).
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGS } from '../../activities/templates/catalog';
import { ARTIFACTS, launchBrowser } from '../helpers/browser';
import { BASE, TEMPLATES, renderLongest, trackingUrlOf, LONGEST_ORDER_ID, type Script } from './longest-notice';

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 320, height: 640 } });
});
afterAll(() => browser?.close());

const CASES = Object.keys(CATALOGS).flatMap((locale) => TEMPLATES.map((template) => ({ locale, template })));

describe('the HTML email at 320 px', () => {
  it.each(CASES)(
    '$template in $locale: no sideways scroll, links as buttons or short anchors',
    async ({ locale, template }) => {
      const r = renderLongest(template, locale, locale as Script);
      await page.setContent(r.html);
      const layout = await page.evaluate(() => ({
        width: document.documentElement.scrollWidth,
        bodyWidth: document.body.scrollWidth,
        text: document.body.innerText,
        anchors: Array.from(document.querySelectorAll('a'), (a) => ({ href: a.href, label: a.innerText.trim() })),
      }));
      expect(layout.width).toBeLessThanOrEqual(320);
      expect(layout.bodyWidth).toBeLessThanOrEqual(320);
      // Doorstep's own links (tracking, rating, unsubscribe) are never printed as text.
      expect(layout.text).not.toContain(BASE);
      for (const a of layout.anchors) {
        expect(a.label).not.toMatch(/^https?:/);
        expect(a.label.length).toBeLessThanOrEqual(48);
      }
      expect(layout.anchors.map((a) => a.href)).toContain(trackingUrlOf(LONGEST_ORDER_ID));
      if (template === 'delay' && locale === 'ru')
        await page.screenshot({ path: join(ARTIFACTS, 'email-320-delay-ru.png'), fullPage: true });
    },
  );

  it('the text part keeps the full links', () => {
    const r = renderLongest('tracking', 'pl', 'pl');
    expect(r.text).toContain(`Śledź przesyłkę: ${trackingUrlOf(LONGEST_ORDER_ID)}`);
    expect(r.text).toContain(`${BASE}/r/`);
    expect(r.text).toContain(`${BASE}/u/`);
  });
});

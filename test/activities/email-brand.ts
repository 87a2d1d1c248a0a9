/** A shop's brand for the email tests: its colours and a wide logo, served to Chromium from a long https address. */
import type { Page } from 'playwright-core';
import type { Brand } from '../../common/config';

/** A wide logo (1200 × 80) behind an address as long as a CDN's signed ones. */
export const LOGO_SVG = {
  url: `https://cdn.example-shop.com/brand/${'a1b2c3d4'.repeat(40)}/logo.svg?v=3&size=large`,
  body: '<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="80"><rect width="1200" height="80" fill="#0b6e4f"/></svg>',
};

export const BRAND: Brand = { logoUrl: LOGO_SVG.url, primaryColor: '#0b6e4f', accentColor: '#8a4b08' };

/** Answers the page's request for the logo (the machine has no network). */
export async function serveLogo(page: Page): Promise<void> {
  await page.route('https://cdn.example-shop.com/**', (route) =>
    route.fulfill({ contentType: 'image/svg+xml', body: LOGO_SVG.body }),
  );
}

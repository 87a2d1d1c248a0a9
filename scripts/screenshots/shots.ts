/**
 * The pictures, taken in Chromium: the confirmation email in the light and the dark scheme at a phone's
 * width, the customer's tracking page, and the console's template editor for the confirmation email and SMS.
 */
import { join } from 'node:path';
import type { BrowserContextOptions, Locator, Page } from 'playwright-core';
import type { PlacedOrder } from './order';
import { EDITOR, LOGO_SVG, LOGO_URL } from './shop';
import type { Stack } from './stack';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
const REWORDED =
  '{hasName, select, yes {Hello {givenName},} other {Hello,}} thank you for your order {orderId}: {items}. ' +
  'Your tea is being packed with care and will arrive {promise}.';

/** A page in a fresh context that is served the shop's logo for its https URL (nothing leaves the machine). */
async function pageWith(stack: Stack, options: BrowserContextOptions): Promise<Page> {
  const context = await stack.browser.newContext(options);
  await context.route(LOGO_URL, (route) => route.fulfill({ contentType: 'image/svg+xml', body: LOGO_SVG }));
  return context.newPage();
}

/** Waits until the logo `img` has loaded and decoded; throws when it cannot (the picture would show it broken). */
async function logoShown(img: Locator): Promise<void> {
  await img.evaluate((el: HTMLImageElement) => el.decode());
}

/** Saves `page` whole as `name` in `outDir`, closes its context and returns the file. */
async function shoot(page: Page, outDir: string, name: string): Promise<string> {
  const path = join(outDir, name);
  await page.screenshot({ path, fullPage: true });
  await page.context().close();
  return path;
}

/** The confirmation email as the customer's mail app shows it on a phone, in each colour scheme. */
export async function emailShots(stack: Stack, order: PlacedOrder, outDir: string): Promise<string[]> {
  const files = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    const page = await pageWith(stack, { viewport: PHONE, colorScheme });
    await page.setContent(order.emailHtml, { waitUntil: 'load' });
    await logoShown(page.locator(`img[src="${LOGO_URL}"]`));
    files.push(await shoot(page, outDir, `email-${colorScheme}.png`));
  }
  return files;
}

/** The customer's tracking page on a phone. */
export async function trackingShot(stack: Stack, order: PlacedOrder, outDir: string): Promise<string> {
  const page = await pageWith(stack, { viewport: PHONE });
  await page.goto(order.trackingUrl, { waitUntil: 'load' });
  await logoShown(page.locator(`img[src="${LOGO_URL}"]`));
  return shoot(page, outDir, 'tracking-page.png');
}

/** The template editor, signed in as the shop's editor: the confirmation email with its preview, then its SMS. */
export async function editorShots(stack: Stack, outDir: string): Promise<string[]> {
  const email = `${stack.base}/console/templates/confirmation/en/email`;
  const page = await pageWith(stack, { viewport: DESKTOP });
  await page.goto(email);
  await page.getByLabel('Username').fill(EDITOR.username);
  await page.getByLabel('Password').fill(EDITOR.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(email);
  // The editor rewords the text; the live preview redraws the email (with the logo) before it is saved.
  await page.getByLabel('Text (ICU message)').fill(REWORDED);
  const preview = page.frameLocator('#pv-email');
  await preview.getByText('being packed with care').waitFor();
  await logoShown(preview.locator('img').first());
  const emailEditor = join(outDir, 'template-editor.png');
  await page.screenshot({ path: emailEditor, fullPage: true });
  await page.goto(`${stack.base}/console/templates/confirmation/en/sms`);
  await page.locator('#pv-segments').filter({ hasText: /\d/ }).waitFor();
  return [emailEditor, await shoot(page, outDir, 'template-editor-sms.png')];
}

/** A staff member signed in to the console in a fresh Chromium context, on the page they asked for. */
import type { Page } from 'playwright-core';
import type { BrowserBed } from './browser';

/** Opens `path`, signs in on the page it leads to and answers once back on `path`. */
export async function signedIn(bed: BrowserBed, username: string, password: string, path: string): Promise<Page> {
  const page = await (await bed.browser.newContext()).newPage();
  await page.goto(`${bed.base}${path}`);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${bed.base}${path}`);
  return page;
}

/**
 * Debian's Chromium, headless, driven by playwright-core (never a downloaded browser), with a
 * fresh profile each launch. The flags keep it from reaching for Google's services, which this
 * machine's network refuses.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

/** Where tests leave screenshots for people to look at (ignored by git). */
export const ARTIFACTS = join(import.meta.dirname, '..', '..', '.artifacts');

export async function launchBrowser(): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

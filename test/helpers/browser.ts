/**
 * Debian's Chromium, headless, driven by playwright-core (never a downloaded browser), with a
 * fresh profile each launch. The flags keep it from reaching for Google's services, which this
 * machine's network refuses.
 */
import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { appFor } from '../../api/server';
import type { AppConfig } from '../../common/config';
import { devServer, type DevServer } from './temporal';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

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

/** A page test's world: the dev server with a worker factory, the app on a free loopback port, and Chromium. */
export interface BrowserBed {
  env: DevServer;
  base: string;
  browser: Browser;
  close(): Promise<void>;
}

export async function browserBed(config?: AppConfig): Promise<BrowserBed> {
  const env = await devServer(config);
  const app = appFor(env.config, env.client, env.store);
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const browser = await launchBrowser();
  return {
    env,
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    browser,
    async close() {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
      await env.close();
    },
  };
}

/** The file's browser bed, started before its tests (with the configuration `config` makes) and closed after them. */
export function useBrowserBed(config?: () => AppConfig): BrowserBed {
  const bed = {} as BrowserBed;
  beforeAll(async () => void Object.assign(bed, await browserBed(config?.())));
  afterAll(() => bed.close?.());
  return bed;
}

/** The WCAG 2.1 A/AA violations axe-core finds on the page, one line each (rule, help, where). */
export async function wcagViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return violations.map((v) => `${v.id} ${v.help}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

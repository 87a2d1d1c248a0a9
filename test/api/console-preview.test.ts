/**
 * "Preview the chain" for a parcel-locker order in Debian's Chromium: an agent picks the `locker` scenario in
 * Polish and reads the pickup chain (no courier call), the ready notice with the locker, its code and the map link
 * on each channel, and the collection; the form lists every locker scenario; axe finds nothing on the page.
 */
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { LOCKERS, SCENARIOS } from '../../simulator/index';
import { configWith, staffMember } from '../helpers/api';
import { ARTIFACTS, useBrowserBed, wcagViolations } from '../helpers/browser';
import { signedIn } from '../helpers/console-sign-in';
import { shopConfig } from '../helpers/fixtures';
import { PICKUP_LINE } from '../helpers/chain-fixtures';

const PASSWORD = 'agent password 1';
const bed = useBrowserBed(() =>
  configWith({
    shops: [shopConfig()],
    staff: [staffMember({ username: 'ola', name: 'Ola Agent', role: 'agent', password: PASSWORD })],
  }),
);

it('an agent previews a locker order in Polish: ready with the locker, its code and map, collected, no courier call', async () => {
  const page = await signedIn(bed, 'ola', PASSWORD, '/console/preview');
  const scenarios = await page
    .getByLabel('Scenario')
    .locator('option')
    .evaluateAll((all) => all.map((o) => (o as HTMLOptionElement).value));
  expect(scenarios).toEqual(
    expect.arrayContaining(['locker', 'locker-reminder', 'locker-expired', 'locker-extended', 'switch-to-locker']),
  );
  await page.getByLabel('Scenario').selectOption('locker');
  await page.getByLabel('Language').selectOption('pl');
  await page.getByRole('button', { name: 'Preview' }).click();

  expect(await page.locator('#preview-title').innerText()).toBe('locker (Polish)');
  expect(await page.locator('.preview').innerText()).toContain(SCENARIOS.locker.summary);
  const notices = page.locator('article.notice');
  expect(await notices.evaluateAll((all) => all.map((a) => a.getAttribute('data-touchpoint')))).toEqual(PICKUP_LINE);
  const { point, code } = LOCKERS.pl;
  expect(await page.locator('[data-touchpoint="confirmation"] .form.email').innerText()).toContain(point.name);
  const ready = page.locator('[data-touchpoint="ready-for-pickup"]');
  expect(await ready.locator('h3').innerText()).toMatch(/^śr\. \d+ \S+ 11:30 · ready-for-pickup · by Email$/);
  for (const channel of ['email', 'sms', 'voice']) {
    const text = await ready.locator(`.form.${channel} .notice-text`).innerText();
    expect(text, channel).toContain(point.name);
    // A call reads the code sign by sign.
    expect(text, channel).toContain(channel === 'voice' ? [...code].join(' ') : code);
  }
  expect(await ready.locator('.form.email').innerText()).toContain(point.mapUrl);
  expect(await page.locator('[data-touchpoint="handover"] h3').innerText()).toMatch(/ 09:40 · handover · by Email$/);
  expect(await wcagViolations(page)).toEqual([]);
  await page.screenshot({ path: join(ARTIFACTS, 'console-preview-locker.png'), fullPage: true });
  await page.close();
});

/**
 * The console's template editor in Debian's Chromium: an editor rewrites the delay SMS (the live preview
 * redraws its segments and encoding), saves two versions, reverts to the first and goes back to the
 * built-in; an invalid ICU text is refused on its field and changes nothing; the email preview is a
 * sandboxed frame with the new words; a viewer gets no form and a 403; axe finds nothing on the page.
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { smsSegments } from '../../activities/templates/sms-length';
import { hashPassword } from '../../common/passwords';
import { configWith } from '../helpers/api';
import { useBrowserBed, wcagViolations } from '../helpers/browser';
import { signedIn } from '../helpers/console-sign-in';
import { shopConfig } from '../helpers/fixtures';

const PASSWORDS = { eda: 'editor password 1', vic: 'viewer password 1' };
const bed = useBrowserBed(() =>
  configWith({
    shops: [shopConfig()],
    staff: [
      { username: 'eda', name: 'Eda Editor', role: 'editor', shop: 'acme', passwordHash: hashPassword(PASSWORDS.eda) },
      { username: 'vic', role: 'viewer', shop: 'acme', passwordHash: hashPassword(PASSWORDS.vic) },
    ],
  }),
);

const SMS = '/console/templates/delay/en/sms';
const EMAIL = '/console/templates/delay/en/email';
const history = (channel: string) =>
  bed.env.store.templates.history('acme', { template: 'delay', locale: 'en', channel });

const signIn = (username: keyof typeof PASSWORDS, path: string) => signedIn(bed, username, PASSWORDS[username], path);

/** Types `text` into the wording and waits for the live preview to redraw the SMS with `shows`. */
async function typeSms(page: Page, text: string, shows: string) {
  await page.getByLabel('Text (ICU message)').fill(text);
  await expect.poll(() => page.locator('#pv-body').innerText()).toContain(shows);
}

const segments = async (page: Page) =>
  `${await page.locator('#pv-segments').innerText()} ${await page.locator('#pv-encoding').innerText()}`;

it('an editor rewrites the SMS, sees its segments change, saves two versions, reverts to the first, then to the built-in', async () => {
  const page = await signIn('eda', '/console/templates?locale=en');
  await page.locator('tr[data-slot="delay/sms"]').getByRole('link', { name: 'delay' }).click();
  await page.waitForURL(`${bed.base}${SMS}`);
  expect(await page.locator('main').innerText()).toContain('In effect: built-in');

  const short = '{shop}: order {orderId} is late. New date: {newDate}.';
  await typeSms(page, short, 'is late. New date:');
  expect(await segments(page)).toBe('1 GSM-7');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.waitForURL(`${bed.base}${SMS}?saved=1`);

  const polish =
    '{shop}: zamówienie {orderId} się spóźni. Nowa data: {newDate}. Bardzo przepraszamy i dziękujemy za cierpliwość!';
  await typeSms(page, polish, 'się spóźni');
  // The count is the body's as carriers count it: more than one segment once a Polish letter makes it UCS-2.
  const body = await page.locator('#pv-body').innerText();
  expect(smsSegments(body)).toBeGreaterThan(1);
  expect(await segments(page)).toBe(`${smsSegments(body)} UCS-2`);
  await page.getByRole('button', { name: 'Save' }).click();
  await page.waitForURL(`${bed.base}${SMS}?saved=2`);
  expect(await page.locator('main').innerText()).toContain('In effect: shop v2');
  expect(await page.locator('tr[data-version="2"]').innerText()).toContain('Eda Editor');

  await page.getByRole('button', { name: 'Revert to v1' }).click();
  await page.waitForURL(`${bed.base}${SMS}?saved=3`);
  expect(await page.getByLabel('Text (ICU message)').inputValue()).toBe(short);
  expect(await segments(page)).toBe('1 GSM-7');

  await page.getByRole('button', { name: 'Back to the built-in wording' }).click();
  await expect.poll(() => page.locator('main').innerText()).toContain('In effect: built-in');
  const kept = await history('sms');
  expect(kept.map((v) => [v.version, v.deleted, v.author])).toEqual([
    [4, true, 'Eda Editor'],
    [3, false, 'Eda Editor'],
    [2, false, 'Eda Editor'],
    [1, false, 'Eda Editor'],
  ]);
  expect(kept[1].text).toBe(short);
});

it('an invalid ICU text shows the field and the message, and keeps nothing', async () => {
  const page = await signIn('eda', SMS);
  const before = (await history('sms')).length;
  await page.getByLabel('Text (ICU message)').fill('{shop}: order {orderId is late. New date: {newDate}.');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => page.locator('#errors li[data-path="text"]').innerText()).toContain('text: not a valid ICU');
  expect(await page.locator('#text-error').innerText()).toContain('not a valid ICU message');
  expect(await page.getByLabel('Text (ICU message)').getAttribute('aria-invalid')).toBe('true');
  expect(page.url()).toBe(`${bed.base}${SMS}`);
  expect(await history('sms')).toHaveLength(before);
});

it('the email preview is a sandboxed frame without scripts that shows the new subject and text', async () => {
  const page = await signIn('eda', EMAIL);
  const frame = page.locator('#pv-email');
  expect(await frame.getAttribute('sandbox')).toBe('');
  await page.getByLabel('Subject').fill('{shop}: a new date for order {orderId}');
  await page
    .getByLabel('Text (ICU message)')
    .fill('Order {orderId} now comes on {newDate}. <track>Where is it?</track>');
  await expect.poll(() => page.locator('#pv-subject').innerText()).toContain('a new date for order');
  const body = page.frameLocator('#pv-email').locator('body');
  await expect.poll(() => body.innerText()).toContain('now comes on');
  expect(await page.frameLocator('#pv-email').locator('script').count()).toBe(0);
  // Without the script, the Preview button posts the form and the page comes back with the same preview.
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect.poll(() => page.frameLocator('#pv-email').locator('body').innerText()).toContain('now comes on');
  expect(await history('email')).toHaveLength(0);

  expect(await wcagViolations(page)).toEqual([]);
});

it('a viewer reads the wording and history but gets no form, and a posted one is refused', async () => {
  const page = await signIn('vic', SMS);
  expect(await page.locator('form#editor').count()).toBe(0);
  expect(await page.locator('main').innerText()).toContain('Only editors can change the wording.');
  const csrf = await page.locator('input[name="_csrf"]').first().inputValue();
  const before = (await history('sms')).length;
  const res = await page.request.post(`${bed.base}${SMS}`, {
    form: { _csrf: csrf, intent: 'save', text: '{shop}: order {orderId} is late. New date: {newDate}.' },
  });
  expect(res.status()).toBe(403);
  const revert = await page.request.post(`${bed.base}${SMS}/revert`, { form: { _csrf: csrf, version: 'built-in' } });
  expect(revert.status()).toBe(403);
  expect(await history('sms')).toHaveLength(before);
});

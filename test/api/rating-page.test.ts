/**
 * The rating page in a real browser (Debian Chromium): a one-click link's score is recorded once a
 * person is there (a real mouse move, tap or click), never by opening the link, waiting, or events
 * a script fires (what mail scanners do); a comment can follow; the page speaks the notice's language.
 */
import { join } from 'node:path';
import type { WorkflowHandle } from '@temporalio/client';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { ARTIFACTS, useBrowserBed } from '../helpers/browser';
import { queryState, startChain, waitForState } from '../helpers/chains';
import { order, shop } from '../helpers/fixtures';

const bed = useBrowserBed();

/** A chain whose confirmation went out, and the rating link's path in that notice. */
async function confirmationLink(locale = 'en'): Promise<{ handle: WorkflowHandle; link: string }> {
  const handle = await startChain(bed.env, order({ customer: { ...order().customer, locale } }), shop({ id: 'demo' }));
  const state = await waitForState(handle, (s) => s.touchpoints[0].notices[0]?.status === 'sent');
  // The email's text part carries the link; its HTML buttons add ?s=<score> to it.
  return { handle, link: /http:\/\/localhost:8080(\/r\/\S+)/.exec(state.touchpoints[0].notices[0].text!)![1] };
}

/** Counts the page's rating POSTs. */
function feedbackPosts(page: Page): () => number {
  let posts = 0;
  page.on('request', (r) => {
    if (r.method() === 'POST' && new URL(r.url()).pathname === '/v1/feedback') posts++;
  });
  return () => posts;
}

it('opening a one-click link, waiting, and script-fired events record nothing; a real mouse move records the score once', async () => {
  await bed.env.withWorker(async () => {
    const { handle, link } = await confirmationLink();
    const page = await bed.browser.newPage();
    const posts = feedbackPosts(page);
    await page.goto(`${bed.base}${link}?s=4`, { waitUntil: 'networkidle' });
    expect(await page.getByRole('button', { name: '4' }).getAttribute('aria-pressed')).toBe('true');
    await page.waitForTimeout(1_500);
    // What a sandboxed link checker does: events and clicks from script, none of them trusted.
    await page.evaluate(() => {
      for (const type of ['pointermove', 'pointerdown', 'touchstart', 'keydown', 'scroll', 'focus'])
        document.body.dispatchEvent(new Event(type, { bubbles: true }));
      document.body.dispatchEvent(new PointerEvent('pointermove', { bubbles: true, clientX: 5, clientY: 5 }));
      document.body.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, key: 'Tab' }));
      document.querySelector<HTMLButtonElement>('[data-score="5"]')!.click();
      document.querySelector<HTMLFormElement>('#comment-form')!.requestSubmit();
    });
    await page.waitForTimeout(1_000);
    expect(posts()).toBe(0);
    expect((await queryState(handle)).touchpoints[0].rating).toBeUndefined();

    await page.mouse.move(5, 5);
    await page.mouse.move(40, 30);
    await page.getByText('Thank you! Your rating of 4 is recorded.').waitFor();
    const rated = await waitForState(handle, (s) => !!s.touchpoints[0].rating);
    expect(rated.touchpoints[0].rating).toMatchObject({ score: 4 });
    expect(rated.touchpoints[0].rating?.changedAt).toBeUndefined();
    expect(posts()).toBe(1);

    await page.getByLabel('Anything to add? (optional)').fill('the box was dented');
    await page.getByRole('button', { name: 'Send comment' }).click();
    await waitForState(handle, (s) => s.touchpoints[0].rating?.comment === 'the box was dented');
    await page.screenshot({ path: join(ARTIFACTS, 'rating-page.png'), fullPage: true });
    expect((await queryState(handle)).touchpoints[0].rating).toMatchObject({ score: 4, comment: 'the box was dented' });
    await page.close();
    await handle.terminate('test over');
  });
});

it('on a phone, the first tap on the page records the one-click score', async () => {
  await bed.env.withWorker(async () => {
    const { handle, link } = await confirmationLink();
    const context = await bed.browser.newContext({
      hasTouch: true,
      isMobile: true,
      viewport: { width: 390, height: 844 },
    });
    const page = await context.newPage();
    const posts = feedbackPosts(page);
    await page.goto(`${bed.base}${link}?s=2`, { waitUntil: 'networkidle' });
    await page.waitForTimeout(1_000);
    expect(posts()).toBe(0);
    await page.touchscreen.tap(200, 600);
    await page.getByText('Thank you! Your rating of 2 is recorded.').waitFor();
    expect((await waitForState(handle, (s) => !!s.touchpoints[0].rating)).touchpoints[0].rating).toMatchObject({
      score: 2,
    });
    expect(posts()).toBe(1);
    await context.close();
    await handle.terminate('test over');
  });
});

it('the rating page speaks the language of the notice it came from, and a score clicked there is recorded at once', async () => {
  await bed.env.withWorker(async () => {
    const { handle, link } = await confirmationLink('ru');
    const page = await bed.browser.newPage();
    const posts = feedbackPosts(page);
    await page.goto(`${bed.base}${link}`);
    expect(await page.locator('h1').textContent()).toBe('Оцените, пожалуйста, нашу работу');
    await page.getByRole('button', { name: '5' }).click();
    await page.getByText('Спасибо! Мы получили вашу оценку: 5.').waitFor();
    expect((await waitForState(handle, (s) => !!s.touchpoints[0].rating)).touchpoints[0].rating).toMatchObject({
      score: 5,
    });
    expect(await page.getByRole('button', { name: '5' }).getAttribute('aria-pressed')).toBe('true');
    expect(posts()).toBe(1);
    await page.close();
    await handle.terminate('test over');
  });
});

/**
 * The customer pages follow a uk-UA or de-DE customer through a real chain: the confirmation's rating link
 * opens a rating page in their language, and the tracking page speaks it too; both read the locale file.
 */
import request from 'supertest';
import { expect, it } from 'vitest';
import { LOCALES } from '../../activities/templates/locales/index';
import { createTokens } from '../../common/tokens';
import { order, shop } from '../helpers/fixtures';
import { startChain, waitForState } from '../helpers/chains';
import { appBed } from '../helpers/api';

const bed = appBed();

it.each([
  { locale: 'uk-UA', language: 'uk' as const, rating: 'Як усе пройшло?', heading: 'Замовлення' },
  { locale: 'de-DE', language: 'de' as const, rating: 'Wie waren wir?', heading: 'Bestellung' },
])('$locale: the rating and tracking pages speak $language', async ({ locale, language, rating, heading }) => {
  await bed.env.withWorker(async () => {
    const o = order({ customer: { ...order().customer, locale, timezone: 'Europe/Warsaw' } });
    const handle = await startChain(bed.env, o, shop({ id: 'demo' }));
    const state = await waitForState(handle, (s) => s.touchpoints[0].notices[0]?.status === 'sent');
    const text = state.touchpoints[0].notices[0].text!;
    expect(text).toContain(rating);
    const pages = LOCALES[language].pages;

    const rate = await request(bed.app).get(`/r/${/\/r\/(\S+)/.exec(text)![1]}`);
    expect(rate.status).toBe(200);
    expect(rate.text).toContain(`<html lang="${language}"`);
    expect(rate.text).toContain(pages.rateTitle);

    const token = createTokens(bed.env.config.tokenKeys).sign({ kind: 'track', shop: 'demo', order: o.orderId });
    const track = await request(bed.app).get(`/t/${token}`);
    expect(track.status).toBe(200);
    expect(track.text).toContain(`<html lang="${language}"`);
    expect(track.text).toContain(`${heading} ${o.orderId}`);
    expect(track.text).toContain(pages.stages.accepted);
  });
});

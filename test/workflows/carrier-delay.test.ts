/**
 * The carrier's side of the promise as tables (workflows/carrier-delay.ts): which exception moves the promise and
 * to which date, the carrier's ETA, and a silent carrier's risk; and the shop's watchlist settings. Plain
 * functions: no Temporal server.
 */
import { describe, expect, it } from 'vitest';
import {
  DELAY_REASONS,
  etaDelay,
  EXCEPTION_DELAY_DAYS,
  exceptionDelay,
  silenceDelay,
} from '../../workflows/carrier-delay';
import { EXCEPTION_REASONS, Shop } from '../../workflows/contract';
import { shopConfig } from '../helpers/fixtures';

const TODAY = '2026-12-03';

describe('an exception threatens the promise', () => {
  it.each([
    // reason, promise, new promise (undefined: the promise holds, or support decides)
    ['weather', '2026-12-03', '2026-12-04'],
    ['weather', '2026-12-04', undefined],
    ['capacity', '2026-12-03', '2026-12-04'],
    ['consignee_not_home', '2026-12-03', '2026-12-04'],
    ['consignee_not_home', '2026-12-01', '2026-12-04'],
    ['address_problem', '2026-12-04', '2026-12-05'],
    ['address_problem', '2026-12-05', undefined],
    ['customs', '2026-12-05', '2026-12-06'],
    ['customs', '2026-12-06', undefined],
    ['damaged', '2026-12-01', undefined],
    ['lost', '2026-12-01', undefined],
    ['other', '2026-12-01', undefined],
  ] as const)('%s with the promise on %s: %s', (reason, promise, expected) => {
    expect(exceptionDelay(reason, promise, TODAY)).toBe(expected);
  });

  it('has expected days, and words for support, for every normalized reason', () => {
    expect(Object.keys(EXCEPTION_DELAY_DAYS).sort()).toEqual([...EXCEPTION_REASONS].sort());
    for (const reason of EXCEPTION_REASONS) expect(DELAY_REASONS[reason]).toMatch(/^carrier exception: /);
  });
});

describe("the carrier's ETA", () => {
  it.each([
    ['2026-12-05', '2026-12-04', '2026-12-05'],
    ['2026-12-04', '2026-12-04', undefined],
    ['2026-12-02', '2026-12-04', undefined],
  ])('ETA %s with the promise on %s: %s', (eta, promise, expected) => {
    expect(etaDelay(eta, promise)).toBe(expected);
  });
});

describe('a silent carrier puts the promise at risk when less than a day of it is left', () => {
  it.each([
    ['2026-12-06', 1, undefined],
    ['2026-12-05', 1, undefined],
    // Tomorrow's promise is the guard's: it fires with the shop's lead time.
    ['2026-12-04', 1, undefined],
    ['2026-12-03', 1, '2026-12-04'],
    ['2026-12-03', 2, '2026-12-05'],
    // A promise already past moves from today.
    ['2026-12-01', 1, '2026-12-04'],
  ])('promise on %s, guard delay %i day(s): %s', (promise, days, expected) => {
    expect(silenceDelay(promise, TODAY, days)).toBe(expected);
  });
});

describe("the shop's watchlist settings", () => {
  it('a config that names none keeps working with the defaults', () => {
    expect(Shop.parse(shopConfig()).carrierWatch).toEqual({ firstScanHours: 24, silentHours: 72 });
  });

  it('takes thresholds per carrier', () => {
    const carrierWatch = { silentHours: 48, carriers: { inpost: { firstScanHours: 12 } } };
    expect(Shop.parse(shopConfig({ carrierWatch })).carrierWatch).toEqual({ firstScanHours: 24, ...carrierWatch });
  });

  it('refuses a threshold that is not a positive number of hours, naming its path', () => {
    const parsed = Shop.safeParse(shopConfig({ carrierWatch: { carriers: { dpd: { silentHours: 0 } } } }));
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual(['carrierWatch.carriers.dpd.silentHours']);
  });
});

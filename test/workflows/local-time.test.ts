/**
 * Customer-local time as plain functions (workflows/local-time.ts): quiet hours across midnight and at
 * their exact edges, waits across the spring and autumn clock changes of Europe/Warsaw (2026-03-29,
 * 2026-10-25) and America/New_York (2026-03-08, 2026-11-01), day boundaries in the far zones
 * Pacific/Kiritimati (UTC+14) and Pacific/Pago_Pago (UTC-11), and the reasons support reads.
 * Every expected instant is written out by hand; none is computed by the code under test.
 */
import { describe, expect, it } from 'vitest';
import {
  courierWindows,
  dailyCapReason,
  deliveryDayDeadline,
  guardTime,
  localDay,
  localLabel,
  nextDay,
  nextPromise,
  NO_CALLS,
  pickupReminderTime,
  plusDays,
  quietHoursReason,
  quietUntil,
  STALE_MS,
} from '../../workflows/local-time';

type Quiet = { start: string; end: string };
const NIGHT: Quiet = { start: '21:00', end: '09:00' };
const NONE: Quiet = { start: '00:00', end: '00:00' };
const DAY: Quiet = { start: '13:00', end: '15:00' };
const ODD: Quiet = { start: '22:30', end: '06:15' };
// Ends in the hour Warsaw skips on 2026-03-29: 02:30 winter time is 03:30 summer time.
const TO_0230: Quiet = { start: '21:00', end: '02:30' };
const EARLY: Quiet = { start: '21:00', end: '08:30' };
/** Quiet hours shorter than a two-hour courier window. */
const LUNCH: Quiet = { start: '12:00', end: '12:30' };
const AFTER_MIDNIGHT: Quiet = { start: '00:30', end: '01:00' };
const WAW = 'Europe/Warsaw';
const NYC = 'America/New_York';
const KIR = 'Pacific/Kiritimati';
const PPG = 'Pacific/Pago_Pago';

const ms = (iso: string) => Date.parse(iso);
/** An instant as `toISOString` spells it (undefined stays undefined), so a failure reads as a time. */
const iso = (t: string | number | undefined) => (t === undefined ? undefined : new Date(t).toISOString());
/** A two-hour courier window starting at `from` (UTC), as courierWindows spells it. */
const win = (from: string) => ({ from: iso(`${from}Z`), to: iso(ms(`${from}Z`) + 7_200_000) });

describe('quietUntil: whether the customer is in quiet hours now, and until when', () => {
  it.each<[string, string, string, Quiet, string?]>([
    ['across midnight: a millisecond before the start', '2026-11-24T20:59:59.999Z', 'UTC', NIGHT],
    ['across midnight: at 21:00 sharp', '2026-11-24T21:00Z', 'UTC', NIGHT, '2026-11-25T09:00Z'],
    ['across midnight: late evening', '2026-11-24T23:59Z', 'UTC', NIGHT, '2026-11-25T09:00Z'],
    ['across midnight: at midnight', '2026-11-25T00:00Z', 'UTC', NIGHT, '2026-11-25T09:00Z'],
    ['across midnight: a minute before the end', '2026-11-25T08:59Z', 'UTC', NIGHT, '2026-11-25T09:00Z'],
    ['across midnight: at 09:00 sharp', '2026-11-25T09:00Z', 'UTC', NIGHT],
    ['across midnight: midday', '2026-11-25T13:00Z', 'UTC', NIGHT],
    ['same day: a minute before', '2026-11-24T12:59Z', 'UTC', DAY],
    ['same day: at the start', '2026-11-24T13:00Z', 'UTC', DAY, '2026-11-24T15:00Z'],
    ['same day: the last minute', '2026-11-24T14:59Z', 'UTC', DAY, '2026-11-24T15:00Z'],
    ['same day: at the end', '2026-11-24T15:00Z', 'UTC', DAY],
    ['same day: at night', '2026-11-24T03:00Z', 'UTC', DAY],
    ['minutes: 22:29', '2026-11-24T22:29Z', 'UTC', ODD],
    ['minutes: 22:30', '2026-11-24T22:30Z', 'UTC', ODD, '2026-11-25T06:15Z'],
    ['minutes: 06:14', '2026-11-25T06:14Z', 'UTC', ODD, '2026-11-25T06:15Z'],
    ['minutes: 06:15', '2026-11-25T06:15Z', 'UTC', ODD],
    ['equal start and end (00:00) mean none', '2026-11-24T03:00Z', 'UTC', NONE],
    ['equal start and end (21:00) mean none, at 21:00', '2026-11-24T21:00Z', 'UTC', { start: '21:00', end: '21:00' }],
    ['equal start and end (21:00) mean none, at 22:00', '2026-11-24T22:00Z', 'UTC', { start: '21:00', end: '21:00' }],
    ['ending at midnight: 23:30', '2026-11-24T23:30Z', 'UTC', { start: '23:00', end: '00:00' }, '2026-11-25T00:00Z'],
    ['ending at midnight: 00:00', '2026-11-25T00:00Z', 'UTC', { start: '23:00', end: '00:00' }],
    ['starting at midnight: 00:00', '2026-11-25T00:00Z', 'UTC', { start: '00:00', end: '07:00' }, '2026-11-25T07:00Z'],
    ['starting at midnight: 23:59', '2026-11-24T23:59Z', 'UTC', { start: '00:00', end: '07:00' }],
    ['Warsaw winter: 22:00 local', '2026-11-24T22:00+01:00', WAW, NIGHT, '2026-11-25T08:00Z'],
    ['Warsaw winter: 20:30 local is 19:30Z', '2026-11-24T19:30Z', WAW, NIGHT],
    ['Warsaw spring: the evening before', '2026-03-28T23:00+01:00', WAW, NIGHT, '2026-03-29T07:00Z'],
    ['Warsaw spring: 01:30 winter time', '2026-03-29T01:30+01:00', WAW, NIGHT, '2026-03-29T07:00Z'],
    ['Warsaw spring: 03:30 summer time', '2026-03-29T03:30+02:00', WAW, NIGHT, '2026-03-29T07:00Z'],
    ['Warsaw spring: an end in the skipped hour', '2026-03-28T23:00+01:00', WAW, TO_0230, '2026-03-29T01:30Z'],
    ['Warsaw autumn: the evening before', '2026-10-24T23:00+02:00', WAW, NIGHT, '2026-10-25T08:00Z'],
    ['Warsaw autumn: the first 02:30', '2026-10-25T02:30+02:00', WAW, NIGHT, '2026-10-25T08:00Z'],
    ['Warsaw autumn: the second 02:30', '2026-10-25T02:30+01:00', WAW, NIGHT, '2026-10-25T08:00Z'],
    ['New York spring: the evening before', '2026-03-07T22:00-05:00', NYC, NIGHT, '2026-03-08T13:00Z'],
    ['New York autumn: the evening before', '2026-10-31T22:00-04:00', NYC, NIGHT, '2026-11-01T14:00Z'],
    ['New York autumn: the first 01:30', '2026-11-01T01:30-04:00', NYC, NIGHT, '2026-11-01T14:00Z'],
    ['New York autumn: the second 01:30', '2026-11-01T01:30-05:00', NYC, NIGHT, '2026-11-01T14:00Z'],
    ['Kiritimati: 23:00 local is 09:00Z', '2026-06-10T09:00Z', KIR, NIGHT, '2026-06-10T19:00Z'],
    ['Pago Pago: 22:00 local is 09:00Z the next day', '2026-06-11T09:00Z', PPG, NIGHT, '2026-06-11T20:00Z'],
  ])('%s', (_, now, zone, quiet, until) => {
    expect(iso(quietUntil(ms(now), zone, quiet))).toBe(iso(until));
  });
});

describe('NO_CALLS and STALE_MS', () => {
  it('calling hours are 08:00–21:00 customer-local; a waiting notice is stale after a minute', () => {
    expect(NO_CALLS).toEqual({ start: '21:00', end: '08:00' });
    expect(STALE_MS).toBe(60_000);
  });

  it.each<[string, string, string?]>([
    ['20:59 rings', '2026-11-24T20:59-05:00'],
    ['21:00 waits for 08:00', '2026-11-24T21:00-05:00', '2026-11-25T13:00Z'],
    ['07:59 waits a minute', '2026-11-25T07:59-05:00', '2026-11-25T13:00Z'],
    ['08:00 rings', '2026-11-25T08:00-05:00'],
    ['the spring-forward night waits for 08:00 summer time', '2026-03-07T21:30-05:00', '2026-03-08T12:00Z'],
  ])('a New York call at %s', (_, now, until) => {
    expect(iso(quietUntil(ms(now), NYC, NO_CALLS))).toBe(iso(until));
  });
});

describe('nextDay: the first moment of the customer’s next day outside quiet hours', () => {
  it.each<[string, string, string, Quiet, string]>([
    ['UTC morning, quiet until 09:00', '2026-11-24T10:00Z', 'UTC', NIGHT, '2026-11-25T09:00Z'],
    ['UTC late evening: the next calendar day', '2026-11-24T23:30Z', 'UTC', NIGHT, '2026-11-25T09:00Z'],
    ['UTC just after midnight: the day after today', '2026-11-25T00:30Z', 'UTC', NIGHT, '2026-11-26T09:00Z'],
    ['no quiet hours: midnight', '2026-11-24T10:00Z', 'UTC', NONE, '2026-11-25T00:00Z'],
    ['quiet hours within the day: midnight', '2026-11-24T10:00Z', 'UTC', DAY, '2026-11-25T00:00Z'],
    ['quiet hours ending at 06:15', '2026-11-24T10:00Z', 'UTC', ODD, '2026-11-25T06:15Z'],
    ['Warsaw, into the spring-forward day', '2026-03-28T12:00+01:00', WAW, NIGHT, '2026-03-29T07:00Z'],
    ['Warsaw, midnight starting the spring-forward day', '2026-03-28T12:00+01:00', WAW, NONE, '2026-03-28T23:00Z'],
    ['Warsaw, from the spring-forward day', '2026-03-29T12:00+02:00', WAW, NONE, '2026-03-29T22:00Z'],
    ['Warsaw, into the fall-back day', '2026-10-24T12:00+02:00', WAW, NIGHT, '2026-10-25T08:00Z'],
    ['Warsaw, midnight starting the fall-back day', '2026-10-24T12:00+02:00', WAW, NONE, '2026-10-24T22:00Z'],
    ['Warsaw, from the fall-back day', '2026-10-25T12:00+01:00', WAW, NONE, '2026-10-25T23:00Z'],
    ['New York, into the spring-forward day', '2026-03-07T12:00-05:00', NYC, NIGHT, '2026-03-08T13:00Z'],
    ['New York, midnight starting the spring-forward day', '2026-03-07T12:00-05:00', NYC, NONE, '2026-03-08T05:00Z'],
    ['New York, into the fall-back day', '2026-10-31T12:00-04:00', NYC, NIGHT, '2026-11-01T14:00Z'],
    ['New York, midnight starting the fall-back day', '2026-10-31T12:00-04:00', NYC, NONE, '2026-11-01T04:00Z'],
    ['Kiritimati 23:59 local', '2026-06-10T09:59Z', KIR, NONE, '2026-06-10T10:00Z'],
    ['Kiritimati 00:30 local', '2026-06-10T10:30Z', KIR, NONE, '2026-06-11T10:00Z'],
    ['Kiritimati 00:30 local, quiet until 09:00', '2026-06-10T10:30Z', KIR, NIGHT, '2026-06-11T19:00Z'],
    ['Pago Pago 23:30 local', '2026-06-11T10:30Z', PPG, NONE, '2026-06-11T11:00Z'],
    ['Pago Pago 00:00 local', '2026-06-11T11:00Z', PPG, NONE, '2026-06-12T11:00Z'],
  ])('%s', (_, now, zone, quiet, expected) => {
    expect(iso(nextDay(ms(now), zone, quiet))).toBe(iso(expected));
  });
});

describe('localDay and localLabel: the customer’s date and clock', () => {
  it.each<[string, string, string]>([
    ['2026-06-10T09:59:59.999Z', KIR, '2026-06-10'],
    ['2026-06-10T10:00Z', KIR, '2026-06-11'],
    ['2026-06-11T10:59:59.999Z', PPG, '2026-06-10'],
    ['2026-06-11T11:00Z', PPG, '2026-06-11'],
    ['2026-06-10T12:00Z', KIR, '2026-06-11'],
    ['2026-06-10T12:00Z', PPG, '2026-06-10'],
    ['2026-06-10T23:59Z', 'UTC', '2026-06-10'],
    ['2026-10-24T21:59Z', WAW, '2026-10-24'],
    ['2026-10-24T22:00Z', WAW, '2026-10-25'],
    ['2026-03-08T04:59Z', NYC, '2026-03-07'],
    ['2026-03-08T05:00Z', NYC, '2026-03-08'],
  ])('localDay(%s, %s) is %s', (at, zone, day) => {
    expect(localDay(ms(at), zone)).toBe(day);
  });

  it.each<[string, string, string]>([
    ['2026-11-24T08:00Z', WAW, '2026-11-24 09:00 Europe/Warsaw'],
    ['2026-03-29T00:59Z', WAW, '2026-03-29 01:59 Europe/Warsaw'],
    ['2026-03-29T01:00Z', WAW, '2026-03-29 03:00 Europe/Warsaw'],
    ['2026-10-25T00:30Z', WAW, '2026-10-25 02:30 Europe/Warsaw'],
    ['2026-10-25T01:30Z', WAW, '2026-10-25 02:30 Europe/Warsaw'],
    ['2026-06-10T10:00Z', KIR, '2026-06-11 00:00 Pacific/Kiritimati'],
    ['2026-06-11T10:59Z', PPG, '2026-06-10 23:59 Pacific/Pago_Pago'],
  ])('localLabel(%s, %s) reads "%s"', (at, zone, label) => {
    expect(localLabel(ms(at), zone)).toBe(label);
  });
});

describe('the reasons support reads', () => {
  it.each<[string, string, Quiet, string]>([
    ['2026-11-25T08:00Z', WAW, NIGHT, 'quiet hours (21:00–09:00): waits until 2026-11-25 09:00 Europe/Warsaw'],
    ['2026-03-29T07:00Z', WAW, NIGHT, 'quiet hours (21:00–09:00): waits until 2026-03-29 09:00 Europe/Warsaw'],
    ['2026-11-01T11:15Z', NYC, ODD, 'quiet hours (22:30–06:15): waits until 2026-11-01 06:15 America/New_York'],
  ])('quiet hours until %s in %s', (until, zone, quiet, reason) => {
    expect(quietHoursReason(ms(until), zone, quiet)).toBe(reason);
  });

  it.each<[string, string, number, string]>([
    ['2026-11-25T08:00Z', WAW, 3, 'daily cap (3 a day) reached: waits until 2026-11-25 09:00 Europe/Warsaw'],
    ['2026-10-25T08:00Z', WAW, 1, 'daily cap (1 a day) reached: waits until 2026-10-25 09:00 Europe/Warsaw'],
    ['2026-06-11T19:00Z', KIR, 5, 'daily cap (5 a day) reached: waits until 2026-06-12 09:00 Pacific/Kiritimati'],
  ])('daily cap until %s in %s', (until, zone, cap, reason) => {
    expect(dailyCapReason(ms(until), zone, cap)).toBe(reason);
  });
});

describe('guardTime: the end of the promised day minus the lead time, an hour before quiet hours if in them', () => {
  it.each<[string, string, string, number, Quiet, string]>([
    ['before quiet hours: 20:00', '2026-11-24', WAW, 4, NIGHT, '2026-11-24T19:00Z'],
    ['earlier still: 19:00', '2026-11-24', WAW, 5, NIGHT, '2026-11-24T18:00Z'],
    ['at their start: moved to 20:00', '2026-11-24', WAW, 3, NIGHT, '2026-11-24T19:00Z'],
    ['inside them: moved to 20:00', '2026-11-24', WAW, 2, NIGHT, '2026-11-24T19:00Z'],
    ['no lead time, midnight is quiet: 20:00', '2026-11-24', WAW, 0, NIGHT, '2026-11-24T19:00Z'],
    ['a lead into the early morning: 20:00 the day before', '2026-11-24', WAW, 20, NIGHT, '2026-11-23T19:00Z'],
    ['quiet from 22:30: moved to 21:30', '2026-11-24', WAW, 1, ODD, '2026-11-24T20:30Z'],
    ['no quiet hours: midnight', '2026-11-24', WAW, 0, NONE, '2026-11-24T23:00Z'],
    ['no quiet hours: 22:00', '2026-11-24', WAW, 2, NONE, '2026-11-24T21:00Z'],
    ['Warsaw, the day before spring forward', '2026-03-28', WAW, 4, NIGHT, '2026-03-28T19:00Z'],
    ['Warsaw, the day before, quiet from the change night', '2026-03-28', WAW, 0, NIGHT, '2026-03-28T19:00Z'],
    ['Warsaw, the spring-forward day', '2026-03-29', WAW, 4, NIGHT, '2026-03-29T18:00Z'],
    ['Warsaw, the fall-back day', '2026-10-25', WAW, 4, NIGHT, '2026-10-25T19:00Z'],
    ['Warsaw, the fall-back day, moved out of quiet hours', '2026-10-25', WAW, 2, NIGHT, '2026-10-25T19:00Z'],
    ['New York, the spring-forward day', '2026-03-08', NYC, 4, NIGHT, '2026-03-09T00:00Z'],
    ['New York, the fall-back day, moved out of quiet hours', '2026-11-01', NYC, 2, NIGHT, '2026-11-02T01:00Z'],
    ['Kiritimati', '2026-06-11', KIR, 4, NONE, '2026-06-11T06:00Z'],
    ['Pago Pago', '2026-06-11', PPG, 4, NONE, '2026-06-12T07:00Z'],
  ])('%s', (_, promised, zone, lead, quiet, expected) => {
    expect(iso(guardTime(promised, zone, lead, quiet))).toBe(iso(expected));
  });
});

describe('pickupReminderTime: hours before the pickup deadline, an hour before quiet hours if in them', () => {
  it.each<[string, string, string, number, Quiet, string]>([
    ['a day before 18:00: 18:00 the day before', '2026-11-26T17:00Z', WAW, 24, NIGHT, '2026-11-25T17:00Z'],
    [
      'a day before 07:00 is quiet: 20:00 two evenings before',
      '2026-11-26T06:00Z',
      WAW,
      24,
      NIGHT,
      '2026-11-24T19:00Z',
    ],
    ['six hours before 03:00 is 21:00, quiet: 20:00', '2026-11-26T02:00Z', WAW, 6, NIGHT, '2026-11-25T19:00Z'],
    [
      'two hours before 11:00 is 09:00, the end of quiet hours',
      '2026-11-26T10:00Z',
      WAW,
      2,
      NIGHT,
      '2026-11-26T08:00Z',
    ],
    ['no quiet hours: 07:00 stays', '2026-11-26T06:00Z', WAW, 24, NONE, '2026-11-25T06:00Z'],
    [
      'across the fall-back night: 24 hours before 18:00 CET is 19:00 CEST',
      '2026-10-25T17:00Z',
      WAW,
      24,
      NIGHT,
      '2026-10-24T17:00Z',
    ],
  ])('%s', (_, until, zone, hours, quiet, expected) => {
    expect(iso(pickupReminderTime(until, hours, zone, quiet))).toBe(iso(expected));
  });
});

describe('deliveryDayDeadline: 08:00 on the promised day or the end of quiet hours, plus the call deadline', () => {
  it.each<[string, string, string, Quiet, number, string]>([
    ['quiet until 09:00, two hours', '2026-11-24', WAW, NIGHT, 120, '2026-11-24T10:00Z'],
    ['quiet until 07:00: from 08:00', '2026-11-24', WAW, { start: '22:00', end: '07:00' }, 120, '2026-11-24T09:00Z'],
    ['quiet until 08:30, an hour', '2026-11-24', WAW, EARLY, 60, '2026-11-24T08:30Z'],
    ['no quiet hours, no deadline', '2026-11-24', WAW, NONE, 0, '2026-11-24T07:00Z'],
    ['Warsaw spring-forward day', '2026-03-29', WAW, NIGHT, 120, '2026-03-29T09:00Z'],
    ['Warsaw spring-forward day, 08:00 summer time', '2026-03-29', WAW, NONE, 1, '2026-03-29T06:01Z'],
    ['Warsaw fall-back day', '2026-10-25', WAW, NIGHT, 120, '2026-10-25T10:00Z'],
    ['New York spring-forward day', '2026-03-08', NYC, NIGHT, 180, '2026-03-08T16:00Z'],
    ['New York fall-back day', '2026-11-01', NYC, NONE, 30, '2026-11-01T13:30Z'],
    ['Kiritimati', '2026-06-11', KIR, NONE, 60, '2026-06-10T19:00Z'],
    ['Pago Pago', '2026-06-11', PPG, NIGHT, 60, '2026-06-11T21:00Z'],
  ])('%s', (_, promised, zone, quietHours, courierCallDeadlineMinutes, expected) => {
    expect(iso(deliveryDayDeadline(promised, zone, { quietHours, courierCallDeadlineMinutes }))).toBe(iso(expected));
  });
});

describe('plusDays: calendar days, whatever the clocks do', () => {
  it.each<[string, number, string]>([
    ['2026-03-28', 1, '2026-03-29'],
    ['2026-03-29', 1, '2026-03-30'],
    ['2026-10-24', 2, '2026-10-26'],
    ['2026-11-01', 1, '2026-11-02'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-11-24', 0, '2026-11-24'],
  ])('%s plus %i days is %s', (date, days, expected) => {
    expect(plusDays(date, days)).toBe(expected);
  });
});

describe('nextPromise: delayDays later, and later still while its guard has passed', () => {
  it.each<[string, string, number, string, string, string]>([
    ['on time: just the delay', '2026-11-24', 2, '2026-11-24T19:00Z', WAW, '2026-11-26'],
    ['late: the first day whose guard is ahead', '2026-11-24', 2, '2026-11-27T12:00Z', WAW, '2026-11-27'],
    ['a millisecond before that day’s guard', '2026-11-24', 2, '2026-11-27T18:59:59.999Z', WAW, '2026-11-27'],
    ['at that day’s guard: the day after', '2026-11-24', 2, '2026-11-27T19:00Z', WAW, '2026-11-28'],
    [
      'Warsaw: the spring-forward day’s guard is an hour earlier',
      '2026-03-27',
      2,
      '2026-03-29T18:30Z',
      WAW,
      '2026-03-30',
    ],
    ['Warsaw: before the spring-forward day’s guard', '2026-03-27', 2, '2026-03-29T17:59Z', WAW, '2026-03-29'],
    ['New York: the fall-back day’s guard is an hour later', '2026-10-30', 2, '2026-11-02T00:30Z', NYC, '2026-11-01'],
  ])('%s', (_, promised, delayDays, now, zone, expected) => {
    expect(nextPromise(promised, delayDays, ms(now), zone, 4, NIGHT)).toBe(expected);
  });
});

describe('courierWindows: three two-hour windows from the next full hour after an hour’s notice, outside quiet hours', () => {
  // Window starts in UTC, month-day and time of 2026: '11-24T12:00' is 2026-11-24T12:00Z.
  it.each<[string, string, string, Quiet, string]>([
    ['at 10:15: from 12:00', '2026-11-24T10:15Z', 'UTC', NONE, '11-24T12:00 11-24T14:00 11-24T16:00'],
    ['at 10:00 sharp: from 12:00', '2026-11-24T10:00Z', 'UTC', NONE, '11-24T12:00 11-24T14:00 11-24T16:00'],
    ['at 10:59:59: from 12:00', '2026-11-24T10:59:59Z', 'UTC', NONE, '11-24T12:00 11-24T14:00 11-24T16:00'],
    ['one may end as quiet hours start', '2026-11-24T17:00Z', 'UTC', NIGHT, '11-24T19:00 11-25T09:00 11-25T11:00'],
    ['one reaching into quiet hours moves', '2026-11-24T16:30Z', 'UTC', NIGHT, '11-24T18:00 11-25T09:00 11-25T11:00'],
    ['asked at night: from their end', '2026-11-24T23:10Z', 'UTC', NIGHT, '11-25T09:00 11-25T11:00 11-25T13:00'],
    ['quiet hours ending at 08:30', '2026-11-25T02:00Z', 'UTC', EARLY, '11-25T08:30 11-25T10:30 11-25T12:30'],
    ['Warsaw, after the short night', '2026-03-28T22:00+01:00', WAW, NIGHT, '03-29T07:00 03-29T09:00 03-29T11:00'],
    ['Warsaw, after the long night', '2026-10-24T20:30+02:00', WAW, NIGHT, '10-25T08:00 10-25T10:00 10-25T12:00'],
    ['Warsaw, the long night unquiet', '2026-10-25T00:15+02:00', WAW, NONE, '10-25T00:00 10-25T02:00 10-25T04:00'],
    ['New York, after the short night', '2026-03-07T20:30-05:00', NYC, NIGHT, '03-08T13:00 03-08T15:00 03-08T17:00'],
    ['Kolkata: local full hours', '2026-06-10T04:00Z', 'Asia/Kolkata', NONE, '06-10T05:30 06-10T07:30 06-10T09:30'],
    [
      'quiet hours shorter than a window, inside it',
      '2026-11-24T09:00Z',
      'UTC',
      LUNCH,
      '11-24T12:30 11-24T14:30 11-24T16:30',
    ],
    [
      'a short quiet spell after midnight',
      '2026-11-24T22:30Z',
      'UTC',
      AFTER_MIDNIGHT,
      '11-25T01:00 11-25T03:00 11-25T05:00',
    ],
    [
      'a window may end as short quiet hours start',
      '2026-11-24T08:00Z',
      'UTC',
      LUNCH,
      '11-24T10:00 11-24T12:30 11-24T14:30',
    ],
  ])('%s', (_, now, zone, quiet, starts) => {
    expect(courierWindows(ms(now), zone, quiet)).toEqual(starts.split(' ').map((s) => win(`2026-${s}`)));
  });

  it('the first check, kept for chains that offered its windows, looked at the ends only', () => {
    const starts = ['11-24T11:00', '11-24T13:00', '11-24T15:00'].map((s) => win(`2026-${s}`));
    expect(courierWindows(ms('2026-11-24T09:00Z'), 'UTC', LUNCH, true)).toEqual(starts);
    expect(courierWindows(ms('2026-11-24T16:30Z'), 'UTC', NIGHT, true)).toEqual(
      courierWindows(ms('2026-11-24T16:30Z'), 'UTC', NIGHT),
    );
  });
});

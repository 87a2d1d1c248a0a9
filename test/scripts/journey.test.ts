/**
 * The journey simulator: every scenario in every locale through the real chain workflow on one
 * time-skipping server, the rule checks on hand-made notices that break them, and the CLI.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import { CATALOGS } from '../../activities/templates/catalog';
import { loadConfig } from '../../common/config';
import { createStore } from '../../store';
import { Shop } from '../../workflows/contract';
import {
  journeyHtml,
  journeyListing,
  journeyViolations,
  openJourneyBench,
  type Journey,
  type JourneyNotice,
} from '../../scripts/journey/index';
import {
  JOURNEY_LOCALES,
  JOURNEY_SCENARIOS,
  LOCKERS,
  PERSONAS,
  previewOf,
  SCENARIOS,
  stepsOf,
  type JourneyLocale,
  type JourneyScenario,
} from '../../simulator/index';
import { customerDates } from '../../activities/templates/dates';

const run = promisify(execFile);
// The shop's defaults: quiet hours 21:00–09:00 and at most 3 non-urgent notices a day.
const shop = Shop.parse({ id: 'demo', name: 'Demo Shop', supportEmail: 'support@demo.example' });
const journeys = new Map<string, Journey>();
const journey = (scenario: JourneyScenario, locale: JourneyLocale) => journeys.get(`${scenario}/${locale}`)!;
const touchpoints = (j: Journey) =>
  j.notices.map((n) => (n.revision > 1 ? `${n.touchpoint}#${n.revision}` : n.touchpoint));
const notice = (j: Journey, touchpoint: string) => j.notices.find((n) => n.touchpoint === touchpoint)!;
/** The words a scenario's backend step carries for this locale (a carrier's reason). */
const reasonOf = (scenario: JourneyScenario, event: string, locale: JourneyLocale) => {
  const action = SCENARIOS[scenario].steps.map((s) => s.action).find((a) => 'event' in a && a.event === event);
  return (action as { reason: Record<JourneyLocale, string> }).reason[locale];
};

const delivered = ['courier-call', 'handover'];
const toTheLocker = ['confirmation', 'tracking', 'arrival', 'ready-for-pickup'];
const EXPECTED: Record<JourneyScenario, string[]> = {
  'on-time': ['confirmation', 'tracking', 'arrival', ...delivered, 'closing'],
  delayed: ['confirmation', 'tracking', 'delay', 'arrival', ...delivered, 'closing'],
  'delayed-twice': ['confirmation', 'tracking', 'delay', 'delay-2', 'arrival', ...delivered, 'closing'],
  'failed-attempt': [
    'confirmation',
    'tracking',
    'arrival',
    'courier-call',
    'failed-attempt',
    'courier-call-2',
    'handover',
    'closing',
  ],
  return: [
    'confirmation',
    'tracking',
    'arrival',
    ...delivered,
    'return-accepted',
    'return-received',
    'return-refund',
    'closing',
  ],
  // The tracking notice waited for the morning and was dropped when the order was cancelled.
  cancel: ['confirmation', 'cancellation'],
  'no-call': ['confirmation', 'tracking', 'arrival', 'courier-call', 'courier-call#2', 'handover', 'closing'],
  // Collected before the reminder was due: none goes.
  locker: [...toTheLocker, 'handover', 'closing'],
  'locker-reminder': [...toTheLocker, 'pickup-reminder', 'handover', 'closing'],
  'locker-expired': [...toTheLocker, 'pickup-reminder', 'pickup-expired', 'closing'],
  'locker-extended': [...toTheLocker, 'pickup-reminder', 'pickup-reminder-2', 'handover', 'closing'],
  // No courier call once the customer chose the locker.
  'switch-to-locker': [...toTheLocker, 'handover', 'closing'],
};

beforeAll(async () => {
  const bench = await openJourneyBench();
  try {
    for (const scenario of JOURNEY_SCENARIOS) {
      for (const locale of JOURNEY_LOCALES)
        journeys.set(`${scenario}/${locale}`, await bench.run(scenario, locale, shop));
    }
  } finally {
    await bench.close();
  }
}, 600_000);

describe.each(JOURNEY_SCENARIOS)('the %s journey', (scenario) => {
  it.each(JOURNEY_LOCALES)('in %s: the expected notices in order, at allowed hours, breaking no rule', (locale) => {
    const j = journey(scenario, locale);
    expect(j.violations).toEqual([]);
    expect(j.timezone).toBe(PERSONAS[locale].timezone);
    expect(touchpoints(j)).toEqual(EXPECTED[scenario]);
    expect(j.notices.map((n) => n.at)).toEqual(j.notices.map((n) => n.at).sort());
    for (const n of j.notices.filter((x) => !x.urgent)) {
      const hour = Number(/(\d\d):\d\d$/.exec(n.localTime)![1]);
      expect(hour >= 9 && hour < 21, `${n.touchpoint} at ${n.localTime}`).toBe(true);
    }
  });

  it('speaks the customer’s language: Russian in Cyrillic, Polish unlike English', () => {
    const texts = (locale: JourneyLocale) =>
      journey(scenario, locale).notices.map((n) => `${n.subject ?? ''} ${n.text}`);
    expect(texts('ru').every((t) => /[а-яё]/i.test(t))).toBe(true);
    expect(texts('pl').every((t) => /[ąćęłńóśźż]/i.test(t))).toBe(true);
    expect(texts('en').some((t) => /[а-яёąćęłńśźż]/i.test(t))).toBe(false);
    texts('pl').forEach((t, i) => expect(t).not.toBe(texts('en')[i]));
  });
});

describe('what each journey tells the customer', () => {
  it.each(JOURNEY_LOCALES)(
    'in %s: the delay states the carrier’s reason; a second one is the promise guard’s',
    (locale) => {
      expect(notice(journey('delayed', locale), 'delay').text).toContain(reasonOf('delayed', 'eta_changed', locale));
      const twice = journey('delayed-twice', locale);
      expect(notice(twice, 'delay').text).toContain(reasonOf('delayed-twice', 'eta_changed', locale));
      expect(notice(twice, 'delay-2')).toMatchObject({
        urgent: true,
        text: expect.stringContaining(CATALOGS[locale].common.notInCity),
      });
    },
  );

  it.each(JOURNEY_LOCALES)(
    'in %s: the refund states its amount, and the guard’s delay notice comes before quiet hours',
    (locale) => {
      expect(notice(journey('return', locale), 'return-refund').text).toContain(PERSONAS[locale].refund);
      const guard = notice(journey('delayed-twice', locale), 'delay-2');
      expect(Number(/(\d\d):\d\d$/.exec(guard.localTime)![1])).toBe(20);
    },
  );

  it.each(JOURNEY_LOCALES)('in %s: a failed attempt and a cancellation say why', (locale) => {
    expect(notice(journey('failed-attempt', locale), 'failed-attempt').text).toContain(
      reasonOf('failed-attempt', 'delivery_failed', locale),
    );
    expect(notice(journey('cancel', locale), 'cancellation').text).toContain(reasonOf('cancel', 'cancelled', locale));
  });

  it.each(JOURNEY_LOCALES)(
    'in %s: with no courier call, Doorstep texts its own request and confirms the window picked',
    (locale) => {
      const [request, confirmed] = journey('no-call', locale).notices.filter((n) => n.touchpoint === 'courier-call');
      // Asked by SMS at the shop's deadline (08:05 + 120 min), offering 12–14, 14–16 and 16–18; the customer picked 2.
      expect(request).toMatchObject({ channel: 'sms', revision: 1, urgent: true });
      expect(request.localTime).toMatch(/10:05$/);
      expect(request.text).toMatch(/1\D+12:00/);
      expect(confirmed).toMatchObject({ channel: 'email', revision: 2 });
      expect(confirmed.text).toMatch(/14:00|2:00\sPM/);
    },
  );
});

describe('what a locker journey tells the customer', () => {
  const LOCKER_SCENARIOS = JOURNEY_SCENARIOS.filter((s) => SCENARIOS[s].toLocker);
  const hourOf = (n: JourneyNotice) => /(\d\d:\d\d)$/.exec(n.localTime)![1];
  /** The deadline a journey's backend step set (its ready_for_pickup, or the extension), as the customer reads it. */
  const deadline = (j: Journey, type: 'ready_for_pickup' | 'pickup_extended') => {
    const day0 = DateTime.fromISO(j.orderedAt, { zone: j.timezone }).startOf('day');
    const events = stepsOf({ scenario: j.scenario, locale: j.locale, shop, orderId: 'J', day0 }).flatMap((s) =>
      'event' in s ? [s.event(j.orderedAt)] : [],
    );
    const { data } = events.find((e) => e.type === type) as { data: { pickupUntil: string } };
    return customerDates(j.timezone, j.locale).dayTime(data.pickupUntil);
  };

  it.each(JOURNEY_LOCALES)(
    'in %s: the confirmation names the locker; the ready notice gives its address, hours, map, code and deadline',
    (locale) => {
      const { point, code } = LOCKERS[locale];
      for (const scenario of LOCKER_SCENARIOS) {
        const j = journey(scenario, locale);
        expect(notice(j, 'confirmation').text, scenario).toContain(point.name);
        const ready = notice(j, 'ready-for-pickup').text;
        for (const part of [point.name, point.address, point.openingHours!, point.mapUrl!, code])
          expect(ready, `${scenario}: ${part}`).toContain(part);
        expect(ready).toContain(deadline(j, 'ready_for_pickup'));
      }
    },
  );

  it.each(JOURNEY_LOCALES)(
    'in %s: a reminder that would fall at night comes at 20:00 the evening before, with the code and the deadline',
    (locale) => {
      const j = journey('locker-reminder', locale);
      // Filled at 23:30: the ready notice waits for the morning; the reminder 24 h before the deadline moves earlier.
      expect(hourOf(notice(j, 'ready-for-pickup'))).toBe('09:00');
      const reminder = notice(j, 'pickup-reminder');
      expect(hourOf(reminder)).toBe('20:00');
      expect(reminder.text).toContain(LOCKERS[locale].code);
      expect(reminder.text).toContain(deadline(j, 'ready_for_pickup'));
      expect(notice(journey('locker', locale), 'handover').text).not.toContain(LOCKERS[locale].code);
    },
  );

  it.each(JOURNEY_LOCALES)(
    'in %s: an extension brings a second reminder with the new deadline; an expiry names the locker',
    (locale) => {
      const extended = journey('locker-extended', locale);
      expect(notice(extended, 'pickup-reminder').text).toContain(deadline(extended, 'ready_for_pickup'));
      expect(notice(extended, 'pickup-reminder-2').text).toContain(deadline(extended, 'pickup_extended'));
      const expired = journey('locker-expired', locale);
      expect(notice(expired, 'pickup-expired')).toMatchObject({
        urgent: false,
        text: expect.stringContaining(LOCKERS[locale].point.name),
      });
      // The closing question follows once the shop reports the parcel back (day 6, 14:00).
      expect(hourOf(notice(expired, 'closing'))).toBe('14:00');
    },
  );

  it.each(JOURNEY_LOCALES)(
    'in %s: a home order switched to the locker was confirmed to the door; from the arrival on, the locker is named',
    (locale) => {
      const j = journey('switch-to-locker', locale);
      const { point, code } = LOCKERS[locale];
      expect(notice(j, 'confirmation').text).not.toContain(point.name);
      expect(notice(j, 'arrival').text).toContain(point.name);
      expect(notice(j, 'ready-for-pickup').text).toContain(code);
    },
  );
});

describe('the console preview, worked out without running the chain', () => {
  const previewFor = (j: Journey) =>
    previewOf({
      scenario: j.scenario,
      locale: j.locale,
      shop,
      day0: DateTime.fromISO(j.orderedAt, { zone: j.timezone }).startOf('day'),
      baseUrl: 'http://localhost:8080',
    });
  /** In every language, the journey the real chain ran for `scenario` and the notices its preview sends. */
  const runsAndPreviews = (scenario: JourneyScenario) =>
    JOURNEY_LOCALES.map((locale) => {
      const j = journey(scenario, locale);
      return { locale, j, sent: previewFor(j).notices.filter((n) => !n.dropped) };
    });
  // Order ids, links and the drawn PIN differ between a preview and a run; every other word must not.
  const words = (text = '') =>
    text
      .replace(/J-\d+|PREVIEW-1/g, 'ORDER')
      .replace(/https?:\/\/\S+/g, 'LINK')
      // The delivery PIN is random per chain (and may look like a year, 2030): the digits after the word PIN.
      .replace(/(PIN\D{0,30}?)\d{4}\b/g, '$1PIN');

  it.each(JOURNEY_SCENARIOS)(
    'for %s lists what the real chain sent: the same notices, channels and local times, in every language',
    (scenario) => {
      for (const { j, sent } of runsAndPreviews(scenario))
        expect(sent.map((n) => [n.touchpoint, n.revision, n.channel, n.localTime, n.urgent])).toEqual(
          j.notices.map((n) => [n.touchpoint, n.revision, n.channel, n.localTime, n.urgent]),
        );
    },
  );

  it.each(JOURNEY_SCENARIOS)(
    'for %s shows each notice in the words the customer got, on the channel it went by',
    (scenario) => {
      for (const { locale, j, sent } of runsAndPreviews(scenario))
        sent.forEach((n, i) => {
          const form = n.forms.find((f) => f.channel === n.channel)!;
          expect([words(form.subject), words(form.text)], `${n.touchpoint} in ${locale}`).toEqual([
            words(j.notices[i].subject),
            words(j.notices[i].text),
          ]);
        });
    },
  );

  it('shows a notice the chain dropped while it waited, with the wait and the reason', () => {
    const dropped = previewOf({
      scenario: 'cancel',
      locale: 'en',
      shop,
      baseUrl: 'http://localhost:8080',
    }).notices.find((n) => n.dropped);
    expect(dropped).toMatchObject({
      touchpoint: 'tracking',
      dropped: 'the order was cancelled',
      waits: [expect.stringMatching(/^quiet hours \(21:00–09:00\): waits until \d{4}-\d\d-\d\d 09:00 Europe\/London$/)],
    });
  });
});

describe('the rule checks', () => {
  const zone = 'Europe/Warsaw';
  const rules = { quietHours: { start: '21:00', end: '09:00' }, maxNoticesPerDay: 2 };
  const at = (local: string, touchpoint: string, more: Partial<JourneyNotice> = {}): JourneyNotice => ({
    touchpoint,
    revision: 1,
    channel: 'email',
    at: new Date(`${local}+01:00`).toISOString(),
    localTime: local,
    urgent: false,
    text: 'hello',
    ...more,
  });

  it('fails a non-urgent notice in quiet hours, but not an urgent one or a shop without quiet hours', () => {
    const late = [at('2026-11-24T22:40', 'tracking'), at('2026-11-24T23:10', 'delay', { urgent: true })];
    expect(journeyViolations(late, rules, zone)).toEqual([
      expect.stringMatching(/tracking notice .* inside the shop's quiet hours \(21:00–09:00\)/),
    ]);
    expect(journeyViolations(late, { ...rules, quietHours: { start: '00:00', end: '00:00' } }, zone)).toEqual([]);
  });

  it('fails a customer-local day with more non-urgent notices than the cap; urgent ones do not count', () => {
    const day = [
      at('2026-11-24T09:00', 'tracking'),
      at('2026-11-24T12:00', 'arrival'),
      at('2026-11-24T13:00', 'delay', { urgent: true }),
    ];
    expect(journeyViolations(day, rules, zone)).toEqual([]);
    const over = [...day, at('2026-11-24T20:59', 'handover')];
    expect(journeyViolations(over, rules, zone)).toEqual([
      expect.stringMatching(/On 2026-11-24 .* 3 non-urgent notices .* cap of 2 a day/),
    ]);
    // 20:59 in Warsaw is 22:59 in Moscow, where the customer's day and quiet hours are.
    expect(journeyViolations(over, rules, 'Europe/Moscow')).toHaveLength(2);
  });

  it('holds the pickup reminder to quiet hours and to the cap like any non-urgent notice', () => {
    expect(journeyViolations([at('2026-11-24T21:30', 'pickup-reminder')], rules, zone)).toEqual([
      expect.stringMatching(/pickup-reminder notice .* inside the shop's quiet hours/),
    ]);
    const day = ['arrival', 'ready-for-pickup', 'pickup-reminder'].map((tp, i) => at(`2026-11-24T1${i}:30`, tp));
    expect(journeyViolations(day, rules, zone)).toEqual([
      expect.stringMatching(/3 non-urgent notices \(arrival #1, ready-for-pickup #1, pickup-reminder #1\)/),
    ]);
  });

  it('fails a notice the customer gets twice, but not a second revision', () => {
    const twice = [
      at('2026-11-24T10:00', 'tracking'),
      at('2026-11-24T10:00', 'tracking', { channel: 'sms' }),
      at('2026-11-24T11:00', 'courier-call', { revision: 2 }),
    ];
    expect(journeyViolations(twice, { ...rules, maxNoticesPerDay: 5 }, zone)).toEqual([
      expect.stringMatching(/tracking #1 notice arrives 2 times/),
    ]);
  });

  it('renders every value escaped in a standalone page, and lists violations in the terminal', () => {
    const j: Journey = {
      scenario: 'cancel',
      locale: 'en',
      timezone: zone,
      orderedAt: '2026-11-23T09:15:00.000Z',
      shop: { ...shop, name: 'A&B <Shop>' },
      notices: [at('2026-11-24T10:00', 'tracking', { text: '<script>x</script>\nline two' })],
      violations: ['The <b> rule'],
    };
    const html = journeyHtml(j);
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<script>|<b>|A&B/);
    expect(html).toContain('&#60;script&#62;x&#60;/script&#62;<br>line two');
    expect(journeyListing(j)).toContain('Violations (1):\n  - The <b> rule');
  });
});

describe('the command line', () => {
  // The store the CLI reads is the temporary embedded one, even where DATABASE_URL is set.
  const { DATABASE_URL: _postgres, ...embedded } = process.env;
  const cliIn = (dataDir: string, ...args: string[]) =>
    run(process.execPath, ['--import', 'tsx', 'scripts/journey.ts', ...args], {
      env: { ...embedded, DOORSTEP_DATA_DIR: dataDir },
    });
  const cli = (...args: string[]) => cliIn(mkdtempSync(join(tmpdir(), 'doorstep-journey-cli-')), ...args);

  it('prints the listing of a journey, writes its HTML page and exits 0', async () => {
    const html = join(mkdtempSync(join(tmpdir(), 'doorstep-journey-html-')), 'cancel-ru.html');
    const { stdout } = await cli('--scenario', 'cancel', '--locale', 'ru', '--html', html);
    expect(stdout).toContain('Journey cancel (ru)');
    expect(stdout).toMatch(/email {2}cancellation {2}\[urgent\]/);
    expect(stdout).toContain('No violations.');
    expect(existsSync(html)).toBe(true);
    expect(readFileSync(html, 'utf8')).toContain('отменён');
  });

  it('refuses an unknown scenario with exit code 2, naming the ones there are', async () => {
    await expect(cli('--scenario', 'late', '--locale', 'en')).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining(`(one of: ${JOURNEY_SCENARIOS.join(', ')})`),
    });
  });

  it('speaks the shop’s own wording where it has one, with its version, in every locale with --locale all', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'doorstep-journey-shop-'));
    const store = await createStore(loadConfig({ DOORSTEP_DATA_DIR: dataDir }));
    const slot = { template: 'confirmation', locale: 'pl', channel: 'email' };
    await store.templates.put('demo', slot, { subject: 'Pierwsza wersja {orderId}', text: 'Stara {orderId}' }, 'ed');
    await store.templates.put('demo', slot, { subject: 'Demo ma {orderId}', text: 'Dziękujemy! {orderId}' }, 'ed');
    // Held by this process (as `npm start` would hold it): the journey says how to free it.
    await expect(cliIn(dataDir, '--scenario', 'cancel', '--locale', 'pl')).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('Stop `npm start`'),
    });
    await store.close();

    const dir = mkdtempSync(join(tmpdir(), 'doorstep-journey-all-'));
    const args = ['--scenario', 'cancel', '--locale', 'all', '--shop', 'demo', '--html', join(dir, 'cancel.html')];
    const { stdout } = await cliIn(dataDir, ...args);
    const listings = new Map(stdout.split(/(?=^Journey cancel )/m).map((l) => [/\((\w\w)\)/.exec(l)![1], l]));
    expect([...listings.keys()].sort()).toEqual([...JOURNEY_LOCALES].sort());
    expect(listings.get('pl')).toMatch(/email {2}confirmation {2}\[shop template v2\]\n {4}Subject: Demo ma J-\d+/);
    expect(listings.get('pl')).toMatch(/Dziękujemy! J-\d+/);
    for (const locale of JOURNEY_LOCALES.filter((l) => l !== 'pl'))
      expect(listings.get(locale), locale).not.toContain('shop template');
    expect(readdirSync(dir).sort()).toEqual(JOURNEY_LOCALES.map((l) => `cancel-${l}.html`).sort());
    expect(readFileSync(join(dir, 'cancel-pl.html'), 'utf8')).toContain('shop template v2');
    expect(readFileSync(join(dir, 'cancel-en.html'), 'utf8')).not.toContain('shop template');
  }, 300_000);
});

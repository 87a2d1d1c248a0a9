/**
 * The preview of a pickup-point chain, worked out without running it (test/scripts/journey.test.ts holds it to the
 * real chain): the reminder follows the shop's quiet hours and reminder hours, the daily cap can hold it past the
 * deadline (then it is dropped with the reason), and the shop's choice after an expiry is what the customer reads.
 */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { LOCKERS, orderOf, planFrom, previewOf } from '../../simulator/index';
import type { ChainModel, QueuedNotice } from '../../simulator/model';
import { schedule } from '../../simulator/schedule';
import { Shop } from '../../workflows/contract';

const shop = Shop.parse({ id: 'demo', name: 'Demo Shop', supportEmail: 'support@demo.example' });
/** A Monday, so the plan's days are the scenarios' own. */
const day0 = DateTime.fromISO('2026-11-23T00:00', { zone: 'Europe/Warsaw' });
const preview = (scenario: 'locker-reminder' | 'locker-expired', more: Partial<Shop> = {}) =>
  previewOf({ scenario, locale: 'pl', shop: { ...shop, ...more }, day0, baseUrl: 'http://localhost:8080' });
const reminders = (p: ReturnType<typeof preview>) =>
  p.notices.filter((n) => n.touchpoint.startsWith('pickup-reminder'));

describe('the preview of a locker chain', () => {
  it('moves a reminder that would fall in quiet hours to an hour before they start', () => {
    // The deadline is Friday 23:30: 24 h before it is Thursday 23:30, inside 22:00–07:00.
    const [reminder] = reminders(preview('locker-reminder', { quietHours: { start: '22:00', end: '07:00' } }));
    expect(reminder).toMatchObject({ localTime: 'czw. 26 lis 21:00', waits: [] });
    expect(reminder.dropped).toBeUndefined();
  });

  it('sends no reminder when the shop’s reminder hours are longer than the locker keeps the parcel', () => {
    expect(reminders(preview('locker-expired', { pickupReminderHours: 72 }))).toEqual([]);
    expect(reminders(preview('locker-expired', { pickupReminderHours: 47 }))).toMatchObject([
      { localTime: 'śr. 25 lis 12:30' },
    ]);
  });

  it('tells the customer what follows an expiry, as the shop set it', () => {
    const expired = (action: Shop['pickupExpiredAction']) =>
      preview('locker-expired', { pickupExpiredAction: action }).notices.find((n) => n.touchpoint === 'pickup-expired')!
        .forms[0].text;
    expect(expired('refund')).not.toBe(expired('return'));
    expect(expired('resend')).not.toBe(expired('refund'));
    expect(expired('return')).toContain(LOCKERS.pl.point.name);
  });

  it('shows a reminder the daily cap holds past the pickup deadline as dropped, with the wait and the reason', () => {
    // A locker filled in the evening, kept until 08:00: the reminder at 20:00 finds the day's one notice spent.
    const plan = planFrom({ scenario: 'locker', locale: 'pl', shop, orderId: 'P-1' }, Date.parse('2026-11-18T12:00Z'));
    const at = (day: number, hour: number) => plan.day0.plus({ days: day }).set({ hour }).toMillis();
    const queued = (key: 'ready-for-pickup' | 'pickup-reminder', queuedAt: number): QueuedNotice => ({
      key,
      revision: 1,
      template: key,
      facts: {},
      channels: ['email'],
      urgent: false,
      lane: 'calm',
      queuedAt,
    });
    const until = new Date(at(3, 8)).toISOString();
    const model: ChainModel = {
      order: orderOf(plan),
      notices: [queued('ready-for-pickup', at(2, 19)), queued('pickup-reminder', at(2, 20))],
      snapshots: [{ at: at(2, 19), stage: 'ready_for_pickup', courierCalled: false, pickupUntil: until }],
    };
    const [ready, reminder] = schedule(model, { ...shop, maxNoticesPerDay: 1 });
    expect(ready).toMatchObject({ key: 'ready-for-pickup', sentAt: at(2, 19) });
    expect(reminder.sentAt).toBeUndefined();
    expect(reminder).toMatchObject({
      key: 'pickup-reminder',
      dropped: { at: at(3, 9), reason: 'the pickup deadline has passed' },
      waits: [
        expect.stringMatching(/^daily cap \(1 a day\) reached: waits until \d{4}-\d\d-\d\d 09:00 Europe\/Warsaw$/),
      ],
    });
  });
});

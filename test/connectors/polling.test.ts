/** The pull connectors' adaptive intervals (each row) and how a refusal's wait is read. */
import { describe, expect, it } from 'vitest';
import { retryAfterMs } from '../../connectors/carriers/polling/answer';
import { nextPollAt, POLL_INTERVALS } from '../../connectors/carriers/polling/next-poll';

const NOW = new Date('2026-11-20T10:00:00Z');

describe('poll intervals', () => {
  it.each([
    ['not_found', 60],
    ['no_events', 60],
    ['handed_to_carrier', 120],
    ['in_transit', 240],
    ['arrived_in_city', 60],
    ['out_for_delivery', 20],
    ['delivery_failed', 60],
    ['exception', 60],
    ['carrier_status', 180],
  ] as const)('after %s the next poll is %i minutes on', (last, minutes) => {
    expect(nextPollAt(NOW, last).getTime() - NOW.getTime()).toBe(minutes * 60_000);
  });

  it('polls more often near the door than on the way', () => {
    expect(POLL_INTERVALS.out_for_delivery).toBeLessThan(POLL_INTERVALS.arrived_in_city);
    expect(POLL_INTERVALS.arrived_in_city).toBeLessThan(POLL_INTERVALS.in_transit);
  });

  it('shortens every interval by the configured scale', () => {
    expect(nextPollAt(NOW, 'in_transit', 0.01).getTime() - NOW.getTime()).toBe(144_000);
  });
});

describe('a refusal’s wait', () => {
  it.each([
    [{ 'retry-after': '30' }, 30_000],
    [{ 'retry-after': new Date(NOW.getTime() + 90_000).toUTCString() }, 90_000],
    [{ 'ratelimit-reset': '12' }, 12_000],
    [{}, undefined],
  ])('%j waits %s ms', (headers, ms) => {
    expect(retryAfterMs(new Headers(headers), NOW.getTime())).toBe(ms);
  });
});

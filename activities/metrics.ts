/** The worker's notice metrics (prom-client). Labels are bounded: channel, touchpoint id, outcome. */
import { Counter, Histogram, type Registry } from 'prom-client';

export type NoticeMetrics = ReturnType<typeof build>;

function build(registry: Registry) {
  const registers = [registry];
  return {
    notices: new Counter({
      name: 'doorstep_notices_total',
      help: 'Notice send attempts by channel, touchpoint and outcome (sent, reused, failed, retried, suppressed)',
      labelNames: ['channel', 'touchpoint', 'outcome'] as const,
      registers,
    }),
    fallbacks: new Counter({
      name: 'doorstep_notice_fallbacks_total',
      help: 'Notices that went out on a later channel after an earlier one failed for good',
      labelNames: ['from', 'to'] as const,
      registers,
    }),
    deferrals: new Counter({
      name: 'doorstep_notice_deferrals_total',
      help: 'Non-urgent notices held back, by reason (quiet_hours, daily_cap)',
      labelNames: ['touchpoint', 'reason'] as const,
      registers,
    }),
    sendSeconds: new Histogram({
      name: 'doorstep_notice_send_seconds',
      help: "Time a provider took to accept a notice",
      labelNames: ['channel'] as const,
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
  };
}

const cache = new WeakMap<Registry, NoticeMetrics>();

/** The notice metrics of a registry, created once per registry. */
export function noticeMetrics(registry: Registry): NoticeMetrics {
  let metrics = cache.get(registry);
  if (!metrics) cache.set(registry, (metrics = build(registry)));
  return metrics;
}

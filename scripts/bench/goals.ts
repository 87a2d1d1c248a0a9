/** The goals, checked against a result. */
import type { BenchResult, Goal } from './model';
import { fixed } from './svg';

const f = (v: number, digits = 2) => fixed(v, digits);

export function goalsOf(r: BenchResult): Goal[] {
  const half = (sys: BenchResult['doorstep']) => sys.latency.find((l) => l.fraction === 0.5)?.eventToSend.p99 ?? NaN;
  const { history } = r.doorstep;
  const notices = r.doorstep.notices;
  const lost = notices ? notices.email.lost + notices.sms.lost : NaN;
  const duplicated = notices ? notices.email.duplicated + notices.sms.duplicated : NaN;
  return [
    {
      name: 'Throughput T (Doorstep / skeleton orders/s at saturation)',
      target: '≥ 0.9',
      value: f(r.ratios.throughput),
      met: r.ratios.throughput >= 0.9,
    },
    {
      name: 'CPU-ms per order, Doorstep / skeleton',
      target: '≤ 1.15',
      value: f(r.ratios.cpuPerOrder),
      met: r.ratios.cpuPerOrder <= 1.15,
    },
    {
      name: 'Event → send-start p99 at 50% of the knee',
      target: `≤ skeleton p99 + 20 ms (${f(half(r.skeleton) + 20, 1)} ms)`,
      value: `${f(half(r.doorstep), 1)} ms`,
      met: half(r.doorstep) <= half(r.skeleton) + 20,
    },
    {
      name: 'Worker RSS per cached chain',
      target: '≤ 0.5 MB',
      value: `${f(r.doorstep.workerRssPerCachedChainMB, 3)} MB`,
      met: r.doorstep.workerRssPerCachedChainMB <= 0.5,
    },
    {
      name: 'History events per order',
      target: '≤ 150',
      value: f(history.eventsPerOrder, 0),
      met: history.eventsPerOrder <= 150,
    },
    {
      name: 'History bytes per order',
      target: '≤ 64 KB',
      value: `${f(history.bytesPerOrder / 1024, 1)} KB`,
      met: history.bytesPerOrder <= 64 * 1024,
    },
    { name: 'Lost notices', target: '0', value: f(lost, 0), met: lost === 0 },
    { name: 'Duplicated notices', target: '0', value: f(duplicated, 0), met: duplicated === 0 },
  ];
}

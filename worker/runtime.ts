/**
 * The Temporal SDK runtime of a worker process, installed once before its first connection: the
 * SDK's own logs (and the workflows' `log`, with their workflow ids) go through Doorstep's logger
 * as scrubbed JSON lines; its metrics (task slots, pollers, schedule-to-start latencies…) are served
 * for Prometheus on `sdkMetricsPort`.
 */
import { DefaultLogger, Runtime, type LogLevel } from '@temporalio/worker';
import { logger } from '../common/logger';

const LEVELS: Record<string, LogLevel> = { trace: 'TRACE', debug: 'DEBUG', info: 'INFO', warn: 'WARN' };
const METHODS = { TRACE: 'trace', DEBUG: 'debug', INFO: 'info', WARN: 'warn', ERROR: 'error' } as const;
// The SDK's default buckets jump from 0.1 s to 0.5 s: finer ones let "p99 above 200 ms" be read exactly.
const SCHEDULE_TO_START = [0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.5, 1, 2.5, 5, 10, 60];

export function installRuntime(sdkMetricsPort: number): void {
  Runtime.install({
    logger: new DefaultLogger(LEVELS[logger.level] ?? 'ERROR', ({ level, message, meta }) =>
      logger[METHODS[level]]({ ...meta }, message),
    ),
    telemetryOptions: {
      logging: { forward: {}, filter: { core: 'WARN', other: 'ERROR' } },
      metrics: {
        prometheus: {
          bindAddress: `0.0.0.0:${sdkMetricsPort}`,
          countersTotalSuffix: true,
          unitSuffix: true,
          useSecondsForDurations: true,
          histogramBucketOverrides: {
            workflow_task_schedule_to_start_latency: SCHEDULE_TO_START,
            activity_schedule_to_start_latency: SCHEDULE_TO_START,
          },
        },
      },
    },
  });
}

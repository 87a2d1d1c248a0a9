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

export function installRuntime(sdkMetricsPort: number): void {
  Runtime.install({
    logger: new DefaultLogger(LEVELS[logger.level] ?? 'ERROR', ({ level, message, meta }) => logger[METHODS[level]]({ ...meta }, message)),
    telemetryOptions: {
      logging: { forward: {}, filter: { core: 'WARN', other: 'ERROR' } },
      metrics: { prometheus: { bindAddress: `0.0.0.0:${sdkMetricsPort}`, countersTotalSuffix: true, unitSuffix: true, useSecondsForDurations: true } },
    },
  });
}

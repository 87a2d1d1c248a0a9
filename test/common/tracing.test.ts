/** Tracing is off by default and follows the standard OTEL_* variables (the traces themselves: test/ops/observability.test.ts). */
import { describe, expect, it } from 'vitest';
import { startTracing, tracingRequested } from '../../common/tracing';

describe('tracing', () => {
  it.each([
    [{}, false],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318' }, true],
    [{ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://127.0.0.1:4318/v1/traces' }, true],
    [{ OTEL_TRACES_EXPORTER: 'console' }, true],
    [{ OTEL_TRACES_EXPORTER: 'none', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318' }, false],
    [{ OTEL_SDK_DISABLED: 'true', OTEL_TRACES_EXPORTER: 'otlp' }, false],
    [{ OTEL_SERVICE_NAME: 'doorstep' }, false],
  ])('with %o is %s', (env, on) => {
    expect(tracingRequested(env)).toBe(on);
  });

  it('sets nothing up when off, and names what it cannot export to', async () => {
    expect(await startTracing('doorstep-test', {})).toBeUndefined();
    await expect(startTracing('doorstep-test', { OTEL_TRACES_EXPORTER: 'zipkin' })).rejects.toThrow(
      /zipkin is not supported: use otlp, console or none/,
    );
    await expect(
      startTracing('doorstep-test', { OTEL_TRACES_EXPORTER: 'otlp', OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' }),
    ).rejects.toThrow(/grpc is not supported/);
  });
});

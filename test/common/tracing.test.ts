/**
 * Tracing is off by default and follows the standard OTEL_* variables (the traces themselves:
 * test/ops/observability.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { tracingSettings } from '../../common/config';
import { startTracing } from '../../common/tracing';

describe('tracing', () => {
  it.each([
    [{}, undefined],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318' }, { exporter: 'otlp', protocol: 'http/protobuf' }],
    [
      {
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://127.0.0.1:4318/v1/traces',
        OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      },
      { exporter: 'otlp', protocol: 'http/json' },
    ],
    [
      {
        OTEL_TRACES_EXPORTER: 'otlp',
        OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc',
        OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: ' http/json ',
      },
      { exporter: 'otlp', protocol: 'http/json' },
    ],
    [{ OTEL_TRACES_EXPORTER: ' Console ' }, { exporter: 'console', protocol: 'http/protobuf' }],
    [{ OTEL_TRACES_EXPORTER: 'none', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318' }, undefined],
    [{ OTEL_SDK_DISABLED: 'true', OTEL_TRACES_EXPORTER: 'otlp' }, undefined],
    [{ OTEL_SERVICE_NAME: 'doorstep' }, undefined],
  ])('with %o asks for %o', (env, settings) => {
    expect(tracingSettings(env)).toEqual(settings);
  });

  it('sets nothing up when off, and names what it cannot export to', async () => {
    expect(await startTracing('doorstep-test', undefined)).toBeUndefined();
    await expect(startTracing('doorstep-test', tracingSettings({ OTEL_TRACES_EXPORTER: 'zipkin' }))).rejects.toThrow(
      /zipkin is not supported: use otlp, console or none/,
    );
    await expect(
      startTracing(
        'doorstep-test',
        tracingSettings({ OTEL_TRACES_EXPORTER: 'otlp', OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' }),
      ),
    ).rejects.toThrow(/grpc is not supported/);
  });
});

/**
 * What the environment asks of logs and traces: LOG_LEVEL, and the standard OTEL_* variables that
 * turn tracing on (OTEL_TRACES_EXPORTER naming `otlp` or `console`, or an OTLP endpoint;
 * OTEL_SDK_DISABLED=true keeps it off whatever else is set). The OpenTelemetry packages read the
 * rest themselves (endpoint, headers, sampler, propagators, resource, batch processor).
 */

type Env = Record<string, string | undefined>;

/** The level of the process logger (LOG_LEVEL, else info); read when the logger is made, before any configuration. */
export function logLevel(env: Env = process.env): string {
  return env.LOG_LEVEL ?? 'info';
}

/** The exporter and OTLP protocol traces go to, as the environment names them (checked when tracing starts). */
export interface TracingSettings {
  exporter: string;
  protocol: string;
}

/** The tracing the environment asks for; undefined when it asks for none. */
export function tracingSettings(env: Env): TracingSettings | undefined {
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true') return undefined;
  const exporter = env.OTEL_TRACES_EXPORTER?.trim().toLowerCase() || undefined;
  if (exporter === 'none') return undefined;
  if (!exporter && !(env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim() || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim()))
    return undefined;
  const protocol = env.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL ?? env.OTEL_EXPORTER_OTLP_PROTOCOL ?? 'http/protobuf';
  return { exporter: exporter ?? 'otlp', protocol: protocol.trim() };
}

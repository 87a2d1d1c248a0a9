/**
 * OpenTelemetry tracing, off unless the standard OTEL_* environment turns it on: OTEL_TRACES_EXPORTER
 * naming `otlp` or `console`, or an OTLP endpoint (OTEL_EXPORTER_OTLP_ENDPOINT or
 * OTEL_EXPORTER_OTLP_TRACES_ENDPOINT); OTEL_SDK_DISABLED=true keeps it off whatever else is set.
 * When on, the OpenTelemetry packages read the rest themselves: the exporter its endpoint, headers,
 * timeout and compression; the batch processor OTEL_BSP_*; the provider the sampler
 * (OTEL_TRACES_SAMPLER) and propagators (OTEL_PROPAGATORS); the resource OTEL_SERVICE_NAME and
 * OTEL_RESOURCE_ATTRIBUTES. Only the protocol is read here (http/protobuf, the default, or
 * http/json). When off, no tracer provider, exporter or processor is set up.
 */
import type { Resource } from '@opentelemetry/resources';
import type { SpanExporter, SpanProcessor } from '@opentelemetry/sdk-trace-base';

export interface Tracing {
  /** Where the workflows' spans go too (the Temporal worker's span sink). */
  spanProcessor: SpanProcessor;
  resource: Resource;
  /** Exports what is left and stops; called before the process exits. */
  shutdown(): Promise<void>;
}

type Env = Record<string, string | undefined>;

const exporterOf = (env: Env) => env.OTEL_TRACES_EXPORTER?.trim().toLowerCase() || undefined;

/** Whether the environment asks for traces. */
export function tracingRequested(env: Env = process.env): boolean {
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true') return false;
  const exporter = exporterOf(env);
  if (exporter) return exporter !== 'none';
  return Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim() || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim());
}

async function spanExporter(env: Env): Promise<SpanExporter> {
  const exporter = exporterOf(env) ?? 'otlp';
  if (exporter === 'console') return new (await import('@opentelemetry/sdk-trace-base')).ConsoleSpanExporter();
  if (exporter !== 'otlp')
    throw new Error(`OTEL_TRACES_EXPORTER=${exporter} is not supported: use otlp, console or none`);
  const protocol = (
    env.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL ??
    env.OTEL_EXPORTER_OTLP_PROTOCOL ??
    'http/protobuf'
  ).trim();
  if (protocol === 'http/protobuf')
    return new (await import('@opentelemetry/exporter-trace-otlp-proto')).OTLPTraceExporter();
  if (protocol === 'http/json')
    return new (await import('@opentelemetry/exporter-trace-otlp-http')).OTLPTraceExporter();
  throw new Error(`OTLP protocol ${protocol} is not supported: use http/protobuf or http/json`);
}

/**
 * Registers the process's tracer provider (context kept across awaits, W3C propagation) when the
 * environment asks for tracing; `service` names the process unless OTEL_SERVICE_NAME does.
 */
export async function startTracing(service: string, env: Env = process.env): Promise<Tracing | undefined> {
  if (!tracingRequested(env)) return undefined;
  const [{ NodeTracerProvider }, { BatchSpanProcessor }, resources] = await Promise.all([
    import('@opentelemetry/sdk-trace-node'),
    import('@opentelemetry/sdk-trace-base'),
    import('@opentelemetry/resources'),
  ]);
  const spanProcessor = new BatchSpanProcessor(await spanExporter(env));
  const resource = resources.Resource.default()
    .merge(new resources.Resource({ 'service.name': service }))
    .merge(
      resources.detectResourcesSync({
        detectors: [resources.envDetectorSync, resources.processDetectorSync, resources.hostDetectorSync],
      }),
    );
  const provider = new NodeTracerProvider({
    resource,
    mergeResourceWithDefaults: false,
    spanProcessors: [spanProcessor],
  });
  provider.register();
  return { spanProcessor, resource, shutdown: () => provider.shutdown() };
}

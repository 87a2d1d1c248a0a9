/**
 * OpenTelemetry tracing, off unless the standard OTEL_* environment turns it on (read by the
 * configuration: config.tracing). When on, the OpenTelemetry packages read the rest themselves: the
 * exporter its endpoint, headers, timeout and compression; the batch processor OTEL_BSP_*; the
 * provider the sampler (OTEL_TRACES_SAMPLER) and propagators (OTEL_PROPAGATORS); the resource
 * OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES. When off, no tracer provider, exporter or processor is set up.
 */
import type { Resource } from '@opentelemetry/resources';
import type { SpanExporter, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { TracingSettings } from './config/observability';

export interface Tracing {
  /** Where the workflows' spans go too (the Temporal worker's span sink). */
  spanProcessor: SpanProcessor;
  resource: Resource;
  /** Exports what is left and stops; called before the process exits. */
  shutdown(): Promise<void>;
}

/** The exporter `settings` name: otlp (over http/protobuf, the default, or http/json) or console. */
async function spanExporter({ exporter, protocol }: TracingSettings): Promise<SpanExporter> {
  if (exporter === 'console') return new (await import('@opentelemetry/sdk-trace-base')).ConsoleSpanExporter();
  if (exporter !== 'otlp')
    throw new Error(`OTEL_TRACES_EXPORTER=${exporter} is not supported: use otlp, console or none`);
  if (protocol === 'http/protobuf')
    return new (await import('@opentelemetry/exporter-trace-otlp-proto')).OTLPTraceExporter();
  if (protocol === 'http/json')
    return new (await import('@opentelemetry/exporter-trace-otlp-http')).OTLPTraceExporter();
  throw new Error(`OTLP protocol ${protocol} is not supported: use http/protobuf or http/json`);
}

/**
 * Registers the process's tracer provider (context kept across awaits, W3C propagation) when the
 * configuration asks for tracing; `service` names the process unless OTEL_SERVICE_NAME does.
 */
export async function startTracing(service: string, settings?: TracingSettings): Promise<Tracing | undefined> {
  if (!settings) return undefined;
  const [{ NodeTracerProvider }, { BatchSpanProcessor }, resources] = await Promise.all([
    import('@opentelemetry/sdk-trace-node'),
    import('@opentelemetry/sdk-trace-base'),
    import('@opentelemetry/resources'),
  ]);
  const spanProcessor = new BatchSpanProcessor(await spanExporter(settings));
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

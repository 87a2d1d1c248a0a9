/**
 * The workflows' OpenTelemetry interceptors (a workflow interceptor module, bundled with the
 * workflows when tracing is on; they change no command, so a chain replays the same with or without
 * them, and tracing can be turned on or off under running chains). Same spans and `_tracer-data` header as
 * the package's own module
 * (`@temporalio/interceptors-opentelemetry/lib/workflow-interceptors`), with its in-sandbox tracer
 * and `exporter` sink, but built so that histories replay the same with or without it:
 * - no extra microtasks: each interceptor returns the very promise `next` returned and ends its span
 *   beside it (the package's awaits delay activity results and handler completions by a few turns,
 *   which reorders commands against concurrent Updates on replay);
 * - no draw from the workflow's random numbers: span ids come from a random stream of their own (the
 *   package's ids use Math.random, which shifts every later uuid4() of the workflow);
 * - nothing at all for a workflow started without a trace (tracing off in the API): no tracer, no span.
 */
import * as otel from '@opentelemetry/api';
import {
  OpenTelemetryInternalsInterceptor,
  OpenTelemetryOutboundInterceptor,
} from '@temporalio/interceptors-opentelemetry/lib/workflow';
import {
  extractContextFromHeaders,
  headersWithContext,
  TRACE_HEADER,
  UPDATE_ID_ATTR_KEY,
} from '@temporalio/interceptors-opentelemetry/lib/instrumentation';
import type { Headers } from '@temporalio/common';
import {
  ContinueAsNew,
  getRandomStream,
  workflowInfo,
  type ActivityInput,
  type ContinueAsNewInput,
  type GetLogAttributesInput,
  type Next,
  type SignalInput,
  type SignalWorkflowInput,
  type StartChildWorkflowExecutionInput,
  type UpdateInput,
  type WorkflowExecuteInput,
  type WorkflowInboundCallsInterceptor,
  type WorkflowInterceptors,
  type WorkflowOutboundCallsInterceptor,
} from '@temporalio/workflow';

const IDS = 'doorstep/trace-ids';
type In = WorkflowInboundCallsInterceptor;
type Out = WorkflowOutboundCallsInterceptor;

let tracer: otel.Tracer | undefined;
/**
 * The package's in-sandbox tracer, whose spans leave through the `exporter` sink (a protected field of its
 * interceptor).
 */
const sandboxTracer = () =>
  (tracer ??= (new OpenTelemetryOutboundInterceptor() as unknown as { tracer: otel.Tracer }).tracer);

const isContinueAsNew = (err: unknown) => err instanceof ContinueAsNew;

/** The trace a message carries in its headers, or undefined when it was sent outside any trace. */
function carried(headers: Headers): otel.Context | undefined {
  if (!headers[TRACE_HEADER]) return undefined;
  sandboxTracer(); // first: creating it registers the propagator that reads the header
  return extractContextFromHeaders(headers);
}

function end(span: otel.Span, err?: unknown, expected?: (err: unknown) => boolean): void {
  if (err !== undefined && !expected?.(err)) {
    span.recordException(err as Error);
    span.setStatus({ code: otel.SpanStatusCode.ERROR, message: err instanceof Error ? err.message : String(err) });
  } else span.setStatus({ code: otel.SpanStatusCode.OK });
  span.end();
}

/**
 * Runs `fn` in a new span (child of `parent`, else of the active one; none outside a trace); answers fn's own
 * promise.
 */
function traced<T>(
  name: string,
  parent: otel.Context | undefined,
  fn: () => Promise<T>,
  expected?: (err: unknown) => boolean,
  attributes?: otel.Attributes,
): Promise<T> {
  const ctx = parent ?? otel.context.active();
  if (!otel.trace.getSpan(ctx)) return fn();
  const span = getRandomStream(IDS).with(() => sandboxTracer().startSpan(name, { attributes }, ctx));
  let result: Promise<T>;
  try {
    result = otel.context.with(otel.trace.setSpan(ctx, span), fn);
  } catch (err) {
    end(span, err, expected);
    throw err;
  }
  result.then(
    () => end(span),
    (err) => end(span, err, expected),
  );
  return result;
}

class Inbound implements In {
  execute(input: WorkflowExecuteInput, next: Next<In, 'execute'>): Promise<unknown> {
    return traced(
      `RunWorkflow:${workflowInfo().workflowType}`,
      carried(input.headers),
      () => next(input),
      isContinueAsNew,
    );
  }
  handleSignal(input: SignalInput, next: Next<In, 'handleSignal'>): Promise<void> {
    return traced(`HandleSignal:${input.signalName}`, carried(input.headers), () => next(input));
  }
  handleUpdate(input: UpdateInput, next: Next<In, 'handleUpdate'>): Promise<unknown> {
    return traced(`HandleUpdate:${input.name}`, carried(input.headers), () => next(input), undefined, {
      [UPDATE_ID_ATTR_KEY]: input.updateId,
    });
  }
}

class Outbound implements Out {
  scheduleActivity(input: ActivityInput, next: Next<Out, 'scheduleActivity'>): Promise<unknown> {
    return traced(`StartActivity:${input.activityType}`, undefined, () =>
      next({ ...input, headers: headersWithContext(input.headers) }),
    );
  }
  startChildWorkflowExecution(
    input: StartChildWorkflowExecutionInput,
    next: Next<Out, 'startChildWorkflowExecution'>,
  ): Promise<[Promise<string>, Promise<unknown>]> {
    return traced(`StartChildWorkflow:${input.workflowType}`, undefined, () =>
      next({ ...input, headers: headersWithContext(input.headers) }),
    );
  }
  signalWorkflow(input: SignalWorkflowInput, next: Next<Out, 'signalWorkflow'>): Promise<void> {
    return traced(`SignalWorkflow:${input.signalName}`, undefined, () =>
      next({ ...input, headers: headersWithContext(input.headers) }),
    );
  }
  continueAsNew(input: ContinueAsNewInput, next: Next<Out, 'continueAsNew'>): Promise<never> {
    return traced(
      `ContinueAsNew:${input.options.workflowType}`,
      undefined,
      () => next({ ...input, headers: headersWithContext(input.headers) }),
      isContinueAsNew,
    );
  }
  /** The workflow's log lines carry the trace they belong to. */
  getLogAttributes(input: GetLogAttributesInput, next: Next<Out, 'getLogAttributes'>): Record<string, unknown> {
    const span = otel.trace.getSpan(otel.context.active())?.spanContext();
    if (!span || !otel.isSpanContextValid(span)) return next(input);
    return next({ trace_id: span.traceId, span_id: span.spanId, ...input });
  }
}

export const interceptors = (): WorkflowInterceptors => ({
  inbound: [new Inbound()],
  outbound: [new Outbound()],
  internals: [new OpenTelemetryInternalsInterceptor()],
});

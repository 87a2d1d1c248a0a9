/**
 * What an operator sees, end to end: the API and the worker run as their own processes (as `npm run
 * api` and `npm run worker`) on the dev server and PostgreSQL, with a real SMTP server and the local
 * Twilio endpoint; a real Prometheus scrapes both (and the worker's Temporal SDK telemetry) while
 * a few chains run, loads the alert rules, and is asked over its HTTP API what it saw. The processes'
 * log lines are read back: JSON, addresses masked, workflow and request ids present. Tracing is on
 * (OTEL_* pointing at a loopback OTLP receiver): one trace runs from a request to the notice it sent.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import pg from 'pg';
import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../../common/config';
import { dataConverterOf } from '../../common/temporal';
import { freePort } from '../../scripts/free-port';
import { answers, node, type NodeProcess } from '../../scripts/node-process';
import { chainWorkflowId } from '../../workflows/definitions';
import { trackingStagesOf } from '../../workflows/stages';
import { waitForState } from '../helpers/chains';
import { onTimePath, orderBody, shop } from '../helpers/fixtures';
import { otlpCollector, type OtlpCollector, type ReceivedSpan } from '../helpers/otlp-collector';
import { startPrometheus, type Prometheus } from '../helpers/prometheus';
import { smtpSink, type SmtpSink } from '../helpers/smtp-sink';
import { TWILIO_TOKEN, twilioEndpoint, twilioEnv, type TwilioEndpoint } from '../helpers/twilio-endpoint';
import { dashboardQueries } from './dashboard-queries';

const SHOP = 'obs';
const KEY = `obs_${randomBytes(12).toString('hex')}`;
const EMAIL = 'watched.customer@example.com';
const PHONE = '+48600111222';
const dir = mkdtempSync(join(tmpdir(), 'doorstep-obs-'));
const logFile = join(dir, 'processes.log');

let smtp: SmtpSink;
let twilioApi: TwilioEndpoint;
let prometheus: Prometheus;
let collector: OtlpCollector;
let processes: NodeProcess[] = [];
let client: Client;
let api: string;
const orders = { delivered: orderBody(), cancelled: orderBody(), moving: orderBody() };
const workflowId = (o: { orderId: string }) => chainWorkflowId(SHOP, o.orderId);

const call = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${api}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

/** Sends each event of an order, expecting `status` for each. */
async function events(o: { orderId: string }, list: unknown[], status = 202): Promise<void> {
  for (const e of list) expect((await call(`/v1/orders/${o.orderId}/events`, e)).status).toBe(status);
}

/** The value of `expr` now, a query answering one series (0 when it answers none). */
async function value(expr: string): Promise<number> {
  const series = await prometheus.query(expr);
  return series.length ? series[0].value : 0;
}

/** A database of this file's own on the run's PostgreSQL: the stage counts and sids it checks are its alone. */
async function freshDatabase(): Promise<string> {
  const url = new URL(inject('databaseUrl'));
  const name = `obs_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url.href });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  url.pathname = `/${name}`;
  return url.href;
}

beforeAll(async () => {
  [smtp, twilioApi, collector] = await Promise.all([smtpSink(), twilioEndpoint(), otlpCollector()]);
  const [apiPort, metricsPort, sdkMetricsPort] = [await freePort(), await freePort(), await freePort()];
  api = `http://127.0.0.1:${apiPort}`;
  const config = join(dir, 'doorstep.json');
  const apiKey = {
    key: KEY,
    shop: SHOP,
    scopes: ['orders:write', 'chains:read', 'chains:act'],
    requestsPerMinute: 100_000,
  };
  writeFileSync(config, JSON.stringify({ shops: [shop({ id: SHOP, feedbackWindowDays: 0 })], apiKeys: [apiKey] }));
  const env = {
    DOORSTEP_CONFIG: config,
    DOORSTEP_DATA_DIR: join(dir, 'data'),
    DOORSTEP_SECRET: randomBytes(24).toString('base64url'),
    DOORSTEP_TASK_QUEUE: `obs-${randomBytes(4).toString('hex')}`,
    TEMPORAL_ADDRESS: inject('temporalAddress'),
    DATABASE_URL: await freshDatabase(),
    SMTP_URL: smtp.url,
    ...twilioEnv(twilioApi),
    PORT: String(apiPort),
    PUBLIC_BASE_URL: api,
    METRICS_PORT: String(metricsPort),
    SDK_METRICS_PORT: String(sdkMetricsPort),
    LOG_LEVEL: 'info',
    OTEL_EXPORTER_OTLP_ENDPOINT: collector.url,
    OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
    OTEL_BSP_SCHEDULE_DELAY: '200',
  };
  const worker = node('worker/main.ts', env, answers(`http://127.0.0.1:${metricsPort}/metrics`), { logFile });
  processes = await Promise.all([worker, node('api/main.ts', env, answers(`${api}/healthz`), { logFile })]);
  const targets = {
    'doorstep-api': `127.0.0.1:${apiPort}`,
    'doorstep-worker': `127.0.0.1:${metricsPort}`,
    'temporal-sdk': `127.0.0.1:${sdkMetricsPort}`,
  };
  prometheus = await startPrometheus(targets, ['ops/prometheus/alerts.yml']);
  client = new Client({
    connection: await Connection.connect({ address: inject('temporalAddress') }),
    dataConverter: dataConverterOf(loadConfig(env)),
  });

  // One order delivered on time (by email), one cancelled (email), one still moving (by SMS).
  const customer = (channels: string[]) => ({ ...orders.delivered.customer, email: EMAIL, phone: PHONE, channels });
  for (const [o, channels] of [
    [orders.delivered, ['email']],
    [orders.cancelled, ['email']],
    [orders.moving, ['sms']],
  ] as const) {
    const placed = await call('/v1/orders', { ...o, customer: customer([...channels]) });
    expect(placed.status).toBe(201);
  }
  const path = onTimePath();
  await events(orders.delivered, path);
  await events(orders.delivered, path.slice(0, 1), 200);
  await events(orders.cancelled, path.slice(0, 1));
  expect(
    (await call(`/v1/orders/${orders.cancelled.orderId}/actions/cancel`, { reason: 'changed their mind' })).status,
  ).toBe(202);
  await events(orders.moving, onTimePath().slice(0, 3));
  await events(orders.moving, [{ eventId: 'x', type: 'no_such_type', at: new Date().toISOString() }], 400);
  await events(orders.moving, [{ ...onTimePath()[6], type: 'return_requested', data: {} }], 409);
  await Promise.all([orders.delivered, orders.cancelled].map((o) => client.workflow.getHandle(workflowId(o)).result()));
  // The moving order's confirmation and tracking texts went out; Twilio reports the first delivered.
  await waitForState(
    client.workflow.getHandle(workflowId(orders.moving)),
    (s) => s.touchpoints.filter((t) => t.notices.some((n) => n.status === 'sent')).length === 2,
  );
  expect(twilioApi.taken).toHaveLength(2);
  const form = { MessageSid: twilioApi.taken[0].sid, MessageStatus: 'delivered' };
  const signature = twilio.getExpectedTwilioSignature(TWILIO_TOKEN, `${api}/webhooks/twilio/status`, form);
  const receipt = await fetch(`${api}/webhooks/twilio/status`, {
    method: 'POST',
    headers: { 'x-twilio-signature': signature },
    body: new URLSearchParams(form),
  });
  expect(receipt.status).toBe(204);
}, 240_000);

afterAll(async () => {
  await client?.workflow
    .getHandle(workflowId(orders.moving))
    .terminate('test over')
    .catch(() => undefined);
  await client?.connection.close();
  await Promise.all(processes.map((p) => p.stop()));
  await prometheus?.stop();
  await Promise.all([smtp?.close(), twilioApi?.close(), collector?.close()]);
});

describe('Prometheus scraping the API and the worker', () => {
  it('scrapes all three targets, and every alert rule loads and evaluates', async () => {
    await expect
      .poll(() => prometheus.query('up == 1').then((s) => s.map((x) => x.labels.job).sort()), { timeout: 20_000 })
      .toEqual(['doorstep-api', 'doorstep-worker', 'temporal-sdk']);
    const rules = async () =>
      (
        await prometheus.api<{ groups: { rules: { name: string; health: string; lastError?: string }[] }[] }>(
          '/api/v1/rules',
        )
      ).groups.flatMap((g) => g.rules);
    const alerts = readFileSync('ops/prometheus/alerts.yml', 'utf8').match(/^\s*- alert: /gm)!.length;
    expect((await rules()).length).toBe(alerts);
    // A rule's health is "unknown" until it was first evaluated, "err" with its error if it cannot be.
    await expect.poll(async () => (await rules()).filter((r) => r.health !== 'ok'), { timeout: 20_000 }).toEqual([]);
  });

  it("counts every notice the providers took, the chains' lifecycle and stages, events and receipts", async () => {
    // Scraped every second: poll until the last scrape has seen the end of the run.
    const expected = {
      'sum(doorstep_notices_total{outcome="sent",channel="email"})': smtp.received.length,
      'sum(doorstep_notices_total{outcome="sent",channel="sms"})': twilioApi.taken.length,
      'sum(doorstep_chains_started_total)': 3,
      'sum(doorstep_chains_completed_total)': 1,
      'sum(doorstep_chains_cancelled_total)': 1,
      // Every open stage is reported (the pickup line's ready_for_pickup too), 0 where no chain is: only the
      // moving order is open.
      'count(doorstep_chains_in_stage)': 10,
      'sum(doorstep_chains_in_stage)': 1,
      'max(doorstep_chains_in_stage{stage="in_transit"})': 1,
      'sum(doorstep_deliveries_total{carrier="dpd",on_time="true"})': 1,
      'sum(doorstep_events_total{source="api",outcome="accepted"})': 7 + 1 + 3,
      'sum(doorstep_events_total{source="api",outcome="duplicate"})': 1,
      'sum(doorstep_events_total{source="api",outcome="rejected"})': 2,
      'count(doorstep_events_total{source="webhook"})': 4,
      'sum(doorstep_delivery_receipts_total{channel="sms",status="delivered"})': 1,
      'sum(doorstep_api_request_duration_seconds_count{route="/v1/orders",method="POST",status="201"})': 3,
    };
    // Each chain's email notices: confirmation … closing for the delivered one, confirmation and cancellation
    // for the other.
    expect(smtp.received.length).toBeGreaterThanOrEqual(6);
    await expect
      .poll(
        async () => Object.fromEntries(await Promise.all(Object.keys(expected).map(async (q) => [q, await value(q)]))),
        { timeout: 30_000, interval: 1000 },
      )
      .toEqual(expected);
  });

  it("exports the Temporal SDK's worker metrics: schedule-to-start, slots, pollers", async () => {
    const queue = { task_queue: expect.stringMatching(/^obs-/) };
    const [scheduleToStart] = await prometheus.query(
      'temporal_workflow_task_schedule_to_start_latency_seconds_count{task_queue=~"obs-.*"}',
    );
    expect(scheduleToStart).toMatchObject({ labels: queue });
    expect(scheduleToStart.value).toBeGreaterThan(10);
    // The buckets the 200 ms alert reads exactly (the SDK's own jump from 100 ms to 500 ms).
    const buckets = await prometheus.query(
      'temporal_workflow_task_schedule_to_start_latency_seconds_bucket{task_queue=~"obs-.*"}',
    );
    expect(buckets.map((b) => b.labels.le)).toEqual(expect.arrayContaining(['0.1', '0.2', '0.5']));
    const slots = await prometheus.query('temporal_worker_task_slots_available{task_queue=~"obs-.*"}');
    expect(slots.map((s) => s.labels.worker_type).sort()).toEqual([
      'ActivityWorker',
      'LocalActivityWorker',
      'WorkflowWorker',
    ]);
    expect(await value('sum(temporal_num_pollers{poller_type="workflow_task",task_queue=~"obs-.*"})')).toBeGreaterThan(
      0,
    );
    expect(await value('sum(temporal_activity_execution_latency_seconds_count{task_queue=~"obs-.*"})')).toBeGreaterThan(
      10,
    );
  });

  it('answers every query of the Grafana dashboard without a PromQL error', async () => {
    const queries = dashboardQueries();
    expect(queries.length).toBeGreaterThan(15);
    const failed: string[] = [];
    for (const { panel, expr } of queries)
      await prometheus.query(expr).catch((err: Error) => failed.push(`${panel}: ${err.message}`));
    expect(failed).toEqual([]);
  });
});

describe('the processes’ logs', () => {
  const lines = () =>
    readFileSync(logFile, 'utf8')
      .split('\n')
      .filter((l) => l.trim());

  it('are JSON lines, and carry no full email address or phone number', () => {
    const all = lines();
    expect(all.filter((l) => !l.startsWith('{'))).toEqual([]);
    const text = all.join('\n');
    expect(text).not.toContain(EMAIL);
    expect(text).not.toContain(PHONE);
    expect(text).toContain('w***@example.com');
    expect(text).toContain('+48******222');
  });

  it('name the workflow of each notice and stage, and the id of each request', async () => {
    const parsed = lines().map((l) => JSON.parse(l) as Record<string, unknown>);
    const id = workflowId(orders.delivered);
    const sent = parsed.filter((l) => l.msg === 'notice sent' && l.workflowId === id).map((l) => l.touchpoint);
    expect(sent).toEqual(expect.arrayContaining(['confirmation', 'handover', 'closing']));
    const moved = parsed.filter((l) => l.msg === 'chain moved on' && l.workflowId === id).map((l) => l.stage);
    // Every stage of the home line after 'accepted' (where the chain starts), then the close.
    expect(moved).toEqual([...trackingStagesOf('home').slice(1), 'closed']);

    const response = await call(`/v1/orders/${orders.moving.orderId}/events`, onTimePath()[0], {
      'x-request-id': 'obs-request-1',
    });
    expect(response.headers.get('x-request-id')).toBe('obs-request-1');
    await expect
      .poll(
        () =>
          lines()
            .map((l) => JSON.parse(l))
            .find((l) => l.req?.id === 'obs-request-1'),
        { timeout: 5000 },
      )
      .toMatchObject({
        msg: 'request completed',
        route: '/v1/orders/:orderId/events',
        workflowId: workflowId(orders.moving),
        res: { status: 202 },
      });
  });
});

describe('traces', () => {
  /** "service:span" from the trace's root down to `span`, each parent in the same trace. */
  function lineage(span: ReceivedSpan): string[] {
    const byId = new Map(collector.spans.map((s) => [s.spanId, s]));
    const line: string[] = [];
    for (let s: ReceivedSpan | undefined = span; s; s = byId.get(s.parentSpanId)) {
      if (s.traceId !== span.traceId) throw new Error(`${s.name} is in another trace`);
      line.unshift(`${s.service}:${s.name}`);
    }
    return line;
  }
  const lineages = (name: string) => collector.spans.filter((s) => s.name === name).map(lineage);

  it('run from the API request through the chain workflow to the activity that sent the notice', async () => {
    const created = [
      'doorstep-api:POST /v1/orders',
      'doorstep-api:StartWorkflow:chainWorkflow',
      'doorstep-worker:RunWorkflow:chainWorkflow',
    ];
    await expect
      .poll(() => lineages('RunActivity:sendNotice'), { timeout: 20_000 })
      .toContainEqual([
        ...created,
        'doorstep-worker:StartActivity:sendNotice',
        'doorstep-worker:RunActivity:sendNotice',
      ]);
    const event = [
      'doorstep-api:POST /v1/orders/:orderId/events',
      'doorstep-api:StartWorkflowUpdate:trackingEvent',
      'doorstep-worker:HandleUpdate:trackingEvent',
    ];
    await expect.poll(() => lineages('HandleUpdate:trackingEvent'), { timeout: 20_000 }).toContainEqual(event);
  });
});

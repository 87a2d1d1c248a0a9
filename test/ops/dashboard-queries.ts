/**
 * The Grafana dashboard (ops/grafana/doorstep.json) as far as it uses Grafana's dashboard model, and
 * its queries made concrete: what Prometheus would be asked with "All" picked in every variable.
 * Also the metric catalogue of ops/README.md, which the dashboard and the alert rules are held to.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const DASHBOARD_FILE = new URL('../../ops/grafana/doorstep.json', import.meta.url);
const README_FILE = new URL('../../ops/README.md', import.meta.url);
const VARIABLE = /\$(?:\{(\w+)\}|(\w+))/g;

/** Grafana's own variables the queries may use, with the value they get in `dashboardQueries`. */
export const BUILT_INS: Record<string, string> = { __rate_interval: '1m', __interval: '1m', __range: '1h' };

/** Every panel and query goes through the datasource the importer picks for DS_PROMETHEUS. */
const datasource = z.strictObject({ type: z.literal('prometheus'), uid: z.literal('${DS_PROMETHEUS}') });

const gridPos = z
  .strictObject({ x: z.int().min(0), y: z.int().min(0), w: z.int().min(1), h: z.int().min(1) })
  .refine((g) => g.x + g.w <= 24, 'a panel must fit in 24 columns');

const target = z.strictObject({
  datasource,
  refId: z.string().regex(/^[A-Z]$/),
  expr: z.string().min(1),
  legendFormat: z.string().optional(),
  range: z.boolean(),
  instant: z.boolean().optional(),
});

const options = z.record(z.string(), z.unknown());

const queryPanel = z.strictObject({
  id: z.int().positive(),
  type: z.enum(['timeseries', 'stat', 'bargauge', 'gauge', 'table', 'text', 'heatmap', 'piechart']),
  title: z.string().min(1),
  description: z.string().min(1),
  datasource,
  gridPos,
  fieldConfig: z.strictObject({ defaults: options, overrides: z.array(options) }),
  options,
  targets: z.array(target).min(1),
  transformations: z.array(z.strictObject({ id: z.enum(['joinByField', 'organize']), options })).optional(),
});

/** Rows are expanded: the panels of a section follow its row in the top-level list. */
const rowPanel = z.strictObject({
  id: z.int().positive(),
  type: z.literal('row'),
  title: z.string().min(1),
  collapsed: z.literal(false),
  gridPos,
  panels: z.tuple([]),
});

const panel = z.discriminatedUnion('type', [rowPanel, queryPanel]);

/** A multi-value query variable whose "All" matches every value (allValue), not just those loaded. */
const variable = z.strictObject({
  name: z.string().regex(/^[a-z][a-z_]*$/),
  label: z.string(),
  type: z.literal('query'),
  datasource,
  definition: z.string(),
  query: z.strictObject({ query: z.string().regex(/^label_values\(\w+, \w+\)$/), refId: z.string() }),
  refresh: z.literal(2),
  regex: z.string(),
  sort: z.int(),
  multi: z.boolean(),
  includeAll: z.literal(true),
  allValue: z.string().min(1),
  current: options,
  options: z.tuple([]),
  hide: z.literal(0),
});

export const dashboardSchema = z.strictObject({
  __inputs: z.tuple([
    z.strictObject({
      name: z.literal('DS_PROMETHEUS'),
      label: z.string(),
      description: z.string(),
      type: z.literal('datasource'),
      pluginId: z.literal('prometheus'),
      pluginName: z.literal('Prometheus'),
    }),
  ]),
  __requires: z.array(
    z.strictObject({
      type: z.enum(['grafana', 'datasource', 'panel']),
      id: z.string(),
      name: z.string(),
      version: z.string(),
    }),
  ),
  annotations: z.strictObject({ list: z.tuple([]) }),
  description: z.string(),
  editable: z.boolean(),
  fiscalYearStartMonth: z.int(),
  graphTooltip: z.int().min(0).max(2),
  id: z.null(),
  links: z.tuple([]),
  panels: z.array(panel).min(1),
  refresh: z.string(),
  schemaVersion: z.literal(39),
  tags: z.array(z.string()),
  templating: z.strictObject({ list: z.array(variable) }),
  time: z.strictObject({ from: z.string(), to: z.string() }),
  timepicker: z.strictObject({}),
  timezone: z.string(),
  title: z.string().min(1),
  uid: z.string().regex(/^[a-z0-9-]{1,40}$/),
  version: z.int(),
  weekStart: z.string(),
});

export type Dashboard = z.infer<typeof dashboardSchema>;

/** The dashboard file as JSON, unchecked. */
export function readDashboardJson(): unknown {
  return JSON.parse(readFileSync(DASHBOARD_FILE, 'utf8'));
}

/** The dashboard file, checked against the schema (throws a ZodError naming what is wrong). */
export function readDashboard(): Dashboard {
  return dashboardSchema.parse(readDashboardJson());
}

/** The `$name` and `${name}` variables `expr` uses. */
export function variablesIn(expr: string): string[] {
  return [...expr.matchAll(VARIABLE)].map((m) => m[1] ?? m[2]);
}

/**
 * Every query of the dashboard with its variables replaced by concrete values: Grafana's built-ins
 * by `BUILT_INS`, the dashboard's variables by their "All" value. `panel` is the panel's title and
 * the query's refId.
 */
export function dashboardQueries(): { panel: string; expr: string }[] {
  const dashboard = readDashboard();
  const values: Record<string, string> = { ...BUILT_INS };
  for (const v of dashboard.templating.list) values[v.name] = v.allValue;
  return dashboard.panels.flatMap((p) =>
    p.type === 'row'
      ? []
      : p.targets.map((t) => ({
          panel: `${p.title} (${t.refId})`,
          expr: t.expr.replace(VARIABLE, (whole, braced?: string, bare?: string) => {
            const value = values[braced ?? bare ?? ''];
            if (value === undefined) throw new Error(`${p.title}: ${whole} is not a variable of the dashboard`);
            return value;
          }),
        })),
  );
}

/** The metric names of the ops/README.md catalogue: the table rows that start with a name in backticks. */
export function catalogue(): Set<string> {
  return new Set([...readFileSync(README_FILE, 'utf8').matchAll(/^\| `(\w+)` \|/gm)].map((m) => m[1]));
}

/**
 * The Doorstep, Temporal SDK and Node process metrics that `promql` names; a histogram's `_bucket`,
 * `_sum` and `_count` series by the histogram's name when `known` has it.
 */
export function metricsIn(promql: string, known: Set<string>): string[] {
  return [...promql.matchAll(/\b(?:doorstep|temporal|process|nodejs)_\w+/g)].map(([name]) => {
    const histogram = name.replace(/_(bucket|sum|count)$/, '');
    return known.has(histogram) ? histogram : name;
  });
}

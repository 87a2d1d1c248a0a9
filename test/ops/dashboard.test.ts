/** The Grafana dashboard as an operator imports it: a well-formed model, a tidy grid and queries that resolve. */
import { describe, expect, it } from 'vitest';
import { TRACKING_STAGES } from '../../workflows/stages';
import {
  BUILT_INS,
  catalogue,
  dashboardQueries,
  dashboardSchema,
  metricsIn,
  readDashboard,
  readDashboardJson,
  variablesIn,
} from './dashboard-queries';

const SECTIONS = [
  'Chain funnel',
  'Notices',
  'Delivery receipts',
  'Ratings',
  'Carriers',
  'Carrier connectors',
  'Events',
  'Worker health',
  'API',
];
/** The funnel's columns: the stages a parcel walks to the customer, then those of its return. */
const STAGES = [...TRACKING_STAGES, 'returning', 'returned'];

type Grid = { x: number; y: number; w: number; h: number };
const overlap = (a: Grid, b: Grid) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** Every value under a `datasource` key, anywhere in `node`. */
function datasources(node: unknown): unknown[] {
  if (Array.isArray(node)) return node.flatMap(datasources);
  if (node === null || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([key, value]) =>
    key === 'datasource' ? [value, ...datasources(value)] : datasources(value),
  );
}

describe('the Grafana dashboard', () => {
  const dashboard = readDashboard();
  const queryPanels = dashboard.panels.flatMap((p) => (p.type === 'row' ? [] : [p]));

  it('matches the parts of Grafana’s dashboard model it uses, field for field', () => {
    const parsed = dashboardSchema.safeParse(readDashboardJson());
    expect(parsed.error?.issues).toBeUndefined();
    expect(dashboard.uid).toBe('doorstep');
  });

  it('groups its panels under one row per section, in order', () => {
    expect(dashboard.panels.filter((p) => p.type === 'row').map((p) => p.title)).toEqual(SECTIONS);
    expect(dashboard.panels[0].type).toBe('row');
    const tops = dashboard.panels.map((p) => p.gridPos.y);
    expect(tops).toEqual([...tops].sort((a, b) => a - b));
  });

  it('gives every panel its own id and every query of a panel its own refId', () => {
    const ids = dashboard.panels.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const panel of queryPanels) {
      const refIds = panel.targets.map((t) => t.refId);
      expect(new Set(refIds).size, panel.title).toBe(refIds.length);
    }
  });

  it('lays no panel over another', () => {
    const clashes = dashboard.panels.flatMap((a, i) =>
      dashboard.panels.slice(i + 1).flatMap((b) => (overlap(a.gridPos, b.gridPos) ? [`${a.title} / ${b.title}`] : [])),
    );
    expect(clashes).toEqual([]);
  });

  it('queries through the imported Prometheus data source only', () => {
    const all = datasources(readDashboardJson());
    expect(all.length).toBeGreaterThan(queryPanels.length);
    expect(new Set(all.map((d) => JSON.stringify(d)))).toEqual(
      new Set([JSON.stringify({ type: 'prometheus', uid: '${DS_PROMETHEUS}' })]),
    );
  });

  it('uses only its own variables and Grafana’s built-ins in queries', () => {
    const known = new Set([...dashboard.templating.list.map((v) => v.name), ...Object.keys(BUILT_INS)]);
    const unknown = queryPanels.flatMap((p) =>
      p.targets.flatMap((t) =>
        variablesIn(t.expr)
          .filter((v) => !known.has(v))
          .map((v) => `${p.title}: $${v}`),
      ),
    );
    expect(unknown).toEqual([]);
  });

  it('filters by carrier wherever a metric has a carrier label, and offers the carriers seen', () => {
    expect(dashboard.templating.list.map((v) => [v.name, v.definition])).toContainEqual([
      'carrier',
      'label_values(doorstep_chains_started_total, carrier)',
    ]);
    const withCarrier =
      /doorstep_(chains_(started|completed|cancelled)_total|ratings_\w+|delays_total|conflicts_total|deliveries_total|carrier_(exceptions|polls)_total)\{/g;
    const unfiltered = queryPanels.flatMap((p) =>
      p.targets.flatMap((t) =>
        [...t.expr.matchAll(withCarrier)]
          .filter((m) => !t.expr.slice(m.index).match(/^[^}]*carrier=~"\$carrier"/))
          .map(() => p.title),
      ),
    );
    expect(unfiltered).toEqual([]);
  });

  it('filters by connector wherever a metric has a connector label, and offers the connectors seen', () => {
    expect(dashboard.templating.list.map((v) => [v.name, v.definition])).toContainEqual([
      'connector',
      'label_values(doorstep_carrier_updates_total, connector)',
    ]);
    const exprs = queryPanels.flatMap((p) => p.targets.map((t) => t.expr));
    const withConnector = [...exprs.join('\n').matchAll(/doorstep_carrier_(deliveries|updates)_total\{[^}]*\}/g)];
    expect(withConnector.length).toBeGreaterThanOrEqual(5);
    expect(withConnector.filter(([m]) => !m.includes('connector=~"$connector"'))).toEqual([]);
  });

  it('shows the carriers’ exceptions by reason, and the connectors’ deliveries, updates, signatures and polls', () => {
    const rows = dashboard.panels.flatMap((p, i) => (p.type === 'row' ? [i] : []));
    /** The queries of the panels under the row titled `title`. */
    const queriesOf = (title: string) => {
      const at = dashboard.panels.findIndex((p) => p.title === title);
      const end = rows.find((i) => i > at) ?? dashboard.panels.length;
      return dashboard.panels.slice(at + 1, end).flatMap((p) => (p.type === 'row' ? [] : p.targets.map((t) => t.expr)));
    };
    expect(queriesOf('Carriers')).toContainEqual(
      'sum by (reason) (rate(doorstep_carrier_exceptions_total{carrier=~"$carrier"}[$__rate_interval]))',
    );
    const connectors = queriesOf('Carrier connectors').join('\n');
    for (const part of [
      'sum by (connector, outcome) (rate(doorstep_carrier_deliveries_total{',
      'sum by (connector, result) (rate(doorstep_carrier_updates_total{',
      'outcome="rejected_signature"',
      'result=~"unmapped|unknown_parcel"',
      'sum by (carrier, outcome) (rate(doorstep_carrier_polls_total{',
      'doorstep_carrier_polls_total{carrier=~"$carrier", outcome="error"}',
    ])
      expect(connectors).toContain(part);
  });

  it('shows open chains stage by stage in the order a chain goes through them', () => {
    const funnel = queryPanels.find((p) => p.title === 'Open chains by stage');
    expect(funnel?.targets.map((t) => t.expr)).toEqual(['max by (stage) (doorstep_chains_in_stage)']);
    const organize = funnel?.transformations?.find((t) => t.id === 'organize')?.options as {
      indexByName: Record<string, number>;
    };
    expect(
      Object.entries(organize.indexByName)
        .sort(([, a], [, b]) => a - b)
        .map(([name]) => name),
    ).toEqual(['Time', ...STAGES]);
  });

  it('queries only metrics of the ops/README.md catalogue', () => {
    const known = catalogue();
    const unknown = queryPanels.flatMap((p) =>
      p.targets.flatMap((t) =>
        metricsIn(t.expr, known)
          .filter((m) => !known.has(m))
          .map((m) => `${p.title}: ${m}`),
      ),
    );
    expect(unknown).toEqual([]);
  });

  it('hands every query over with concrete values in place of its variables', () => {
    const queries = dashboardQueries();
    expect(queries).toHaveLength(queryPanels.reduce((n, p) => n + p.targets.length, 0));
    expect(queries.filter((q) => q.expr.includes('$'))).toEqual([]);
    expect(queries).toContainEqual({
      panel: 'Chains started (A)',
      expr: 'sum(increase(doorstep_chains_started_total{carrier=~".*"}[1h]))',
    });
  });
});

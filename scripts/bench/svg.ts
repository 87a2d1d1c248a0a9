/** Small hand-drawn SVG charts for the benchmark report: white background, system font, every text escaped. */
import { escapeHtml } from '../../common/html';

const WIDTH = 640;
const HEIGHT = 360;
const LEFT = 64;
const RIGHT = WIDTH - 24;
const BOTTOM = HEIGHT - 48;
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";
const INK = '#1d2330';
const GRID = '#e4e7ec';

export type Marker = 'circle' | 'square';

/** What every chart states around its plot area. */
export interface Frame {
  title: string;
  subtitle?: string;
  xLabel: string;
  yLabel: string;
}

export interface LineSeries {
  label: string;
  color: string;
  marker: Marker;
  dashed?: boolean;
  /** Points with a non-finite coordinate are left out. */
  points: { x: number; y: number }[];
}

export interface LineChart extends Frame {
  series: LineSeries[];
  /** A numeric x axis from 0, or categories at even steps (x is then the category's index). */
  categories?: string[];
  /** Draws a dashed y = x reference with this legend label (numeric x only). */
  identity?: string;
  /** Points ringed and dropped to the x axis, e.g. each system's knee. */
  marks?: { x: number; y: number; color: string }[];
}

export interface BarSeries {
  label: string;
  color: string;
  /** One value per category; non-finite values draw no bar. */
  values: number[];
  /** Series sharing a stack key are stacked in one bar; the default is a bar of its own. */
  stack?: string;
}

export interface BarChart extends Frame {
  categories: string[];
  series: BarSeries[];
  /** Writes each bar's total above it. */
  totals?: boolean;
}

/** `v` with `digits` decimals, or an en dash when it is missing or not a number. */
export function fixed(v: number | undefined, digits: number): string {
  return v !== undefined && Number.isFinite(v) ? v.toFixed(digits) : '–';
}

/** Ticks from 0 to a round value at or above `max`, in steps of 1, 2, 2.5 or 5 × 10ⁿ. */
export function niceTicks(max: number, target = 5): number[] {
  const top = Number.isFinite(max) && max > 0 ? max : 1;
  const raw = top / target;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw;
  const count = Math.ceil(top / step - 1e-9);
  return Array.from({ length: count + 1 }, (_, i) => Number((i * step).toPrecision(12)));
}

const tickLabel = (v: number) => (v >= 10_000 ? `${Number((v / 1000).toFixed(1))}k` : String(Number(v.toFixed(2))));
// One decimal keeps the SVG small and diff-friendly.
const px = (v: number) => Number(v.toFixed(1));
const finite = (...vs: number[]) => vs.every(Number.isFinite);

function text(x: number, y: number, s: string, attrs = ''): string {
  return `<text x="${px(x)}" y="${px(y)}"${attrs ? ` ${attrs}` : ''}>${escapeHtml(s)}</text>`;
}

function marker(kind: Marker, x: number, y: number, color: string): string {
  return kind === 'circle'
    ? `<circle cx="${px(x)}" cy="${px(y)}" r="3.5" fill="${color}"/>`
    : `<rect x="${px(x - 3.5)}" y="${px(y - 3.5)}" width="7" height="7" fill="${color}"/>`;
}

interface LegendEntry {
  label: string;
  color: string;
  /** A line swatch (with an optional marker) for lines, a box for bars. */
  swatch: { marker?: Marker; dashed?: boolean } | 'box';
}

/** The legend's entries placed left to right, wrapping onto a new row when the width runs out. */
function placeLegend(entries: LegendEntry[]): { entry: LegendEntry; x: number; row: number }[] {
  let x = LEFT;
  let row = 0;
  return entries.map((entry) => {
    // Text width is estimated: SVG cannot measure it without a renderer.
    const width = 30 + entry.label.length * 6.6;
    if (x + width > RIGHT && x > LEFT) [x, row] = [LEFT, row + 1];
    const placed = { entry, x, row };
    x += width + 14;
    return placed;
  });
}

function legendSvg(placed: ReturnType<typeof placeLegend>, top: number): string {
  return placed
    .map(({ entry: { label, color, swatch }, x, row }) => {
      const y = top + row * 18;
      const mark =
        swatch === 'box'
          ? `<rect x="${px(x)}" y="${px(y - 5)}" width="18" height="10" fill="${color}"/>`
          : `<line x1="${px(x)}" y1="${px(y)}" x2="${px(x + 18)}" y2="${px(y)}" stroke="${color}" stroke-width="2"` +
            `${swatch.dashed ? ' stroke-dasharray="5 3"' : ''}/>` +
            (swatch.marker ? marker(swatch.marker, x + 9, y, color) : '');
      return mark + text(x + 24, y + 4, label, 'font-size="12"');
    })
    .join('');
}

/** The document around a plot area: title, legend, y grid and ticks, x ticks, axis labels. */
function frameSvg(
  frame: Frame,
  legend: LegendEntry[],
  yMax: number,
  xTicks: { x: number; label: string }[],
  body: (top: number, y: (v: number) => number) => string,
  empty: boolean,
): string {
  const placed = placeLegend(legend);
  const legendTop = frame.subtitle ? 60 : 46;
  const top = legendTop + (placed.length ? (placed[placed.length - 1].row + 1) * 18 : 0) + 6;
  const ticks = niceTicks(yMax);
  const yTop = ticks[ticks.length - 1];
  const y = (v: number) => BOTTOM - (v / yTop) * (BOTTOM - top);
  const grid = ticks.map(
    (t) =>
      `<line x1="${LEFT}" y1="${px(y(t))}" x2="${RIGHT}" y2="${px(y(t))}" stroke="${GRID}"/>` +
      text(LEFT - 6, y(t) + 4, tickLabel(t), 'text-anchor="end"'),
  );
  const xs = xTicks.map(
    (t) =>
      `<line x1="${px(t.x)}" y1="${BOTTOM}" x2="${px(t.x)}" y2="${BOTTOM + 5}" stroke="${INK}"/>` +
      text(t.x, BOTTOM + 18, t.label, 'text-anchor="middle"'),
  );
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}"` +
      ` role="img" font-family="${FONT}" font-size="11" fill="${INK}">`,
    `<title>${escapeHtml(frame.title)}</title>`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#fff"/>`,
    text(LEFT, 24, frame.title, 'font-size="16" font-weight="600"'),
    frame.subtitle ? text(LEFT, 42, frame.subtitle, 'font-size="11" fill="#5b6475"') : '',
    legendSvg(placed, legendTop),
    ...grid,
    `<line x1="${LEFT}" y1="${BOTTOM}" x2="${RIGHT}" y2="${BOTTOM}" stroke="${INK}"/>`,
    ...xs,
    text((LEFT + RIGHT) / 2, HEIGHT - 10, frame.xLabel, 'text-anchor="middle" font-size="12"'),
    text(-(top + BOTTOM) / 2, 16, frame.yLabel, 'transform="rotate(-90)" text-anchor="middle" font-size="12"'),
    empty
      ? text(
          (LEFT + RIGHT) / 2,
          (top + BOTTOM) / 2,
          'No data in this run',
          'text-anchor="middle" font-size="14" fill="#5b6475"',
        )
      : body(top, y),
    '</svg>',
  ].join('\n');
}

/** Lines with markers over a numeric or categorical x axis. */
export function lineChart(chart: LineChart): string {
  const series = chart.series.map((s) => ({
    ...s,
    points: s.points.filter((p) => finite(p.x, p.y)).sort((a, b) => a.x - b.x),
  }));
  const all = series.flatMap((s) => s.points);
  const marks = (chart.marks ?? []).filter((m) => finite(m.x, m.y) && m.x > 0);
  const xMax = Math.max(0, ...all.map((p) => p.x), ...marks.map((m) => m.x));
  const yData = Math.max(0, ...all.map((p) => p.y), ...marks.map((m) => m.y));
  const identity = chart.identity !== undefined && !chart.categories;
  // With a y = x reference both axes share one scale, so the reference is the plot's diagonal.
  const yMax = identity ? Math.max(xMax, yData) : yData;
  const { categories } = chart;
  const band = categories ? (RIGHT - LEFT) / Math.max(1, categories.length) : 0;
  const xTop = niceTicks(identity ? yMax : xMax).at(-1) ?? 1;
  const x = (v: number) => (categories ? LEFT + (v + 0.5) * band : LEFT + (v / xTop) * (RIGHT - LEFT));
  const xTicks = categories
    ? categories.map((label, i) => ({ x: x(i), label }))
    : niceTicks(xTop).map((t) => ({ x: x(t), label: tickLabel(t) }));
  const legend: LegendEntry[] = series.map((s) => ({
    label: s.label,
    color: s.color,
    swatch: { marker: s.marker, dashed: s.dashed },
  }));
  if (identity) legend.push({ label: chart.identity ?? '', color: '#8a93a3', swatch: { dashed: true } });
  return frameSvg(
    chart,
    legend,
    yMax,
    xTicks,
    (top, y) => {
      const reference = identity
        ? `<line x1="${LEFT}" y1="${BOTTOM}" x2="${RIGHT}" y2="${px(top)}" stroke="#8a93a3" stroke-dasharray="5 3"/>`
        : '';
      const lines = series.map((s) => {
        const dash = s.dashed ? ' stroke-dasharray="6 4"' : '';
        const path =
          s.points.length > 1
            ? `<polyline fill="none" stroke="${s.color}" stroke-width="2"${dash} points="${s.points.map((p) => `${px(x(p.x))},${px(y(p.y))}`).join(' ')}"/>`
            : '';
        return path + s.points.map((p) => marker(s.marker, x(p.x), y(p.y), s.color)).join('');
      });
      const rings = marks.map(
        (m) =>
          `<line x1="${px(x(m.x))}" y1="${px(y(m.y))}" x2="${px(x(m.x))}" y2="${BOTTOM}" stroke="${m.color}" stroke-dasharray="2 3"/>` +
          `<circle cx="${px(x(m.x))}" cy="${px(y(m.y))}" r="7" fill="none" stroke="${m.color}" stroke-width="2"/>`,
      );
      return [reference, ...lines, ...rings].join('\n');
    },
    all.length === 0,
  );
}

/** Bars per category, side by side by stack key, stacked within a key. */
export function barChart(chart: BarChart): string {
  const stacks = [...new Set(chart.series.map((s) => s.stack ?? s.label))];
  const value = (s: BarSeries, i: number) => (finite(s.values[i] ?? NaN) && s.values[i] > 0 ? s.values[i] : 0);
  const sums = chart.categories.map((_, i) =>
    stacks.map((key) =>
      chart.series.filter((s) => (s.stack ?? s.label) === key).reduce((sum, s) => sum + value(s, i), 0),
    ),
  );
  const band = (RIGHT - LEFT) / Math.max(1, chart.categories.length);
  const barWidth = Math.min(64, (band * 0.8) / Math.max(1, stacks.length));
  const xTicks = chart.categories.map((label, i) => ({ x: LEFT + (i + 0.5) * band, label }));
  const legend: LegendEntry[] = chart.series.map((s) => ({ label: s.label, color: s.color, swatch: 'box' }));
  const empty = sums.flat().every((v) => v === 0);
  return frameSvg(
    chart,
    legend,
    Math.max(0, ...sums.flat()),
    xTicks,
    (_top, y) => {
      const bars = chart.categories.flatMap((_, i) =>
        stacks.map((key, j) => {
          const left = LEFT + i * band + (band - barWidth * stacks.length) / 2 + j * barWidth;
          let base = 0;
          const rects = chart.series
            .filter((s) => (s.stack ?? s.label) === key && value(s, i) > 0)
            .map((s) => {
              const [from, to] = [base, (base += value(s, i))];
              return `<rect x="${px(left + 1)}" y="${px(y(to))}" width="${px(barWidth - 2)}" height="${px(y(from) - y(to))}" fill="${s.color}"/>`;
            });
          const total =
            chart.totals && base > 0
              ? text(left + barWidth / 2, y(base) - 5, fixed(base, 1), 'text-anchor="middle"')
              : '';
          return rects.join('') + total;
        }),
      );
      return bars.join('\n');
    },
    empty,
  );
}

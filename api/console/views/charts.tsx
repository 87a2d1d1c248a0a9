/** Horizontal bar charts drawn as inline SVG on the server: no chart library, no script. */

/** A share as a whole percentage, or a dash without data. */
export const pct = (r: number | null) => (r === null ? '–' : `${Math.round(r * 100)}%`);
/** A number with `digits` decimals, or a dash without data. */
export const num = (n: number | null, digits = 1) => (n === null ? '–' : n.toFixed(digits));

export interface Bar {
  label: string;
  /** null draws no bar and says "no data". */
  value: number | null;
  /** What the bar's end reads, e.g. "4.2 / 5". */
  text: string;
  /** A CSS class for the bar's colour (Wow, OK, Bad). */
  tone?: string;
  /** Drawn with a heavier outline: the weakest link. */
  marked?: boolean;
}

const FILL: Record<string, string> = { Wow: '#3a9a4a', OK: '#e0b030', Bad: '#d04a3a' };
const ROW = 26;
const LABEL = 150;
const WIDTH = 560;

export function BarChart({ title, bars, max }: { title: string; bars: Bar[]; max: number }) {
  const span = WIDTH - LABEL - 90;
  return (
    <figure class="chart">
      <figcaption>{title}</figcaption>
      <svg
        role="img"
        aria-label={title}
        viewBox={`0 0 ${WIDTH} ${bars.length * ROW + 6}`}
        width="100%"
        style={`max-width:${WIDTH}px`}
      >
        {bars.map((b, i) => {
          const y = i * ROW + 3;
          const w = b.value === null || max <= 0 ? 0 : Math.max(2, (Math.min(b.value, max) / max) * span);
          return (
            <g data-label={b.label}>
              <text
                x={LABEL - 6}
                y={y + 16}
                text-anchor="end"
                font-size="13"
                font-weight={b.marked ? 'bold' : undefined}
              >
                {b.label}
              </text>
              <rect
                x={LABEL}
                y={y + 3}
                width={w}
                height={ROW - 8}
                fill={FILL[b.tone ?? ''] ?? '#4a78b0'}
                stroke={b.marked ? '#000' : 'none'}
                stroke-width="2"
              />
              <text x={LABEL + w + 6} y={y + 16} font-size="12">
                {b.value === null ? 'no data' : b.text}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

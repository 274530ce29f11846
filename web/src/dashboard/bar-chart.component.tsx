import type { JSX } from 'react';
import type { Lang } from '../app/contracts.ts';
import { formatNumber } from '../i18n/format.ts';
import { niceMax, scale, stack } from './chart.scale.ts';

export interface BarRow {
  key: string;
  label: string;
  /** One value per series, stacked in order. */
  values: number[];
  /** What is written after the bar; the stacked total when absent. */
  note?: string;
}

export interface Series {
  name: string;
  colour: string;
}

const ROW_H = 26;
const LABEL_W = 190;
const NOTE_W = 120;
const WIDTH = 640;

/**
 * Horizontal (stacked) bars, one row per item: labels on the reading-start side, bars growing
 * towards the reading end, so the chart mirrors with the page in Arabic and Sorani.
 */
export function BarChart({ title, rows, series, lang, rtl, testId }: { title: string; rows: BarRow[]; series: Series[]; lang: Lang; rtl: boolean; testId?: string }): JSX.Element {
  const barW = WIDTH - LABEL_W - NOTE_W;
  const max = niceMax(Math.max(0, ...rows.map((r) => r.values.reduce((a, b) => a + b, 0))));
  const x = scale(max, barW);
  const height = rows.length * ROW_H + 4;
  // SVG x grows rightwards whatever the page direction: place everything from the start edge.
  // Text anchors follow the text direction (in RTL "end" is the left edge), so they need no flip.
  const at = (offset: number, length = 0): number => (rtl ? WIDTH - offset - length : offset);
  return (
    <figure className="chart" data-testid={testId}>
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="img" aria-label={title} data-bars={rows.length}>
        {rows.map((r, i) => {
          const y = i * ROW_H + 2;
          const total = r.values.reduce((a, b) => a + b, 0);
          return (
            <g key={r.key}>
              <text x={at(LABEL_W - 8)} y={y + ROW_H / 2} dominantBaseline="middle" textAnchor="end" direction={rtl ? 'rtl' : 'ltr'} className="label" data-user-content>
                {r.label.length > 28 ? `${r.label.slice(0, 27)}…` : r.label}
                <title>{r.label}</title>
              </text>
              {stack(r.values).map((s, j) => (
                <rect key={j} className="bar" x={at(LABEL_W + x(s.start), x(s.end) - x(s.start))} y={y + 3} width={x(s.end) - x(s.start)} height={ROW_H - 8} fill={series[j]?.colour ?? '#888'} data-user-content>
                  <title>{`${r.label} — ${series[j]?.name ?? ''}: ${formatNumber(lang, r.values[j] ?? 0)}`}</title>
                </rect>
              ))}
              <text x={at(LABEL_W + x(total) + 6)} y={y + ROW_H / 2} dominantBaseline="middle" textAnchor="start" direction={rtl ? 'rtl' : 'ltr'} className="value">
                {r.note ?? formatNumber(lang, total)}
              </text>
            </g>
          );
        })}
      </svg>
      {series.length > 1 && <Legend series={series} />}
    </figure>
  );
}

export function Legend({ series }: { series: Series[] }): JSX.Element {
  return (
    <ul className="legend">
      {series.map((s) => (
        <li key={s.name}><span className="swatch" style={{ background: s.colour }} aria-hidden="true" />{s.name}</li>
      ))}
    </ul>
  );
}

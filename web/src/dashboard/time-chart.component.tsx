import type { JSX } from 'react';
import type { Lang } from '../app/contracts.ts';
import { formatNumber } from '../i18n/format.ts';
import { Legend, type Series } from './bar-chart.component.tsx';
import { band, niceMax, scale, stack, ticks } from './chart.scale.ts';

export interface TimePoint {
  key: string;
  /** Axis label of the period (e.g. the week's first day). */
  label: string;
  /** Stacked columns, one value per series. */
  values: number[];
  /** The line drawn over the columns, on its own axis. */
  line: number;
}

const W = 720;
const H = 260;
const PAD = { top: 12, bottom: 36, side: 44 };

/**
 * Stacked columns per period with a line on a second axis. Time runs in the reading direction:
 * left to right in English, right to left in Arabic and Sorani, and the axes swap sides with it.
 */
export function TimeChart({ title, points, series, lineName, lang, rtl, testId }: {
  title: string; points: TimePoint[]; series: Series[]; lineName: string; lang: Lang; rtl: boolean; testId?: string;
}): JSX.Element {
  const plotW = W - 2 * PAD.side;
  const plotH = H - PAD.top - PAD.bottom;
  const colMax = niceMax(Math.max(0, ...points.map((p) => p.values.reduce((a, b) => a + b, 0))));
  const lineMax = niceMax(Math.max(0, ...points.map((p) => p.line)));
  const yCol = scale(colMax, plotH);
  const yLine = scale(lineMax, plotH);
  const bottom = PAD.top + plotH;
  const startAxisX = rtl ? W - PAD.side : PAD.side;
  const endAxisX = rtl ? PAD.side : W - PAD.side;
  // Text anchors follow the text direction (in RTL "end" is the left edge), so they need no flip.
  const labelEvery = Math.max(1, Math.ceil(points.length / 8));
  const centre = (i: number): number => {
    const b = band(i, points.length, plotW, rtl);
    return PAD.side + b.x + b.width / 2;
  };
  const linePath = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${centre(i).toFixed(1)},${(bottom - yLine(p.line)).toFixed(1)}`).join(' ');
  return (
    <figure className="chart" data-testid={testId}>
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={title} data-columns={points.length}>
        {ticks(colMax).map((v) => (
          <g key={`c${v}`} className="tick">
            <line x1={PAD.side} x2={W - PAD.side} y1={bottom - yCol(v)} y2={bottom - yCol(v)} />
            <text x={startAxisX + (rtl ? 6 : -6)} y={bottom - yCol(v)} textAnchor="end" direction={rtl ? 'rtl' : 'ltr'} dominantBaseline="middle">{formatNumber(lang, v)}</text>
          </g>
        ))}
        {ticks(lineMax).map((v) => (
          <text key={`l${v}`} className="tick line-tick" x={endAxisX + (rtl ? -6 : 6)} y={bottom - yLine(v)} textAnchor="start" direction={rtl ? 'rtl' : 'ltr'} dominantBaseline="middle">{formatNumber(lang, v)}</text>
        ))}
        {points.map((p, i) => {
          const b = band(i, points.length, plotW, rtl);
          return (
            <g key={p.key}>
              {stack(p.values).map((s, j) => (
                <rect key={j} className="bar" x={PAD.side + b.x} width={b.width} y={bottom - yCol(s.end)} height={yCol(s.end) - yCol(s.start)} fill={series[j]?.colour ?? '#888'}>
                  <title>{`${p.label} — ${series[j]?.name ?? ''}: ${formatNumber(lang, p.values[j] ?? 0)}`}</title>
                </rect>
              ))}
              {i % labelEvery === 0 && <text className="tick" x={centre(i)} y={bottom + 16} textAnchor="middle">{p.label}</text>}
            </g>
          );
        })}
        {points.length > 0 && <path d={linePath} className="line" fill="none" />}
        {points.map((p, i) => (
          <circle key={p.key} cx={centre(i)} cy={bottom - yLine(p.line)} r={2.5} className="line-dot">
            <title>{`${p.label} — ${lineName}: ${formatNumber(lang, p.line)}`}</title>
          </circle>
        ))}
      </svg>
      <Legend series={[...series, { name: lineName, colour: 'currentColor' }]} />
    </figure>
  );
}

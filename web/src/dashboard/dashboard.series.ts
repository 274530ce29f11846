import type { Lang } from '../app/contracts.ts';
import { formatDateTime, formatNumber } from '../i18n/format.ts';
import type { BarRow, Series } from './bar-chart.component.tsx';
import type { TimePoint } from './time-chart.component.tsx';
import type { Bucket, CheckpointStats, IncidentStats, JccCoverage, NamedBucket } from './stats.api.ts';

type T = (key: string, opts?: Record<string, unknown>) => string;

export const CATEGORIES = ['civilian', 'peshmerga', 'federal', 'other'] as const;
const CATEGORY_COLOURS = ['#e15759', '#f28e2b', '#4e79a7', '#9c9c9c'];
const STAFFING_COLOURS = { present: '#59a14f', missing: '#e15759' };
const COVERAGE = [
  ['noneKm2', '#e15759'], ['peshmergaOnlyKm2', '#f28e2b'], ['federalOnlyKm2', '#4e79a7'], ['bothKm2', '#59a14f'],
] as const;

const casualties = (b: Bucket): number => b.killed.total + b.wounded.total;

export const categorySeries = (t: T): Series[] => CATEGORIES.map((c, i) => ({ name: t(`category.${c}`), colour: CATEGORY_COLOURS[i] ?? '#888' }));

/** Killed and wounded by category per ISO week, with the number of incidents as the line. */
export function weekPoints(s: IncidentStats, lang: Lang): TimePoint[] {
  return s.byWeek.map((w) => ({
    key: w.week,
    label: formatDateTime(lang, `${w.weekStart}T12:00:00Z`, false),
    values: CATEGORIES.map((c) => w.killed[c] + w.wounded[c]),
    line: w.incidents,
  }));
}

/** One bar per JCC, district or event type: incidents, with the casualties in the note. */
export function bucketRows(list: readonly (NamedBucket & { key: string })[], t: T, lang: Lang, limit = 10): BarRow[] {
  return list.slice(0, limit).map((b) => ({
    key: b.key,
    label: b.name ?? t('unknown'),
    values: [b.incidents],
    note: t('note.incidents', { incidents: formatNumber(lang, b.incidents), casualties: formatNumber(lang, casualties(b)) }),
  }));
}

/** Most affected places: killed and wounded, stacked by category. */
export function placeRows(s: IncidentStats, t: T): BarRow[] {
  return s.topPlaces.byCasualties
    .filter((p) => casualties(p) > 0)
    .map((p) => ({ key: p.key, label: p.name ?? t('unknown'), values: CATEGORIES.map((c) => p.killed[c] + p.wounded[c]) }));
}

export const staffingSeries = (t: T): Series[] => [
  { name: t('staffing.present'), colour: STAFFING_COLOURS.present },
  { name: t('staffing.missing'), colour: STAFFING_COLOURS.missing },
];

/** Each checkpoint: people present against planned; short ones first so they are seen. */
export function staffingRows(s: CheckpointStats, t: T, lang: Lang): BarRow[] {
  const order = { unmanned: 0, short: 1, full: 2 };
  return [...s.checkpoints]
    .sort((a, b) => order[a.staffing] - order[b.staffing] || a.name.localeCompare(b.name))
    .map((c) => ({
      key: c.id,
      label: c.name,
      values: [Math.min(c.present, c.planned), Math.max(0, c.planned - c.present)],
      note: `${formatNumber(lang, c.present)} / ${formatNumber(lang, c.planned)} · ${t(`staffing.${c.staffing}`)}`,
    }));
}

export const coverageSeries = (t: T): Series[] => COVERAGE.map(([k, colour]) => ({ name: t(`coverage.${k}`), colour }));

/** Each JCC area split into km² covered by nobody, one force only, or both. */
export function coverageRows(list: readonly JccCoverage[], jccName: (id: string) => string, t: T, lang: Lang): BarRow[] {
  return list.map((c) => ({
    key: c.jccId,
    label: jccName(c.jccId),
    values: COVERAGE.map(([k]) => c.areas[k]),
    note: t('note.gap', { km2: formatNumber(lang, Math.round(c.areas.noneKm2)), share: formatNumber(lang, c.areas.regionKm2 > 0 ? Math.round((100 * c.areas.noneKm2) / c.areas.regionKm2) : 0) }),
  }));
}

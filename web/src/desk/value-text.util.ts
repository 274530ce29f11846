import type { Lang } from '../app/contracts.ts';
import { formatDateTime, formatNumber } from '../i18n/format.ts';
import { formatLonLat } from './coords.util.ts';
import { CASUALTY_CATEGORIES, acledKey, type CasualtyCounts } from './incident.model.ts';

type T = (key: string) => string;

const TRANSLATED: Record<string, (v: string) => string> = {
  verification: (v) => `verification.${v}`,
  timePrecision: (v) => `precision.${v}`,
  locationPrecision: (v) => `locationPrecision.${v}`,
  acledEventType: (v) => `acled.${acledKey(v)}`,
  acledSubEventType: (v) => `acled.${acledKey(v)}`,
};

const separator = (lang: Lang): string => (lang === 'en' ? ', ' : '، ');

/** One field's value in a line a person can compare (the conflict view shows theirs against mine). */
export function valueText(field: string, value: unknown, t: T, lang: Lang): string {
  if (value === undefined || value === null || value === '') return '—';
  if (typeof value === 'string') {
    if (field === 'occurredAt' || field === 'occurredUntil') return formatDateTime(lang, value);
    const key = TRANSLATED[field];
    return key ? t(key(value)) : value;
  }
  if (field === 'killed' || field === 'wounded') {
    const c = value as CasualtyCounts;
    return CASUALTY_CATEGORIES.map((k) => `${t(`category.${k}`)} ${formatNumber(lang, c[k] ?? 0)}`).join(separator(lang));
  }
  if (field === 'location') {
    const [lon = 0, lat = 0] = (value as { coordinates: number[] }).coordinates;
    return formatLonLat([lon, lat]);
  }
  if (Array.isArray(value)) return value.map((v) => (v as { name?: string }).name ?? String(v)).join(separator(lang)) || '—';
  return typeof value === 'number' ? formatNumber(lang, value) : JSON.stringify(value);
}

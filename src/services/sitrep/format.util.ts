import type { Language } from '../../core/model/common.ts';
import { LOCALES } from './i18n.ts';

/** Iraq keeps one time zone (UTC+3, no daylight saving) on both sides of the line. */
export const REPORT_TIME_ZONE = 'Asia/Baghdad';

export interface Formatter {
  lang: Language;
  int(n: number): string;
  decimal(n: number, digits?: number): string;
  percent(pct: number): string;
  dateTime(iso: string): string;
  date(iso: string): string;
}

/** Numbers and dates in the reader's locale: Arabic-Indic digits and Iraqi month names for ar and ckb. */
export function formatterFor(lang: Language): Formatter {
  const locale = LOCALES[lang];
  const ints = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const percents = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const dateTimes = new Intl.DateTimeFormat(locale, { timeZone: REPORT_TIME_ZONE, dateStyle: 'medium', timeStyle: 'short' });
  const dates = new Intl.DateTimeFormat(locale, { timeZone: REPORT_TIME_ZONE, dateStyle: 'medium' });
  // A calendar day (YYYY-MM-DD) is a day, not an instant: shown as it is written, at noon UTC.
  const asInstant = (iso: string): Date => new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T12:00:00Z` : iso);
  return {
    lang,
    int: (n) => ints.format(n),
    decimal: (n, digits = 1) => new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(n),
    percent: (pct) => percents.format(pct / 100),
    dateTime: (iso) => dateTimes.format(asInstant(iso)),
    date: (iso) => dates.format(asInstant(iso)),
  };
}

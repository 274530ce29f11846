import type { Lang } from '../app/contracts.ts';

const SORANI = ['ckb-IQ', 'ckb'];

/**
 * Intl locales per UI language. Chromium's ICU has no Sorani: there it would fall back to US
 * English (month names in English), so Sorani then uses Iraqi Arabic digits with numeric dates.
 */
export const soraniSupported = (): boolean => Intl.DateTimeFormat.supportedLocalesOf(SORANI).length > 0;
const localesOf = (lang: Lang): string[] => (lang === 'ar' ? ['ar-IQ'] : lang === 'en' ? ['en-GB'] : soraniSupported() ? SORANI : ['ar-IQ']);
const numericDates = (lang: Lang): boolean => lang === 'ckb' && !soraniSupported();

const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

export function formatNumber(lang: Lang, n: number, maxFractionDigits = 0): string {
  const key = `${lang}:${maxFractionDigits}`;
  let f = numberFormats.get(key);
  if (!f) numberFormats.set(key, (f = new Intl.NumberFormat(localesOf(lang), { maximumFractionDigits: maxFractionDigits })));
  return f.format(n);
}

export function formatDateTime(lang: Lang, iso: string | number | Date, withTime = true): string {
  const key = `${lang}:${withTime}`;
  let f = dateFormats.get(key);
  if (!f) {
    const day: Intl.DateTimeFormatOptions = numericDates(lang) ? { year: 'numeric', month: '2-digit', day: '2-digit' } : { dateStyle: 'medium' };
    const time: Intl.DateTimeFormatOptions = numericDates(lang) ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : { timeStyle: 'short' };
    const opts: Intl.DateTimeFormatOptions = { ...day, ...(withTime ? time : {}), timeZone: 'Asia/Baghdad' };
    dateFormats.set(key, (f = new Intl.DateTimeFormat(localesOf(lang), opts)));
  }
  const d = iso instanceof Date ? iso : new Date(iso);
  return Number.isNaN(d.getTime()) ? '—' : f.format(d);
}

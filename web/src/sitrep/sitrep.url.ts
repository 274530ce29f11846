import { apiUrl } from '../api/api-client.ts';
import type { Lang } from '../app/contracts.ts';

export type SitrepHours = 24 | 168;
export type SitrepFormat = 'html' | 'pdf';

export interface SitrepChoice {
  /** Empty: every JCC the reader may see. */
  jccId: string;
  hours: SitrepHours;
  /** `YYYY-MM-DD` (Baghdad calendar day) the period ends with; empty: now. */
  endDate: string;
  lang: Lang;
}

/** Today's date on the Baghdad calendar (UTC+3 all year), as a date input holds it. */
export const baghdadToday = (now: Date): string => new Date(now.getTime() + 3 * 3600_000).toISOString().slice(0, 10);

/**
 * The period's end: now for today (the report is current), else the end of the chosen day in
 * Baghdad time (the demo ends on 31 December 2021).
 */
export function untilOf(endDate: string, now: Date): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(endDate) || endDate >= baghdadToday(now)) return undefined;
  const end = new Date(`${endDate}T23:59:59+03:00`);
  return Number.isNaN(end.getTime()) ? undefined : end.toISOString();
}

/** `GET /api/sitrep`: the server renders the report with only what the reader may see. */
export function sitrepUrl(c: SitrepChoice, format: SitrepFormat, now: Date): string {
  return apiUrl('/sitrep', { jcc: c.jccId || undefined, lang: c.lang, hours: c.hours, until: untilOf(c.endDate, now), format });
}

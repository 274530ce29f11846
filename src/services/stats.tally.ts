import type { Position } from '../core/geo/types.ts';
import { CASUALTY_CATEGORIES, type Incident } from '../core/model/incident.ts';

/**
 * Incremental incident aggregation for the dashboards and the SITREP: one pass over the
 * incidents a reader may see, page by page, keeping only counters (never the records).
 */

export type Category = (typeof CASUALTY_CATEGORIES)[number];
export type ByCategory = Record<Category | 'total', number>;

export interface Bucket {
  incidents: number;
  killed: ByCategory;
  wounded: ByCategory;
}

export interface PlaceBucket extends Bucket {
  /** Gazetteer id (`wof:…`), or `pcode:<P-code>` when the incident names no place. */
  key: string;
  /** Where the first incident counted here happened, for maps when the gazetteer has no entry. */
  at: Position;
  placeName: string | null;
}

const DAY_MS = 86_400_000;

const zeroCategories = (): ByCategory => ({ civilian: 0, peshmerga: 0, federal: 0, other: 0, total: 0 });
export const emptyBucket = (): Bucket => ({ incidents: 0, killed: zeroCategories(), wounded: zeroCategories() });

export const casualtiesOf = (b: Bucket): number => b.killed.total + b.wounded.total;

function addInto(b: Bucket, inc: Pick<Incident, 'killed' | 'wounded'>): void {
  b.incidents += 1;
  for (const c of CASUALTY_CATEGORIES) {
    b.killed[c] += inc.killed[c];
    b.wounded[c] += inc.wounded[c];
    b.killed.total += inc.killed[c];
    b.wounded.total += inc.wounded[c];
  }
}

export function mergeBuckets(into: Bucket, from: Bucket): Bucket {
  into.incidents += from.incidents;
  for (const c of [...CASUALTY_CATEGORIES, 'total'] as const) {
    into.killed[c] += from.killed[c];
    into.wounded[c] += from.wounded[c];
  }
  return into;
}

/** ISO 8601 week of an instant (UTC): `2021-W48` and the Monday it starts on. */
export function isoWeekOf(ms: number): { week: string; start: string } {
  const day = Math.floor(ms / DAY_MS);
  // 1970-01-01 was a Thursday; ISO weekday 1 = Monday.
  const weekday = ((day + 3) % 7 + 7) % 7;
  const monday = day - weekday;
  const thursday = monday + 3;
  const year = new Date(thursday * DAY_MS).getUTCFullYear();
  const week = Math.floor((thursday - Date.UTC(year, 0, 1) / DAY_MS) / 7) + 1;
  return { week: `${year}-W${String(week).padStart(2, '0')}`, start: new Date(monday * DAY_MS).toISOString().slice(0, 10) };
}

/** Every ISO week that touches [sinceMs, untilMs], oldest first. */
export function weeksBetween(sinceMs: number, untilMs: number): { week: string; start: string }[] {
  const out: { week: string; start: string }[] = [];
  for (let t = Date.parse(isoWeekOf(sinceMs).start); t <= untilMs; t += 7 * DAY_MS) out.push(isoWeekOf(t));
  return out;
}

const bucketIn = <K>(map: Map<K, Bucket>, key: K): Bucket => {
  let b = map.get(key);
  if (!b) map.set(key, (b = emptyBucket()));
  return b;
};

export class IncidentTally {
  readonly total = emptyBucket();
  readonly byWeek = new Map<string, Bucket>();
  readonly byJcc = new Map<string | null, Bucket>();
  /** By the incident's own admin P-code (often a sub-district); callers roll it up to districts. */
  readonly byAdmin = new Map<string | null, Bucket>();
  readonly byEventType = new Map<string | null, Bucket>();
  readonly byPlace = new Map<string, PlaceBucket>();

  /** Incidents spanning the window's edge count in the window's first (or last) week. */
  constructor(private readonly window: { sinceMs: number; untilMs: number }) {
    for (const w of weeksBetween(window.sinceMs, window.untilMs)) this.byWeek.set(w.week, emptyBucket());
  }

  add(inc: Incident): void {
    addInto(this.total, inc);
    const at = Math.min(Math.max(Date.parse(inc.occurredAt), this.window.sinceMs), this.window.untilMs);
    addInto(bucketIn(this.byWeek, isoWeekOf(at).week), inc);
    addInto(bucketIn(this.byJcc, inc.jccId ?? null), inc);
    addInto(bucketIn(this.byAdmin, inc.adminPcode ?? null), inc);
    addInto(bucketIn(this.byEventType, inc.acledEventType ?? null), inc);
    const key = inc.placeId ?? (inc.adminPcode ? `pcode:${inc.adminPcode}` : null);
    if (key) {
      let place = this.byPlace.get(key);
      if (!place) this.byPlace.set(key, (place = { ...emptyBucket(), key, at: inc.location.coordinates, placeName: inc.placeName ?? null }));
      addInto(place, inc);
    }
  }

  /** Weeks oldest first, with their Monday. */
  weeks(): ({ week: string; weekStart: string } & Bucket)[] {
    return [...this.byWeek.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([week, b]) => ({ week, weekStart: weekStartOf(week), ...b }));
  }

  /** The `n` places with most incidents and the `n` with most casualties (ties: the other measure, then key). */
  topPlaces(n: number): { byIncidents: PlaceBucket[]; byCasualties: PlaceBucket[] } {
    const all = [...this.byPlace.values()];
    const byIncidents = [...all].sort((a, b) => b.incidents - a.incidents || casualtiesOf(b) - casualtiesOf(a) || a.key.localeCompare(b.key));
    const byCasualties = all.filter((p) => casualtiesOf(p) > 0).sort((a, b) => casualtiesOf(b) - casualtiesOf(a) || b.incidents - a.incidents || a.key.localeCompare(b.key));
    return { byIncidents: byIncidents.slice(0, n), byCasualties: byCasualties.slice(0, n) };
  }
}

/** Monday of an ISO week label `YYYY-Www`. */
export function weekStartOf(label: string): string {
  const m = /^(\d{4})-W(\d{2})$/.exec(label);
  if (!m) throw new Error(`not an ISO week: ${label}`);
  const jan4 = Date.UTC(Number(m[1]), 0, 4);
  const week1Monday = Date.parse(isoWeekOf(jan4).start);
  return new Date(week1Monday + (Number(m[2]) - 1) * 7 * DAY_MS).toISOString().slice(0, 10);
}

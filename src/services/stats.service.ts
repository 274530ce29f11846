import { TansiqError, validationError } from '../core/errors.ts';
import type { Language, Principal, RecordType, Tlp } from '../core/model/common.ts';
import { staffingStatus, type Checkpoint } from '../core/model/checkpoint.ts';
import type { AcledType, Incident } from '../core/model/incident.ts';
import type { Jcc } from '../core/model/jcc.ts';
import type { ServiceContext } from './context.ts';
import type { CoverageService } from './coverage.service.ts';
import type { ListParams, RecordService } from './record.service.ts';
import type { RecordView } from './record-view.ts';
import { pickName, stringsFor } from './sitrep/i18n.ts';
import { TlpMax } from './sitrep/tlp.util.ts';
import { GapTrendRecorder, type GapTrend } from './stats.gap-trend.ts';
import { ReferenceNames } from './stats.names.ts';
import { emptyBucket, IncidentTally, mergeBuckets, type Bucket, type PlaceBucket } from './stats.tally.ts';

export interface StatsQuery {
  since?: string;
  until?: string;
  jccId?: string;
  lang?: Language;
  /** How many places in each top list (default 10). */
  top?: number;
}

export interface NamedBucket extends Bucket {
  name: string | null;
}

export interface TopPlace extends Bucket {
  key: string;
  name: string | null;
  lon: number;
  lat: number;
}

export interface IncidentStats {
  since: string;
  until: string;
  jccId: string | null;
  lang: Language;
  /** The most restrictive handling label among the incidents counted. */
  tlp: Tlp;
  totals: Bucket;
  byWeek: ({ week: string; weekStart: string } & Bucket)[];
  byJcc: ({ jccId: string | null } & NamedBucket)[];
  byDistrict: ({ pcode: string | null } & NamedBucket)[];
  byEventType: ({ eventType: AcledType | null } & NamedBucket)[];
  topPlaces: { byIncidents: TopPlace[]; byCasualties: TopPlace[] };
}

export interface CheckpointRow {
  id: string;
  name: string;
  kind: Checkpoint['kind'];
  status: Checkpoint['status'];
  staffing: ReturnType<typeof staffingStatus>;
  planned: number;
  present: number;
  jccId: string | null;
  lon: number;
  lat: number;
  tlp: string;
}

export interface CheckpointStats {
  tlp: Tlp;
  totals: Record<ReturnType<typeof staffingStatus> | 'total', number>;
  checkpoints: CheckpointRow[];
}

const WEEK_MS = 7 * 86_400_000;
export const DEFAULT_STATS_WEEKS = 26;
export const DEFAULT_TREND_WEEKS = 12;
export const MAX_TREND_WEEKS = 104;
/** Aggregation pages through every visible incident: beyond this, narrow the window or the JCC. */
export const MAX_STATS_INCIDENTS = 100_000;
const PAGE = 500;

/** Incident, casualty and checkpoint figures for dashboards, from what the reader may see. */
export class StatsService {
  private readonly gapHistory: GapTrendRecorder | undefined;

  constructor(private readonly ctx: ServiceContext, private readonly records: RecordService, coverage?: CoverageService) {
    this.gapHistory = coverage ? new GapTrendRecorder(coverage, ctx) : undefined;
  }

  /** Uncovered km² per ISO week for the last `weeks` weeks (see GapTrendRecorder for what a week shows). */
  async gapTrend(p: Principal, q: { jccId?: string; weeks?: number } = {}): Promise<GapTrend> {
    if (!this.gapHistory) throw new TansiqError('UNAVAILABLE', 'the gap analysis does not run on this server');
    const weeks = q.weeks ?? DEFAULT_TREND_WEEKS;
    if (!Number.isInteger(weeks) || weeks < 1 || weeks > MAX_TREND_WEEKS) throw validationError(`weeks must be a whole number from 1 to ${MAX_TREND_WEEKS}`, [{ path: 'weeks', message: 'out of range' }]);
    return this.gapHistory.trend(p, q.jccId, weeks);
  }

  /** Calls `fn` with every record of `type` the reader may see that matches `params`, page by page. */
  async forEachVisible(p: Principal, type: RecordType, params: Omit<ListParams, 'limit' | 'cursor' | 'withTotal'>, fn: (r: RecordView) => void, max = MAX_STATS_INCIDENTS): Promise<void> {
    let cursor: string | undefined;
    let first = true;
    do {
      const page = await this.records.list(p, type, { ...params, limit: PAGE, ...(cursor ? { cursor } : {}), ...(first ? { withTotal: true } : {}) });
      if (first && (page.total ?? 0) > max) {
        throw validationError(`the selection holds ${page.total} records, more than the ${max} a summary reads: narrow the time window or choose a JCC`, [{ path: 'since', message: 'window too large' }]);
      }
      first = false;
      page.items.forEach(fn);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }

  /** The window of a query: `until` defaults to now and `since` to 26 weeks before it. */
  window(q: Pick<StatsQuery, 'since' | 'until'>): { since: string; until: string } {
    const until = q.until ?? this.ctx.now().toISOString();
    const since = q.since ?? new Date(Date.parse(until) - DEFAULT_STATS_WEEKS * WEEK_MS).toISOString();
    if (since > until) throw validationError('since must not be after until', [{ path: 'until', message: 'must not be before since' }]);
    return { since, until };
  }

  async incidents(p: Principal, q: StatsQuery = {}): Promise<IncidentStats> {
    const lang = q.lang ?? 'en';
    const { since, until } = this.window(q);
    const tally = new IncidentTally({ sinceMs: Date.parse(since), untilMs: Date.parse(until) });
    const tlp = new TlpMax();
    await this.forEachVisible(p, 'incident', { since, until, ...(q.jccId ? { jccId: q.jccId } : {}) }, (r) => {
      tally.add(r.data as Incident);
      tlp.see(r.tlp);
    });
    const names = new ReferenceNames(this.ctx.store, lang);
    const jccNames = await this.jccNames(p, lang);
    const s = stringsFor(lang);
    return {
      since,
      until,
      jccId: q.jccId ?? null,
      lang,
      tlp: tlp.value,
      totals: tally.total,
      byWeek: tally.weeks(),
      byJcc: sortBuckets([...tally.byJcc].map(([jccId, b]) => ({ jccId, name: jccId ? (jccNames.get(jccId) ?? null) : s.outsideJccs, ...b }))),
      byDistrict: await this.districts(tally, names),
      byEventType: sortBuckets([...tally.byEventType].map(([type, b]) => ({ eventType: type as AcledType | null, name: type ? s.acled[type as AcledType] : s.unspecifiedType, ...b }))),
      topPlaces: await this.topPlaces(tally, names, q.top ?? 10),
    };
  }

  async checkpoints(p: Principal, q: Pick<StatsQuery, 'jccId'> = {}): Promise<CheckpointStats> {
    const rows: CheckpointRow[] = [];
    const tlp = new TlpMax();
    await this.forEachVisible(p, 'checkpoint', q.jccId ? { jccId: q.jccId } : {}, (r) => {
      const c = r.data as Checkpoint;
      const [lon = 0, lat = 0] = c.position.coordinates;
      const sum = (k: 'planned' | 'present'): number => c.staffing.reduce((n, s) => n + s[k], 0);
      rows.push({ id: r.id, name: c.name, kind: c.kind, status: c.status, staffing: staffingStatus(c), planned: sum('planned'), present: sum('present'), jccId: c.jccId ?? null, lon, lat, tlp: r.tlp });
      tlp.see(r.tlp);
    });
    rows.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
    const totals = { full: 0, short: 0, unmanned: 0, total: rows.length };
    for (const r of rows) totals[r.staffing] += 1;
    return { tlp: tlp.value, totals, checkpoints: rows };
  }

  /** Names of the JCCs the reader may see, in their language. */
  async jccNames(p: Principal, lang: Language): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    await this.forEachVisible(p, 'jcc', {}, (r) => {
      const j = r.data as Jcc;
      out.set(r.id, pickName(j.name, lang) ?? j.code);
    });
    return out;
  }

  private async districts(tally: IncidentTally, names: ReferenceNames): Promise<({ pcode: string | null } & NamedBucket)[]> {
    const merged = new Map<string | null, Bucket>();
    for (const [pcode, b] of tally.byAdmin) {
      const district = pcode ? await names.districtOf(pcode) : null;
      merged.set(district, mergeBuckets(merged.get(district) ?? emptyBucket(), b));
    }
    const rows = await Promise.all([...merged].map(async ([pcode, b]) => ({ pcode, name: pcode ? ((await names.areaName(pcode)) ?? null) : null, ...b })));
    return sortBuckets(rows);
  }

  private async topPlaces(tally: IncidentTally, names: ReferenceNames, n: number): Promise<IncidentStats['topPlaces']> {
    const named = (list: PlaceBucket[]): Promise<TopPlace[]> =>
      Promise.all(list.map(async ({ key, at, placeName, ...b }) => ({ key, name: (await names.keyName(key)) ?? placeName, lon: at[0] ?? 0, lat: at[1] ?? 0, ...b })));
    const top = tally.topPlaces(n);
    return { byIncidents: await named(top.byIncidents), byCasualties: await named(top.byCasualties) };
  }
}

/** Most incidents first; ties by casualties, then by name so the order is stable. */
function sortBuckets<T extends NamedBucket>(rows: T[]): T[] {
  const cas = (b: Bucket): number => b.killed.total + b.wounded.total;
  return rows.sort((a, b) => b.incidents - a.incidents || cas(b) - cas(a) || (a.name ?? '').localeCompare(b.name ?? ''));
}

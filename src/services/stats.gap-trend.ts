import { uuidv7 } from '../core/ids/uuidv7.ts';
import { PARTIES, type Principal } from '../core/model/common.ts';
import type { ServiceContext } from './context.ts';
import type { CoverageAnnouncement, CoverageService } from './coverage.service.ts';
import { visibilityKeyOf } from './coverage.service.ts';
import type { CoverageRequest } from './coverage-request.ts';
import { isoWeekOf, weeksBetween } from './stats.tally.ts';

/**
 * The uncovered area week by week. Unit and checkpoint positions of the past are not kept, so
 * past coverage cannot be recomputed honestly; instead every gap analysis this site makes is
 * stored as a snapshot (region, what its reader could see, time, areas), and a week shows the last
 * snapshot made in it. Snapshots survive restarts and are shared by every instance of the site.
 */

/** Dashboards and reports use the engine's preview cell. */
export const SUMMARY_CELL_M = 100;
/** At most one snapshot per region and visibility in this time: a week holds at most 7 × 24 × 4. */
const SNAPSHOT_INTERVAL_MS = 15 * 60_000;
const MAX_SNAPSHOTS_PER_WEEK = (7 * 24 * 60) / 15;
const WEEK_MS = 7 * 86_400_000;

/** A gap analysis of a JCC's area, or of every JCC area the reader sees, with both forces' sources. */
export const summaryCoverageRequest = (jccId: string | undefined, window: { since?: string; until?: string } = {}): CoverageRequest => ({
  region: jccId ? { kind: 'jcc', jccId } : { kind: 'disputed' },
  cellM: SUMMARY_CELL_M,
  ...window,
  sources: { units: true, checkpoints: true, parties: [...PARTIES] },
});

export interface GapTrendWeek {
  week: string;
  weekStart: string;
  /** Uncovered km² of the last analysis made that week; null when none was made. */
  uncoveredKm2: number | null;
  regionKm2: number | null;
  analyses: number;
}

export interface GapTrend {
  regionKey: string;
  basis: 'recorded-analyses';
  current: { computedAt: string; uncoveredKm2: number; regionKm2: number };
  weeks: GapTrendWeek[];
}

export class GapTrendRecorder {
  /** When each region and visibility was last stored: at most one snapshot per key per interval. */
  private readonly lastStoredMs = new Map<string, number>();
  private pending: Promise<void> = Promise.resolve();

  constructor(private readonly coverage: CoverageService, private readonly ctx: ServiceContext) {
    coverage.onResult((a) => {
      this.pending = this.pending.then(() => this.store(a));
    });
  }

  /** Stores a new analysis; a failure loses one point of the trend, never the analysis itself. */
  private async store(a: CoverageAnnouncement): Promise<void> {
    const key = `${a.regionKey}\n${a.visibilityKey}`;
    const atMs = Date.parse(a.computedAt);
    if (atMs - (this.lastStoredMs.get(key) ?? -Infinity) < SNAPSHOT_INTERVAL_MS) return;
    this.lastStoredMs.set(key, atMs);
    const snapshot = { id: uuidv7(), regionKey: a.regionKey, visibilityKey: a.visibilityKey, computedAt: a.computedAt, regionKm2: a.areas.regionKm2, uncoveredKm2: a.areas.noneKm2 };
    try {
      await this.ctx.store.write((tx) => tx.insertCoverageSnapshot(snapshot));
    } catch {
      this.lastStoredMs.delete(key);
    }
  }

  /** The last `weeks` ISO weeks to now, for the region as `p` sees it (same visibility, same inputs). */
  async trend(p: Principal, jccId: string | undefined, weeks: number): Promise<GapTrend> {
    const current = await this.coverage.analyse(p, summaryCoverageRequest(jccId));
    await this.pending;
    const untilMs = this.ctx.now().getTime();
    const range = weeksBetween(untilMs - (weeks - 1) * WEEK_MS, untilMs);
    const snapshots = await this.ctx.store.listCoverageSnapshots({
      regionKey: current.regionKey,
      visibilityKey: visibilityKeyOf(p),
      since: range[0]?.start ?? new Date(untilMs).toISOString(),
      until: new Date(untilMs + 1).toISOString(),
      limit: weeks * MAX_SNAPSHOTS_PER_WEEK,
    });
    return {
      regionKey: current.regionKey,
      basis: 'recorded-analyses',
      current: { computedAt: current.computedAt, uncoveredKm2: current.areas.noneKm2, regionKm2: current.areas.regionKm2 },
      weeks: range.map(({ week, start }) => {
        const inWeek = snapshots.filter((r) => isoWeekOf(Date.parse(r.computedAt)).week === week);
        const last = inWeek.at(-1);
        return { week, weekStart: start, uncoveredKm2: last?.uncoveredKm2 ?? null, regionKm2: last?.regionKm2 ?? null, analyses: inWeek.length };
      }),
    };
  }
}

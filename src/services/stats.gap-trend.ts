import { PARTIES, type Principal } from '../core/model/common.ts';
import type { CoverageAnnouncement, CoverageService } from './coverage.service.ts';
import { visibilityKeyOf } from './coverage.service.ts';
import type { CoverageRequest } from './coverage-request.ts';
import { isoWeekOf, weeksBetween } from './stats.tally.ts';

/**
 * The uncovered area week by week. Unit and checkpoint positions of the past are not kept, so
 * past coverage cannot be recomputed honestly; instead every gap analysis this server runs is
 * recorded with its time, and a week shows the last analysis made in it. History lives in memory:
 * it starts when the server starts and is per instance. The current week is always computed.
 */

/** Dashboards and reports use the engine's preview cell. */
export const SUMMARY_CELL_M = 100;
const MAX_RECORDED = 10_000;
const WEEK_MS = 7 * 86_400_000;

/** A gap analysis of a JCC's area, or of every JCC area the reader sees, with both forces' sources. */
export const summaryCoverageRequest = (jccId: string | undefined, window: { since?: string; until?: string } = {}): CoverageRequest => ({
  region: jccId ? { kind: 'jcc', jccId } : { kind: 'disputed' },
  cellM: SUMMARY_CELL_M,
  ...window,
  sources: { units: true, checkpoints: true, parties: [...PARTIES] },
});

interface Recorded {
  regionKey: string;
  visibilityKey: string;
  atMs: number;
  uncoveredKm2: number;
  regionKm2: number;
}

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
  private readonly recorded: Recorded[] = [];

  constructor(private readonly coverage: CoverageService, private readonly now: () => Date) {
    coverage.onResult((a) => this.record(a));
  }

  private record(a: CoverageAnnouncement): void {
    this.recorded.push({ regionKey: a.regionKey, visibilityKey: a.visibilityKey, atMs: Date.parse(a.computedAt), uncoveredKm2: a.areas.noneKm2, regionKm2: a.areas.regionKm2 });
    if (this.recorded.length > MAX_RECORDED) this.recorded.splice(0, this.recorded.length - MAX_RECORDED);
  }

  /** The last `weeks` ISO weeks to now, for the region as `p` sees it (same visibility, same inputs). */
  async trend(p: Principal, jccId: string | undefined, weeks: number): Promise<GapTrend> {
    const current = await this.coverage.analyse(p, summaryCoverageRequest(jccId));
    const untilMs = this.now().getTime();
    const visibilityKey = visibilityKeyOf(p);
    const mine = this.recorded.filter((r) => r.regionKey === current.regionKey && r.visibilityKey === visibilityKey);
    return {
      regionKey: current.regionKey,
      basis: 'recorded-analyses',
      current: { computedAt: current.computedAt, uncoveredKm2: current.areas.noneKm2, regionKm2: current.areas.regionKm2 },
      weeks: weeksBetween(untilMs - (weeks - 1) * WEEK_MS, untilMs).map(({ week, start }) => {
        const inWeek = mine.filter((r) => isoWeekOf(r.atMs).week === week);
        const last = inWeek.at(-1);
        return { week, weekStart: start, uncoveredKm2: last?.uncoveredKm2 ?? null, regionKm2: last?.regionKm2 ?? null, analyses: inWeek.length };
      }),
    };
  }
}

/**
 * Gap analysis (DESIGN §6): who covers which part of a region, the gaps no force covers ranked by
 * incident risk, and the vacuum strip between the two forces' lines, from the inputs the caller
 * may see. Results are cached by everything they depend on and announced to listeners.
 */
import { createHash } from 'node:crypto';
import { readFilterFor } from '../core/access/access.ts';
import type { AreaBreakdown, CoverageResult, StripResult } from '../core/geo/coverage/coverage.types.ts';
import { bboxOf } from '../core/geo/geometry.ts';
import type { Party, Principal, RecordType } from '../core/model/common.ts';
import type { LocalizedNames } from '../core/model/reference.ts';
import type { ServiceContext } from './context.ts';
import { InputVersion, ResultCache } from './coverage-cache.ts';
import { CoverageEngine } from './coverage-engine.ts';
import { describeGaps, type GapView } from './coverage-enrich.ts';
import { resolveRegion, type ResolvedRegion } from './coverage-region.ts';
import { DEFAULT_WINDOW_DAYS, type CoverageRequest, type CoverageSourceOptions } from './coverage-request.ts';
import { INCIDENT_NEAR_M, loadCoverageInputs, STRIP_DEPTH_M, type CoverageInputs } from './coverage-sources.ts';
import type { RecordService } from './record.service.ts';
import type { ReferenceService } from './reference.service.ts';

export interface CoverageAnalysis {
  regionKey: string;
  region: { kind: ResolvedRegion['kind']; names: LocalizedNames };
  /** The time the analysis is made as of (force lines in force, incident recency): now on a 5-minute step, or `until` when earlier. */
  asOf: string;
  computedAt: string;
  /** True when this result was computed for an earlier identical request and nothing has changed since. */
  cached: boolean;
  cellM: number;
  cells: number;
  window: { since: string; until: string | null };
  sources: CoverageSourceOptions;
  inputs: CoverageInputs['counts'];
  areas: AreaBreakdown;
  gaps: GapView[];
  strip: StripResult | null;
  /** Milliseconds by stage: `load` (reading inputs), the engine's stages, `describe` (admin areas, places), `total`. */
  timings: Record<string, number>;
}

/** What the realtime feed announces. Only readers with the same `visibilityKey` may receive it. */
export interface CoverageAnnouncement {
  regionKey: string;
  computedAt: string;
  areas: AreaBreakdown;
  party: Party;
  visibilityKey: string;
}

export type CoverageListener = (a: CoverageAnnouncement) => void;

/** The record types a result depends on; a change to any of them makes new results. */
const INPUT_TYPES: ReadonlySet<RecordType> = new Set<RecordType>(['unit', 'checkpoint', 'force-line', 'incident', 'jcc']);
const CACHE_ENTRIES = 32;
/** "Now" is taken in steps, so that requests a few minutes apart share a result. */
export const NOW_STEP_MS = 5 * 60_000;
const DAY_MS = 86_400_000;

/**
 * Everything the access function looks at: two readers with the same key see the same records.
 * The user id matters only to readers who do not see TLP:RED, since they still see their own.
 */
export function visibilityKeyOf(p: Principal): string {
  const f = readFilterFor(p);
  return [f.party, f.seesRed ? 'red' : `user:${f.userId}`, [...f.jccIds].sort().join(',')].join('|');
}

/** Whether `p` may be sent announcement `a`: only readers who see exactly the records it was made from. */
export const mayReceive = (p: Principal, a: CoverageAnnouncement): boolean => visibilityKeyOf(p) === a.visibilityKey;

const round = (ms: number): number => Math.round(ms * 10) / 10;

export class CoverageService {
  readonly #cache = new ResultCache<Omit<CoverageAnalysis, 'cached'>>(CACHE_ENTRIES);
  readonly #version: InputVersion;
  readonly #listeners = new Set<CoverageListener>();
  readonly #engine = new CoverageEngine();

  constructor(private readonly ctx: ServiceContext, private readonly records: RecordService, private readonly reference: ReferenceService) {
    this.#version = new InputVersion(ctx.store, INPUT_TYPES);
  }

  /** Runs (or recalls) the analysis of `req` as `p` sees the world. */
  async analyse(p: Principal, req: CoverageRequest): Promise<CoverageAnalysis> {
    const region = await resolveRegion(this.records, this.reference, p, req.region);
    // A window that ends in the past is an analysis of that time: lines then in force, recency from then.
    const nowStep = Math.floor(this.ctx.now().getTime() / NOW_STEP_MS) * NOW_STEP_MS;
    const asOfMs = req.until ? Math.min(Date.parse(req.until), nowStep) : nowStep;
    const since = req.since ?? new Date(asOfMs - DEFAULT_WINDOW_DAYS * DAY_MS).toISOString();
    const visibilityKey = visibilityKeyOf(p);
    const inputVersion = await this.#version.current();
    const key = createHash('sha256')
      .update(JSON.stringify([region.key, region.digest, req.cellM, since, req.until ?? null, req.sources, visibilityKey, inputVersion, asOfMs]))
      .digest('hex');
    const { value, hit } = await this.#cache.get(key, () => this.#compute(p, req, region, since, asOfMs));
    if (!hit) this.#announce({ regionKey: value.regionKey, computedAt: value.computedAt, areas: value.areas, party: p.party, visibilityKey });
    return { ...value, cached: hit };
  }

  /** Readies the engine at server start, so the first analysis does not run several times slower. */
  warmUp(): Promise<void> {
    return this.#engine.warmUp();
  }

  /** Subscribes to newly computed results (not cache hits); returns the unsubscribe function. */
  onResult(listener: CoverageListener): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  async #compute(p: Principal, req: CoverageRequest, region: ResolvedRegion, since: string, asOfMs: number): Promise<Omit<CoverageAnalysis, 'cached'>> {
    const started = performance.now();
    const inputs = await loadCoverageInputs(this.records, p, {
      regionBbox: bboxOf(region.area),
      since,
      ...(req.until ? { until: req.until } : {}),
      nowMs: asOfMs,
      sources: req.sources,
    });
    const loaded = performance.now();
    const result: CoverageResult = await this.#engine.run({
      region: region.area,
      cellM: req.cellM,
      sources: inputs.sources,
      forceLines: inputs.forceLines,
      incidents: inputs.incidents,
      nowMs: asOfMs,
      stripDepthM: STRIP_DEPTH_M,
      nearM: INCIDENT_NEAR_M,
    });
    const computed = performance.now();
    const gaps = await describeGaps(this.reference, result.gaps);
    const done = performance.now();
    return {
      regionKey: region.key,
      region: { kind: region.kind, names: region.names },
      asOf: new Date(asOfMs).toISOString(),
      computedAt: this.ctx.now().toISOString(),
      cellM: result.cellM,
      cells: result.cells,
      window: { since, until: req.until ?? null },
      sources: req.sources,
      inputs: inputs.counts,
      areas: result.areas,
      gaps,
      strip: result.strip,
      timings: { load: round(loaded - started), ...result.timings, engine: round(computed - loaded), describe: round(done - computed), total: round(done - started) },
    };
  }

  // A listener's failure is its own: the analysis has been made and is returned all the same.
  #announce(a: CoverageAnnouncement): void {
    for (const listener of this.#listeners) {
      try {
        listener(a);
      } catch {
        // nothing to do: the realtime feed reports its own errors
      }
    }
  }
}

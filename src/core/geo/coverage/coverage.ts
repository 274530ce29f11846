/**
 * The raster gap engine (DESIGN §6): who covers what, the gaps nobody covers ranked by incident
 * risk, and the vacuum strip between the force lines. Pure and deterministic; see
 * coverage.types.ts for the contract. Areas are planar areas in UTM 38N (grid metres), the
 * frame the vector reference works in; true ground area differs by the square of the scale
 * factor: −0.08 % on the central meridian (45°E), −0.04 % at Makhmour, +0.1 % at Sinjar (42°E).
 */
import type { MultiPolygon, Polygon } from '../types.ts';
import { labelRuns, type Components } from './components.ts';
import type { AreaBreakdown, CoverageInput, CoverageResult, Gap, StripResult } from './coverage.types.ts';
import type { Grid } from './grid.ts';
import { Layer } from './layer.ts';
import { outlineComponents } from './outlines.ts';
import { prepareCoverage, type PreparedCoverage } from './prepare.ts';
import { FEDERAL, GAP_MASK, OUTSIDE, PESHMERGA, rasterise, STRIP, STRIP_MASK } from './raster.ts';
import { explainRisk } from './risk.ts';
import { widthProfile } from './strip-profile.ts';
import type { CellSet } from './trace.ts';
import { toLonLat } from './utm.ts';
import { warmUpInput } from './warm-up.case.ts';
import { cellBuffer, gapRuns, stripRuns } from './workspace.ts';

export { prepareCoverage, type PreparedCoverage } from './prepare.ts';

const GAP_TRACED = 0x08;
const STRIP_TRACED = 0x10;

export function computeCoverage(input: CoverageInput): CoverageResult {
  const clock = stopwatch();
  const job = prepareCoverage(input);
  clock.lap('prepare');
  return runCoverage(job, clock);
}

/**
 * The first job in a fresh process runs several times slower while the JIT compiles the row loops:
 * the server runs this small representative job at start so the first real one does not pay.
 */
export function warmUpCoverageEngine(): void {
  for (let i = 0; i < 3; i++) computeCoverage(warmUpInput());
}

/** Runs a job prepared (validated, sized) beforehand. */
function runCoverage(job: PreparedCoverage, clock = stopwatch()): CoverageResult {
  const { grid, options } = job;
  const { width, height } = grid;
  const cells = cellBuffer(width * height);
  const layer = (s: PreparedCoverage['region'] | undefined): Layer | null => (s ? new Layer(s, width, height) : null);
  const list = [job.region, job.cover.peshmerga, job.cover.federal, job.strip?.nearPeshmerga, job.strip?.nearFederal, job.strip?.held].map(layer);
  const { counts } = rasterise(cells, width, height, { list }, gapRuns, stripRuns);
  clock.lap('rasterise');
  const cellKm2 = (grid.cellM * grid.cellM) / 1e6;
  const comps = labelRuns(gapRuns, height);
  clock.lap('label');
  const { wanted, slots } = selectLarge(comps, Math.ceil(options.minGapAreaKm2 / cellKm2 - 1e-9));
  const set: CellSet = { cells, width, height, mask: GAP_MASK, value: 0, visitedBit: GAP_TRACED };
  const polygons = outlineComponents(set, gapRuns, comps, wanted, slots.length, grid, options.simplifyM / grid.cellM);
  clock.lap('trace');
  const explanations = explainRisk(
    { runs: gapRuns, slotOfRun: (run) => wanted[comps.ofRun[run]!]!, slots: slots.length, height },
    job.incidents,
    { nowMs: options.nowMs, halfLifeDays: options.halfLifeDays, nearCells: options.nearM / grid.cellM },
  );
  const gaps = rankGaps(slots.map((c, s) => {
    const areaKm2 = km2(comps.cells[c]!, cellKm2);
    const weighted = explanations[s]!.weightedIncidents;
    return {
      rank: 0,
      geometry: polygons[s]!,
      areaKm2,
      centroid: centroidOf(comps, c, grid),
      risk: Math.round((weighted / Math.max(areaKm2, 1)) * 100 * 1e6) / 1e6,
      explanation: explanations[s]!,
      inStripShare: Math.round((comps.stripCells[c]! / comps.cells[c]!) * 1e4) / 1e4,
    };
  }));
  clock.lap('rank');
  const strip = job.strip ? stripOf(job, cells, counts, cellKm2) : null;
  clock.lap('strip');
  return { cellM: grid.cellM, cells: width * height, areas: areasOf(counts, cellKm2), gaps, strip, timings: clock.laps };
}

/** Components of at least `minCells` cells, numbered in component order. */
function selectLarge(comps: Components, minCells: number): { wanted: Int32Array; slots: number[] } {
  const wanted = new Int32Array(comps.count).fill(-1);
  const slots: number[] = [];
  for (let c = 0; c < comps.count; c++) if (comps.cells[c]! >= Math.max(1, minCells)) wanted[c] = slots.push(c) - 1;
  return { wanted, slots };
}

function centroidOf(comps: Components, c: number, grid: Grid): [number, number] {
  const n = comps.cells[c]!;
  return toLonLat(grid.x0 + (comps.sumU[c]! / n) * grid.cellM, grid.y0 + (comps.sumV[c]! / n) * grid.cellM);
}

function rankGaps(gaps: Gap[]): Gap[] {
  gaps.sort((a, b) => b.risk - a.risk || b.areaKm2 - a.areaKm2 || a.centroid[0]! - b.centroid[0]! || a.centroid[1]! - b.centroid[1]!);
  gaps.forEach((g, i) => { g.rank = i + 1; });
  return gaps;
}

function areasOf(counts: Float64Array, cellKm2: number): AreaBreakdown {
  const sums = [0, 0, 0, 0];
  counts.forEach((n, v) => { if (!(v & OUTSIDE)) sums[v & (PESHMERGA | FEDERAL)]! += n; });
  const [none, pesh, fed, both] = sums as [number, number, number, number];
  return { regionKm2: km2(none + pesh + fed + both, cellKm2), noneKm2: km2(none, cellKm2), peshmergaOnlyKm2: km2(pesh, cellKm2), federalOnlyKm2: km2(fed, cellKm2), bothKm2: km2(both, cellKm2) };
}

function stripOf(job: PreparedCoverage, cells: Uint8Array, counts: Float64Array, cellKm2: number): StripResult {
  const { grid, options } = job;
  const { width, height } = grid;
  let stripCells = 0;
  counts.forEach((n, v) => { if ((v & STRIP_MASK) === STRIP) stripCells += n; });
  const comps = labelRuns(stripRuns, height);
  const { wanted, slots } = selectLarge(comps, Math.ceil(options.minGapAreaKm2 / cellKm2 - 1e-9));
  const set: CellSet = { cells, width, height, mask: STRIP_MASK, value: STRIP, visitedBit: STRIP_TRACED };
  const parts = outlineComponents(set, stripRuns, comps, wanted, slots.length, grid, options.simplifyM / grid.cellM);
  const inStrip = (col: number, row: number): boolean => (cells[row * width + col]! & STRIP_MASK) === STRIP;
  return { geometry: merge(parts), areaKm2: km2(stripCells, cellKm2), ...widthProfile(inStrip, grid, job.strip!.axis, options.stripDepthM) };
}

/** km² of a cell count, to the m²: without float noise such as 2360.0000000000005. */
const km2 = (cells: number, cellKm2: number): number => Math.round(cells * cellKm2 * 1e6) / 1e6;

function merge(parts: Polygon[]): Polygon | MultiPolygon | null {
  if (parts.length <= 1) return parts[0] ?? null;
  return { type: 'MultiPolygon', coordinates: parts.map((p) => p.coordinates) };
}

function stopwatch(): { lap: (stage: string) => void; laps: Record<string, number> } {
  let last = performance.now();
  const laps: Record<string, number> = {};
  return {
    laps,
    lap(stage) {
      const now = performance.now();
      laps[stage] = Math.round((now - last) * 100) / 100;
      last = now;
    },
  };
}


/**
 * Validation and projection of a coverage job: every coordinate is checked and projected once to
 * UTM 38N and then to grid units, and the cell count and the work are bounded before anything
 * large is allocated.
 */
import { PARTIES, type Party } from '../../model/common.ts';
import { parseOrThrow } from '../../validation.ts';
import { areaSchema, lineSchema } from '../geometry.ts';
import { polygonsOf, type Area, type Line, type Position } from '../types.ts';
import { checkNumber, fail, resolveOptions, type CoverageOptions } from './coverage-options.ts';
import type { CoverageInput, CoverageSource } from './coverage.types.ts';
import { emptyShapes, gridFor, type Grid, type GridPolygon, type LayerShapes } from './grid.ts';
import { toUtm, zoneProblem } from './utm.ts';

export interface GridIncident { id: string; u: number; v: number; atMs: number; weight: number }

/** Near-zones of each party's force lines and the areas they hold; null without lines of both. */
export interface StripShapes {
  nearPeshmerga: LayerShapes;
  nearFederal: LayerShapes;
  held: LayerShapes;
  /** Polylines in grid units along which the strip's width is sampled (the Peshmerga lines). */
  axis: Float64Array[];
}

export interface PreparedCoverage {
  options: CoverageOptions;
  grid: Grid;
  cells: number;
  region: LayerShapes;
  cover: Record<Party, LayerShapes>;
  strip: StripShapes | null;
  incidents: GridIncident[];
}

const MAX_SOURCES = 200_000;
const MAX_INCIDENTS = 200_000;
const MAX_FORCE_LINES = 1_000;
/** Row spans the shapes would emit: about 20 ns each, so this bounds a job to a few seconds. */
const MAX_SPAN_ROWS = 200_000_000;

export function prepareCoverage(input: CoverageInput): PreparedCoverage {
  if (typeof input !== 'object' || input === null) fail('(body)', 'a coverage job is an object');
  const options = resolveOptions(input);
  const region = parseOrThrow(areaSchema, input.region, 'region', ['region']) as Area;
  const projected = projectArea(region);
  const grid = gridOf(projected, options);
  const g = new GridMapper(grid);
  const prepared: PreparedCoverage = {
    options,
    grid,
    cells: grid.width * grid.height,
    region: { ...emptyShapes(), polygons: projected.map((p) => g.polygon(p)) },
    cover: coverShapes(input.sources, g),
    strip: stripShapes(input.forceLines ?? [], g, options.stripDepthM / grid.cellM),
    incidents: incidentsOf(input.incidents ?? [], g),
  };
  checkWork(prepared);
  return prepared;
}

type Projected = Float64Array[][];

function projectArea(area: Area): Projected {
  return polygonsOf(area).map((rings) => rings.map((ring) => {
    const out = new Float64Array(ring.length * 2);
    ring.forEach((p, i) => { const [x, y] = toUtm(p[0]!, p[1]!); out[2 * i] = x; out[2 * i + 1] = y; });
    return out;
  }));
}

function gridOf(region: Projected, options: CoverageOptions): Grid {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const ring of region.flat()) {
    for (let i = 0; i < ring.length; i += 2) {
      minX = Math.min(minX, ring[i]!); maxX = Math.max(maxX, ring[i]!);
      minY = Math.min(minY, ring[i + 1]!); maxY = Math.max(maxY, ring[i + 1]!);
    }
  }
  return gridFor(minX, minY, maxX, maxY, options.cellM, options.maxCells);
}

/** UTM metres to grid units of one grid. */
class GridMapper {
  constructor(readonly grid: Grid) {}

  point(p: Position, path: string): [number, number] {
    const problem = zoneProblem(p[0], p[1]);
    if (problem) fail(path, problem);
    const [x, y] = toUtm(p[0]!, p[1]!);
    return [(x - this.grid.x0) / this.grid.cellM, (y - this.grid.y0) / this.grid.cellM];
  }

  polygon(rings: Float64Array[]): GridPolygon {
    const { x0, y0, cellM } = this.grid;
    return { rings: rings.map((r) => r.map((c, i) => (i % 2 === 0 ? (c - x0) / cellM : (c - y0) / cellM))) };
  }

  area(area: unknown, path: string): GridPolygon[] {
    return projectArea(parseOrThrow(areaSchema, area, path, [path]) as Area).map((p) => this.polygon(p));
  }

  /** Each line of a (multi)line as a flat array of grid coordinates. */
  lines(line: unknown, path: string): Float64Array[] {
    const parsed = parseOrThrow(lineSchema, line, path, [path]) as Line;
    const parts = parsed.type === 'LineString' ? [parsed.coordinates] : parsed.coordinates;
    return parts.map((part, i) => Float64Array.from(part.flatMap((p, j) => this.point(p, `${path}.coordinates.${i}.${j}`))));
  }
}

function coverShapes(sources: unknown, g: GridMapper): Record<Party, LayerShapes> {
  if (!Array.isArray(sources)) fail('sources', 'must be a list');
  if (sources.length > MAX_SOURCES) fail('sources', `has ${sources.length} sources; the limit is ${MAX_SOURCES.toLocaleString('en')}`);
  const cover: Record<Party, LayerShapes> = { peshmerga: emptyShapes(), federal: emptyShapes() };
  (sources as CoverageSource[]).forEach((s, i) => addSource(s, `sources.${i}`, g, cover));
  return cover;
}

function addSource(s: CoverageSource, path: string, g: GridMapper, cover: Record<Party, LayerShapes>): void {
  if (typeof s !== 'object' || s === null) fail(path, 'a source is an object');
  if (!PARTIES.includes(s.party)) fail(`${path}.party`, `must be one of ${PARTIES.join(', ')}`);
  const shapes = cover[s.party];
  const cell = g.grid.cellM;
  switch (s.kind) {
    case 'circle': {
      const [u, v] = g.point(Array.isArray(s.center) ? s.center : [], `${path}.center`);
      shapes.circles.push({ u, v, r: checkNumber(s.radiusM, `${path}.radiusM`, { min: 0, max: 500_000, minExclusive: true }) / cell });
      return;
    }
    case 'corridor': {
      const r = checkNumber(s.widthM, `${path}.widthM`, { min: 0, max: 200_000, minExclusive: true }) / 2 / cell;
      for (const line of g.lines(s.route, `${path}.route`)) shapes.capsules.push(...capsulesAlong(line, r));
      return;
    }
    case 'polygon':
      shapes.polygons.push(...g.area(s.area, `${path}.area`));
      return;
    default:
      fail(`${path}.kind`, 'must be circle, corridor or polygon');
  }
}

function capsulesAlong(line: Float64Array, r: number): LayerShapes['capsules'] {
  const out: LayerShapes['capsules'] = [];
  for (let i = 0; i + 3 < line.length; i += 2) out.push({ ax: line[i]!, ay: line[i + 1]!, bx: line[i + 2]!, by: line[i + 3]!, r });
  return out;
}

function stripShapes(lines: unknown, g: GridMapper, depth: number): StripShapes | null {
  if (!Array.isArray(lines)) fail('forceLines', 'must be a list');
  if (lines.length > MAX_FORCE_LINES) fail('forceLines', `has ${lines.length} lines; the limit is ${MAX_FORCE_LINES}`);
  const near: Record<Party, LayerShapes> = { peshmerga: emptyShapes(), federal: emptyShapes() };
  const held = emptyShapes();
  const axis: Float64Array[] = [];
  lines.forEach((l: { party?: unknown; geometry?: { type?: unknown } }, i) => {
    const path = `forceLines.${i}`;
    if (typeof l !== 'object' || l === null || !PARTIES.includes(l.party as Party)) fail(`${path}.party`, `must be one of ${PARTIES.join(', ')}`);
    const party = l.party as Party;
    const isArea = l.geometry?.type === 'Polygon' || l.geometry?.type === 'MultiPolygon';
    const polygons = isArea ? g.area(l.geometry, `${path}.geometry`) : [];
    const outlines = isArea ? polygons.flatMap((p) => p.rings) : g.lines(l.geometry, `${path}.geometry`);
    near[party].polygons.push(...polygons);
    held.polygons.push(...polygons);
    for (const line of outlines) near[party].capsules.push(...capsulesAlong(line, depth));
    if (party === 'peshmerga') axis.push(...outlines);
  });
  const hasBoth = near.peshmerga.capsules.length > 0 && near.federal.capsules.length > 0;
  return hasBoth ? { nearPeshmerga: near.peshmerga, nearFederal: near.federal, held, axis } : null;
}

function incidentsOf(incidents: unknown, g: GridMapper): GridIncident[] {
  if (!Array.isArray(incidents)) fail('incidents', 'must be a list');
  if (incidents.length > MAX_INCIDENTS) fail('incidents', `has ${incidents.length} incidents; the limit is ${MAX_INCIDENTS.toLocaleString('en')}`);
  return incidents.map((inc: { id?: unknown; point?: unknown; atMs?: unknown; weight?: unknown }, i) => {
    const path = `incidents.${i}`;
    if (typeof inc !== 'object' || inc === null || typeof inc.id !== 'string' || !inc.id) fail(`${path}.id`, 'must be a non-empty string');
    const [u, v] = g.point(Array.isArray(inc.point) ? (inc.point as Position) : [], `${path}.point`);
    const atMs = checkNumber(inc.atMs, `${path}.atMs`, { min: -8.64e15, max: 8.64e15 });
    const weight = inc.weight === undefined ? 1 : checkNumber(inc.weight, `${path}.weight`, { min: 0, max: 1e6 });
    return { id: inc.id, u, v, atMs, weight };
  });
}

/** Refuses jobs whose shapes would take too long to rasterise, before any of it starts. */
function checkWork(p: PreparedCoverage): void {
  const h = p.grid.height;
  const rows = (from: number, to: number): number => Math.min(h, Math.max(0, to - from) + 1);
  let work = 0;
  const add = (s: LayerShapes): void => {
    for (const c of s.circles) work += rows(c.v - c.r, c.v + c.r);
    for (const c of s.capsules) work += rows(Math.min(c.ay, c.by) - c.r, Math.max(c.ay, c.by) + c.r);
    // Every polygon is looked at on every row, whatever its extent.
    for (const poly of s.polygons) work += h + poly.rings.reduce((n, ring) => n + ring.length, 0);
  };
  [p.region, p.cover.peshmerga, p.cover.federal].forEach(add);
  if (p.strip) [p.strip.nearPeshmerga, p.strip.nearFederal, p.strip.held].forEach(add);
  if (work > MAX_SPAN_ROWS) {
    fail('sources', `the shapes would cross ${work.toLocaleString('en')} cell rows; the limit is ${MAX_SPAN_ROWS.toLocaleString('en')}: use larger cells or fewer shapes`);
  }
}

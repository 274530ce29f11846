/**
 * Validation of GeoJSON geometries that people enter or import. Errors point at the offending
 * position and say what to fix, because the most common mistakes (latitude first, an unclosed or
 * twisted polygon) are easy to repair once named.
 */
import { z } from 'zod';
import { bboxOf, planarRingArea, ringSide } from './measure.ts';
import { findRingContact, TOO_COMPLEX } from './segments.ts';
import { lonLat, positionsOf, samePlace, type Geometry, type Position, type Ring } from './types.ts';

export type { Area, Bbox, Geometry, Line, LineString, MultiLineString, MultiPolygon, Point, Polygon, Position, Ring } from './types.ts';
export { bboxOf, centroidOf, geodesicAreaKm2, haversineM, pointInArea } from './measure.ts';

/** Iraq with a margin for border areas, [lon, lat] in degrees. */
export const SERVICE_AREA = { minLon: 38.0, minLat: 28.5, maxLon: 49.5, maxLat: 38.5 } as const;
export const MAX_POSITIONS = 100_000;
/** Beyond this, one summary issue: a pasted file with every position swapped needs one message. */
const MAX_POSITION_ISSUES = 10;

type Path = (string | number)[];
type Report = (message: string, path: Path) => void;

const inServiceArea = (lon: number, lat: number): boolean =>
  lon >= SERVICE_AREA.minLon && lon <= SERVICE_AREA.maxLon && lat >= SERVICE_AREA.minLat && lat <= SERVICE_AREA.maxLat;

function positionProblem(p: Position): string | undefined {
  const [lon, lat] = lonLat(p);
  if (lon < -180 || lon > 180) return `longitude ${lon} is outside [-180, 180]`;
  if (lat < -90 || lat > 90) return `latitude ${lat} is outside [-90, 90]`;
  if (inServiceArea(lon, lat)) return undefined;
  if (inServiceArea(lat, lon)) return `coordinates look swapped: GeoJSON order is [longitude, latitude], so [${lon}, ${lat}] should be [${lat}, ${lon}]`;
  return `[${lon}, ${lat}] is outside the service area (Iraq and its borders)`;
}

function walkPositions(coords: unknown[], path: Path, visit: (p: Position, path: Path) => void): void {
  if (typeof coords[0] === 'number') return visit(coords as Position, path);
  coords.forEach((c, i) => walkPositions(c as unknown[], [...path, i], visit));
}

function checkPositions(g: Geometry, report: Report): boolean {
  let problems = 0;
  walkPositions(g.coordinates, ['coordinates'], (p, path) => {
    const problem = positionProblem(p);
    if (problem && ++problems <= MAX_POSITION_ISSUES) report(problem, path);
  });
  if (problems > MAX_POSITION_ISSUES) report(`${problems - MAX_POSITION_ISSUES} more positions have problems`, ['coordinates']);
  return problems === 0;
}

function checkLine(line: Position[], path: Path, name: string, report: Report): void {
  const [first] = line;
  if (!first || line.every((p) => samePlace(p, first))) report(`${name} needs at least 2 distinct positions`, path);
}

/** Collinear rings give a shoelace area of rounding noise, so "zero" is relative to the ring's size. */
function hasNoArea(ring: Ring): boolean {
  const [minX, minY, maxX, maxY] = bboxOf({ type: 'LineString', coordinates: ring });
  return Math.abs(planarRingArea(ring)) <= 1e-12 * (maxX - minX + maxY - minY) ** 2;
}

function checkRing(ring: Ring, path: Path, name: string, report: Report): boolean {
  const first = ring[0];
  const last = ring[ring.length - 1];
  let problem: string | undefined;
  if (!first || !last || ring.length < 4) problem = `${name} has ${ring.length} positions; a ring needs at least 4, the last repeating the first`;
  else if (!samePlace(first, last)) problem = `${name} is not closed: its last position must repeat the first`;
  if (problem) report(problem, path);
  return !problem;
}

const near = ([lon, lat]: [number, number]): string => `[${+lon.toFixed(6)}, ${+lat.toFixed(6)}]`;

// Crossings are looked for before empty rings: a symmetric bow-tie's two lobes cancel to zero area,
// and "intersects itself" is the message that helps.
function checkPolygon(rings: Ring[], path: Path, label: string, report: Report): void {
  const ringsOk = rings.map((ring, r) => checkRing(ring, [...path, r], `${label}ring ${r}`, report));
  if (!ringsOk.every(Boolean)) return;
  const c = findRingContact(rings);
  if (c === TOO_COMPLEX) return report(`${label}the outline is too intricate to check for crossing edges (many long edges side by side); simplify it`, path);
  if (c) {
    const message = c.ring === c.otherRing
      ? `${label}ring ${c.ring} intersects itself near ${near(c.at)}`
      : `${label}ring ${c.ring} crosses ring ${c.otherRing} near ${near(c.at)}`;
    return report(message, [...path, c.ring, c.vertex]);
  }
  const flat = rings.findIndex(hasNoArea);
  if (flat >= 0) return report(`${label}ring ${flat} has no area: its positions lie on one line`, [...path, flat]);
  rings.slice(1).forEach((hole, h) => {
    if (holeOutside(hole, rings[0]!)) report(`${label}ring ${h + 1} is a hole but lies outside ring 0, the outer boundary`, [...path, h + 1]);
  });
}

// Rings no longer cross here, so one point of the hole off the outer ring decides. Vertices may
// touch the outer ring; an edge midpoint rarely does, so a few of each are tried.
function holeOutside(hole: Ring, outer: Ring): boolean {
  const candidates: [number, number][] = [];
  for (let i = 0; i + 1 < hole.length && i < 4; i++) {
    const [ax, ay] = lonLat(hole[i]!);
    const [bx, by] = lonLat(hole[i + 1]!);
    candidates.push([ax, ay], [(ax + bx) / 2, (ay + by) / 2]);
  }
  const side = candidates.map(([x, y]) => ringSide(x, y, outer)).find((s) => s !== 0);
  return side === -1;
}

function checkShape(g: Geometry, report: Report): void {
  switch (g.type) {
    case 'Point':
      return;
    case 'LineString':
      return checkLine(g.coordinates, ['coordinates'], 'a line', report);
    case 'MultiLineString':
      return g.coordinates.forEach((line, i) => checkLine(line, ['coordinates', i], `line ${i}`, report));
    case 'Polygon':
      return checkPolygon(g.coordinates, ['coordinates'], '', report);
    case 'MultiPolygon':
      return g.coordinates.forEach((rings, p) => checkPolygon(rings, ['coordinates', p], `polygon ${p}: `, report));
  }
}

function validateGeometry(g: Geometry, ctx: z.RefinementCtx): void {
  const report: Report = (message, path) => ctx.addIssue({ code: 'custom', message, path });
  const count = positionsOf(g).length;
  if (count > MAX_POSITIONS) return report(`has ${count} positions; the limit is ${MAX_POSITIONS.toLocaleString('en')} per geometry`, ['coordinates']);
  if (checkPositions(g, report)) checkShape(g, report);
}

const POSITION_MESSAGE = 'a position is [longitude, latitude], optionally followed by an altitude';
// A missing latitude gets the position message, not "expected number, received undefined".
const coordinate = z.number({ error: (issue) => (issue.input === undefined ? POSITION_MESSAGE : undefined) });
// Typed as the loose Position so that geometries built in code and parsed ones are interchangeable.
const positionSchema: z.ZodType<Position> = z
  .tuple([coordinate, coordinate], z.number(), { error: POSITION_MESSAGE })
  .refine((p) => p.length <= 3, { message: POSITION_MESSAGE, abort: true });
const ringSchema = z.array(positionSchema);
const nonEmpty = <T extends z.ZodType>(item: T, what: string) => z.array(item).min(1, { message: `needs at least one ${what}` });

export const pointSchema = z.strictObject({ type: z.literal('Point'), coordinates: positionSchema }).superRefine(validateGeometry);
export const lineStringSchema = z.strictObject({ type: z.literal('LineString'), coordinates: z.array(positionSchema) }).superRefine(validateGeometry);
export const multiLineStringSchema = z
  .strictObject({ type: z.literal('MultiLineString'), coordinates: nonEmpty(z.array(positionSchema), 'line') })
  .superRefine(validateGeometry);
export const polygonSchema = z.strictObject({ type: z.literal('Polygon'), coordinates: nonEmpty(ringSchema, 'ring') }).superRefine(validateGeometry);
export const multiPolygonSchema = z
  .strictObject({ type: z.literal('MultiPolygon'), coordinates: nonEmpty(nonEmpty(ringSchema, 'ring'), 'polygon') })
  .superRefine(validateGeometry);

export const areaSchema = z.discriminatedUnion('type', [polygonSchema, multiPolygonSchema]);
export const lineSchema = z.discriminatedUnion('type', [lineStringSchema, multiLineStringSchema]);
export const anyGeometrySchema = z.discriminatedUnion('type', [
  pointSchema,
  lineStringSchema,
  multiLineStringSchema,
  polygonSchema,
  multiPolygonSchema,
]);

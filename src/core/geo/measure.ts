/**
 * Measures over validated geometries. Planar formulas in degrees are used only where the answer is
 * a location (centroid, containment); sizes are measured on the sphere, never in degrees or Web
 * Mercator (DESIGN §6).
 */
import { lonLat, polygonsOf, positionsOf, type Area, type Bbox, type Geometry, type Position, type Ring } from './types.ts';

/** WGS84 authalic radius: a sphere with the ellipsoid's surface area, so areas come out right. */
const AUTHALIC_RADIUS_M = 6_371_007.2;
/** IUGG mean radius, the usual choice for great-circle distances. */
const MEAN_RADIUS_M = 6_371_008.8;
const RAD = Math.PI / 180;

export function bboxOf(g: Geometry): Bbox {
  const box: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of positionsOf(g)) {
    const [lon, lat] = lonLat(p);
    box[0] = Math.min(box[0], lon);
    box[1] = Math.min(box[1], lat);
    box[2] = Math.max(box[2], lon);
    box[3] = Math.max(box[3], lat);
  }
  return box;
}

/** Signed shoelace area in square degrees: positive when the ring runs counter-clockwise. */
export function planarRingArea(ring: Ring): number {
  return ringMoments(ring).area;
}

// Sums are taken relative to the first vertex: with coordinates near (44, 35) the raw products
// would cancel away most of the precision of a small ring.
function ringMoments(ring: Ring): { area: number; cx: number; cy: number } {
  const [ox, oy] = lonLat(ring[0] ?? []);
  let twiceArea = 0;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [ax, ay] = lonLat(ring[i]!);
    const [bx, by] = lonLat(ring[i + 1]!);
    const x0 = ax - ox, y0 = ay - oy, x1 = bx - ox, y1 = by - oy;
    const cross = x0 * y1 - x1 * y0;
    twiceArea += cross;
    sx += (x0 + x1) * cross;
    sy += (y0 + y1) * cross;
  }
  const area = twiceArea / 2;
  return { area, cx: ox + sx / (3 * twiceArea), cy: oy + sy / (3 * twiceArea) };
}

/**
 * Area-weighted centroid for areas (holes subtracted), mean of the vertices for lines, the point
 * itself for a point. Planar in degrees: right for the small shapes Tansiq draws, and it may fall
 * outside a concave shape, as any centroid can.
 */
export function centroidOf(g: Geometry): [number, number] {
  if (g.type === 'Point') return lonLat(g.coordinates);
  if (g.type === 'Polygon' || g.type === 'MultiPolygon') {
    const c = areaCentroid(g);
    if (c) return c;
  }
  return meanOf(positionsOf(g));
}

function areaCentroid(area: Area): [number, number] | undefined {
  let total = 0;
  let sx = 0;
  let sy = 0;
  for (const rings of polygonsOf(area)) {
    rings.forEach((ring, r) => {
      const m = ringMoments(ring);
      // Orientation varies between sources, so the sign comes from the ring's role instead.
      const weight = Math.abs(m.area) * (r === 0 ? 1 : -1);
      total += weight;
      sx += weight * m.cx;
      sy += weight * m.cy;
    });
  }
  return total > 0 ? [sx / total, sy / total] : undefined;
}

function meanOf(positions: Position[]): [number, number] {
  let sx = 0;
  let sy = 0;
  for (const p of positions) {
    const [lon, lat] = lonLat(p);
    sx += lon;
    sy += lat;
  }
  return [sx / positions.length, sy / positions.length];
}

/** Even-odd test: inside the outer ring and outside every hole, in any polygon of the area. */
export function pointInArea(lon: number, lat: number, area: Area): boolean {
  return polygonsOf(area).some((rings) => rings.reduce((inside, ring) => inside !== crossesOdd(lon, lat, ring), false));
}

function crossesOdd(x: number, y: number, ring: Ring): boolean {
  let odd = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = lonLat(ring[i]!);
    const [xj, yj] = lonLat(ring[j]!);
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) odd = !odd;
  }
  return odd;
}

/**
 * -1 outside, 0 on the boundary, 1 inside. Used to tell whether a hole lies in its outer ring, where
 * a point shared by both rings must not decide.
 */
export function ringSide(x: number, y: number, ring: Ring): -1 | 0 | 1 {
  for (let i = 0; i + 1 < ring.length; i++) {
    const [ax, ay] = lonLat(ring[i]!);
    const [bx, by] = lonLat(ring[i + 1]!);
    const onLine = (bx - ax) * (y - ay) === (by - ay) * (x - ax);
    if (onLine && x >= Math.min(ax, bx) && x <= Math.max(ax, bx) && y >= Math.min(ay, by) && y <= Math.max(ay, by)) return 0;
  }
  return crossesOdd(x, y, ring) ? 1 : -1;
}

/** Area on the authalic sphere, edges as great-circle arcs, holes subtracted. */
export function geodesicAreaKm2(area: Area): number {
  let m2 = 0;
  for (const rings of polygonsOf(area)) {
    rings.forEach((ring, r) => {
      m2 += (r === 0 ? 1 : -1) * Math.abs(sphericalExcess(ring)) * AUTHALIC_RADIUS_M ** 2;
    });
  }
  return m2 / 1e6;
}

// Sum over the edges of the excess of the quadrilateral each edge makes with the equator:
// tan(E/2) = tan(Δλ/2)·(tan(φ1/2) + tan(φ2/2)) / (1 + tan(φ1/2)·tan(φ2/2))  (Karney 2013, eq. 60,
// on the sphere). Exact for great-circle edges and stable for small rings, unlike the
// angle-sum form of the spherical excess.
function sphericalExcess(ring: Ring): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [lon1, lat1] = lonLat(ring[i]!);
    const [lon2, lat2] = lonLat(ring[i + 1]!);
    const t1 = Math.tan((lat1 * RAD) / 2);
    const t2 = Math.tan((lat2 * RAD) / 2);
    const dLon = (((lon2 - lon1 + 540) % 360) - 180) * RAD;
    sum += 2 * Math.atan2(Math.tan(dLon / 2) * (t1 + t2), 1 + t1 * t2);
  }
  return sum;
}

/** Great-circle distance in metres between two [lon, lat] positions. */
export function haversineM(a: Position, b: Position): number {
  const [lon1, lat1] = lonLat(a);
  const [lon2, lat2] = lonLat(b);
  const h = Math.sin(((lat2 - lat1) * RAD) / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(((lon2 - lon1) * RAD) / 2) ** 2;
  return 2 * MEAN_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Metric geometry for the demo's illustrative front: offsetting a hand-drawn centre line into the
 * two forward lines and the sweep band, and measuring the strip between the lines. Each step works
 * in a local tangent plane (metres east/north of the point in question), which is accurate to a
 * fraction of a percent over the few tens of kilometres involved; degrees are never measured.
 */
import { haversineM } from '../core/geo/geometry.ts';

export type LonLat = [number, number];

const M_PER_DEG_LAT = 110_574;
const M_PER_DEG_LON_EQ = 111_320;
const mPerDegLon = (lat: number): number => M_PER_DEG_LON_EQ * Math.cos((lat * Math.PI) / 180);

/** Metres east/north of `origin`. */
export function toMetres(origin: LonLat, p: LonLat): [number, number] {
  return [(p[0] - origin[0]) * mPerDegLon(origin[1]), (p[1] - origin[1]) * M_PER_DEG_LAT];
}

export function fromMetres(origin: LonLat, [x, y]: [number, number]): LonLat {
  return [origin[0] + x / mPerDegLon(origin[1]), origin[1] + y / M_PER_DEG_LAT];
}

/** Rounds to 1e-5° (about 1 m): keeps stored geometry short without visible change. */
export const round5 = ([lon, lat]: LonLat): LonLat => [Math.round(lon * 1e5) / 1e5, Math.round(lat * 1e5) / 1e5];

/**
 * Chaikin corner cutting on points that carry extra numbers (widths): rounds the hand-drawn
 * corners so that offsets of a few tens of kilometres do not fold over on the inside of a bend.
 * The numbers are interpolated like the coordinates. End points are kept.
 */
export function smooth(points: readonly number[][], iterations: number): number[][] {
  let pts = points.map((p) => [...p]);
  for (let it = 0; it < iterations; it++) {
    const out: number[][] = [pts[0]!];
    for (let i = 0; i + 1 < pts.length; i++) {
      const a = pts[i]!;
      const b = pts[i + 1]!;
      out.push(a.map((v, k) => 0.75 * v + 0.25 * b[k]!), a.map((v, k) => 0.25 * v + 0.75 * b[k]!));
    }
    out.push(pts[pts.length - 1]!);
    pts = out;
  }
  return pts;
}

/** Unit normal pointing to the left of travel at vertex i (bisector of the adjacent segments). */
function leftNormal(line: readonly LonLat[], i: number): [number, number] {
  const here = line[i]!;
  const dirs: [number, number][] = [];
  for (const [a, b] of [[i - 1, i], [i, i + 1]] as const) {
    if (a < 0 || b >= line.length) continue;
    const [dx, dy] = toMetres(here, line[b]!).map((v, k) => v - toMetres(here, line[a]!)[k]!) as [number, number];
    const len = Math.hypot(dx, dy);
    if (len > 0) dirs.push([dx / len, dy / len]);
  }
  const sx = dirs.reduce((s, d) => s + d[0], 0);
  const sy = dirs.reduce((s, d) => s + d[1], 0);
  const len = Math.hypot(sx, sy) || 1;
  // A mitre keeps the offset line parallel to both segments; capped so sharp turns do not spike.
  const cosHalf = dirs.length === 2 ? Math.max((sx * dirs[0]![0] + sy * dirs[0]![1]) / len, 0.7) : 1;
  return [-sy / len / cosHalf, sx / len / cosHalf];
}

/** The line moved sideways, vertex by vertex: positive metres to the left of travel, negative to the right. */
export function offsetLine(line: readonly LonLat[], offsetM: (i: number) => number): LonLat[] {
  return line.map((p, i) => {
    const [nx, ny] = leftNormal(line, i);
    const d = offsetM(i);
    return fromMetres(p, [nx * d, ny * d]);
  });
}

/** A closed ring between two offsets of a centre line (left ≥ 0 m, right ≥ 0 m). */
export function bandRing(line: readonly LonLat[], leftM: (i: number) => number, rightM: (i: number) => number, from = 0, to = line.length - 1): LonLat[] {
  const left = offsetLine(line, leftM).slice(from, to + 1);
  const right = offsetLine(line, (i) => -rightM(i)).slice(from, to + 1).reverse();
  const ring = [...left, ...right].map(round5);
  return [...ring, ring[0]!];
}

/** Metres from p to the segment ab, in the tangent plane at p. */
function distanceToSegmentM(p: LonLat, a: LonLat, b: LonLat): { d: number; t: number } {
  const [ax, ay] = toMetres(p, a);
  const [bx, by] = toMetres(p, b);
  const vx = bx - ax;
  const vy = by - ay;
  const len2 = vx * vx + vy * vy;
  const t = len2 === 0 ? 0 : Math.min(1, Math.max(0, -(ax * vx + ay * vy) / len2));
  return { d: Math.hypot(ax + t * vx, ay + t * vy), t };
}

/** Shortest distance from a point to a polyline, in metres. */
export function distanceToLineM(p: LonLat, line: readonly LonLat[]): number {
  let best = Infinity;
  for (let i = 0; i + 1 < line.length; i++) best = Math.min(best, distanceToSegmentM(p, line[i]!, line[i + 1]!).d);
  return best;
}

/**
 * Signed distance from the centre line (left positive), the fraction of the line's length at the
 * nearest point and the nearest vertex: tells on whose side of the front a place lies and how deep.
 */
export function sideOf(p: LonLat, line: readonly LonLat[]): { signedM: number; along: number; vertex: number } {
  const lengths = segmentLengths(line);
  const total = lengths.reduce((s, l) => s + l, 0);
  let best = { d: Infinity, i: 0, t: 0 };
  for (let i = 0; i + 1 < line.length; i++) {
    const { d, t } = distanceToSegmentM(p, line[i]!, line[i + 1]!);
    if (d < best.d) best = { d, i, t };
  }
  const [ax, ay] = toMetres(p, line[best.i]!);
  const [bx, by] = toMetres(p, line[best.i + 1]!);
  // Cross product of the segment with the vector to p: positive when p is on the left.
  const cross = (bx - ax) * (0 - ay) - (by - ay) * (0 - ax);
  const before = lengths.slice(0, best.i).reduce((s, l) => s + l, 0);
  return { signedM: Math.sign(cross) * best.d, along: (before + best.t * (lengths[best.i] ?? 0)) / total, vertex: best.i + Math.round(best.t) };
}

function segmentLengths(line: readonly LonLat[]): number[] {
  return line.slice(1).map((p, i) => haversineM(line[i]!, p));
}

export function lengthM(line: readonly LonLat[]): number {
  return segmentLengths(line).reduce((s, l) => s + l, 0);
}

/** The point at a fraction of the line's length, moved `offsetM` to the left (negative: right). */
export function pointAlong(line: readonly LonLat[], fraction: number, offsetM = 0): LonLat {
  const lengths = segmentLengths(line);
  let rest = Math.min(Math.max(fraction, 0), 1) * lengths.reduce((s, l) => s + l, 0);
  for (let i = 0; i < lengths.length; i++) {
    const len = lengths[i]!;
    if (rest <= len || i === lengths.length - 1) {
      const a = line[i]!;
      const b = line[i + 1]!;
      const t = len === 0 ? 0 : Math.min(rest / len, 1);
      const [bx, by] = toMetres(a, b);
      const n = Math.hypot(bx, by) || 1;
      return fromMetres(a, [t * bx - (by / n) * offsetM, t * by + (bx / n) * offsetM]);
    }
    rest -= len;
  }
  return line[line.length - 1]!;
}

/**
 * Width of the gap between two lines: the distance from evenly spaced points of `a` to the
 * nearest point of `b`. The two end points are left out: there the gap is open, not measured.
 */
export function gapWidthKm(a: readonly LonLat[], b: readonly LonLat[], samples = 400): { minKm: number; maxKm: number; meanKm: number } {
  const widths: number[] = [];
  for (let k = 1; k < samples; k++) widths.push(distanceToLineM(pointAlong(a, k / samples), b) / 1000);
  return {
    minKm: Math.min(...widths),
    maxKm: Math.max(...widths),
    meanKm: widths.reduce((s, w) => s + w, 0) / widths.length,
  };
}

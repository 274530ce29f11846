/**
 * Shapes defined in UTM 38N metres and handed to the engine in lon/lat, as a client would, for
 * tests whose expected answers are computed in the same metres (used by the tests only).
 */
import type { Polygon, Position } from '../types.ts';
import { toLonLat, toUtm } from './utm.ts';
import { seededRandom } from '../../random/seeded-random.ts';

/** Easting/northing of a point south-west of Kirkuk. */
export const ORIGIN = { x: 430_000, y: 3_900_000 } as const;

/** A position `dx`, `dy` metres from ORIGIN. */
export const at = (dx: number, dy: number): Position => toLonLat(ORIGIN.x + dx, ORIGIN.y + dy);

/** A rectangle in metres from ORIGIN, with a point every `stepM` so its edges stay straight in UTM. */
export function rectangle(x0: number, y0: number, x1: number, y1: number, stepM = 250): Polygon {
  const corners: [number, number][] = [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];
  const ring: Position[] = [];
  for (let i = 0; i + 1 < corners.length; i++) {
    const [ax, ay] = corners[i]!, [bx, by] = corners[i + 1]!;
    const n = Math.max(1, Math.ceil(Math.hypot(bx - ax, by - ay) / stepM));
    for (let k = 0; k < n; k++) ring.push(at(ax + ((bx - ax) * k) / n, ay + ((by - ay) * k) / n));
  }
  ring.push(ring[0]!);
  return { type: 'Polygon', coordinates: [ring] };
}

/** Distance in UTM metres between two lon/lat positions. */
export function utmDistance(a: Position, b: Position): number {
  const [ax, ay] = toUtm(a[0]!, a[1]!);
  const [bx, by] = toUtm(b[0]!, b[1]!);
  return Math.hypot(bx - ax, by - ay);
}

export const seeded = seededRandom;

/**
 * Boundary polygons at import: strict RFC 7946 validation with positions named in errors, then
 * measurement. The core's geometry checks are not used for validation because they are written for
 * shapes people draw (service area of Iraq, a vertex cap); COD-AB files of any country and size
 * must pass here.
 */
import { bboxOf, geodesicAreaKm2 } from '../core/geo/measure.ts';
import type { AdminArea } from '../core/model/reference.ts';
import type { Fail } from './importer.util.ts';
import { lonLat } from './importer.util.ts';

export type PolygonalGeometry = AdminArea['geometry'];
export type BBox = [number, number, number, number];

/** The geometry if it is a valid Polygon or MultiPolygon, else a failure naming the bad part. */
export function polygonalGeometry(geometry: unknown, fail: Fail): PolygonalGeometry {
  if (typeof geometry !== 'object' || geometry === null) return fail('geometry', 'missing geometry (need Polygon or MultiPolygon)');
  const { type, coordinates } = geometry as { type?: unknown; coordinates?: unknown };
  if (type === 'Polygon') {
    checkPolygon(coordinates, 'geometry.coordinates', fail);
    return { type, coordinates: coordinates as number[][][] };
  }
  if (type === 'MultiPolygon') {
    if (!Array.isArray(coordinates) || coordinates.length === 0) return fail('geometry.coordinates', 'MultiPolygon needs at least one polygon');
    coordinates.forEach((p: unknown, i: number) => checkPolygon(p, `geometry.coordinates.${i}`, fail));
    return { type, coordinates: coordinates as number[][][][] };
  }
  return fail('geometry.type', `geometry type ${JSON.stringify(type)} is not Polygon or MultiPolygon`);
}

function checkPolygon(rings: unknown, field: string, fail: Fail): void {
  if (!Array.isArray(rings) || rings.length === 0) fail(field, 'polygon needs at least one ring');
  (rings as unknown[]).forEach((ring, i) => checkRing(ring, `${field}.${i}`, fail));
}

function checkRing(ring: unknown, field: string, fail: Fail): void {
  // RFC 7946 §3.1.6: a linear ring is closed and has at least four positions.
  if (!Array.isArray(ring) || ring.length < 4) fail(field, 'ring needs at least 4 positions');
  const positions = ring as unknown[];
  positions.forEach((p, i) => lonLat(p, `${field}.${i}`, fail));
  const first = positions[0] as number[];
  const last = positions[positions.length - 1] as number[];
  if (first[0] !== last[0] || first[1] !== last[1]) fail(field, 'ring is not closed (first and last positions differ)');
}

/**
 * Bounding box and area (km² on the authalic sphere, great-circle edges, holes subtracted) of a
 * validated boundary. The core's measure is used so that imported areas and areas computed later
 * (coverage, gap analysis) agree to the last digit.
 */
export function measurePolygonal(g: PolygonalGeometry): { bbox: BBox; areaKm2: number } {
  return { bbox: bboxOf(g), areaKm2: geodesicAreaKm2(g) };
}

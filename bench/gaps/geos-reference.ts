/**
 * The vector reference: the same job with GEOS (geos-wasm), in the same UTM 38N metres: every
 * source buffered (circles with 64 segments per quarter, i.e. 256-gon; corridors with round caps
 * and joins), unioned (GEOSUnaryUnion), and the union taken from the region. Uncovered area in km².
 */
import initGeosJs from 'geos-wasm';
import { geojsonToGeosGeom } from 'geos-wasm/helpers';
import type { SyntheticCase } from './synthetic.case.ts';

type Geos = Awaited<ReturnType<typeof initGeosJs>>;
const QUADSEGS = 64;
const GEOMETRYCOLLECTION = 7;

let geosPromise: Promise<Geos> | undefined;
export const loadGeos = (): Promise<Geos> => (geosPromise ??= initGeosJs());

export function referenceUncoveredKm2(geos: Geos, c: SyntheticCase): number {
  const parts: number[] = [];
  for (const s of c.utm.circles) {
    const p = geos.GEOSGeom_createPointFromXY(s.x, s.y);
    parts.push(geos.GEOSBuffer(p, s.r, QUADSEGS));
    geos.GEOSGeom_destroy(p);
  }
  for (const s of c.utm.corridors) {
    const line = geojsonToGeosGeom({ type: 'LineString', coordinates: s.line }, geos);
    parts.push(geos.GEOSBuffer(line, s.widthM / 2, QUADSEGS));
    geos.GEOSGeom_destroy(line);
  }
  for (const h of c.utm.held) parts.push(geojsonToGeosGeom({ type: 'Polygon', coordinates: [h.ring] }, geos));
  const array = geos.Module._malloc(parts.length * 4);
  geos.Module.HEAPU32.set(parts, array >> 2);
  const collection = geos.GEOSGeom_createCollection(GEOMETRYCOLLECTION, array, parts.length);
  geos.Module._free(array);
  const union = geos.GEOSUnaryUnion(collection);
  const region = geojsonToGeosGeom({ type: 'Polygon', coordinates: [c.utm.region] }, geos);
  const uncovered = geos.GEOSDifference(region, union);
  const out = geos.Module._malloc(8);
  geos.GEOSArea(uncovered, out);
  const m2 = geos.Module.getValue(out, 'double');
  geos.Module._free(out);
  [collection, union, region, uncovered].forEach((g) => geos.GEOSGeom_destroy(g));
  return m2 / 1e6;
}

/**
 * WGS84 lon/lat ⇄ UTM zone 38N (EPSG:32638) metres. One cached proj4 converter; the engine projects
 * only the few input coordinates and the output outlines, never cell by cell.
 */
import proj4 from 'proj4';

// The projection object itself, not a proj4(from, to) converter: both are WGS84, so the converter
// would only add datum checks and copies (same results to 1e-14 m, a third faster).
const utm38n = new proj4.Proj('+proj=utm +zone=38 +datum=WGS84 +units=m +no_defs');
const DEG = Math.PI / 180;

const CENTRAL_MERIDIAN = 45;
/** Beyond this the transverse Mercator scale error grows fast: refused rather than distorted. */
const MAX_DEG_FROM_MERIDIAN = 9;
const MIN_LAT = -80;
const MAX_LAT = 84;

/** Why a [lon, lat] cannot be used in UTM 38N, or undefined when it can. */
export function zoneProblem(lon: unknown, lat: unknown): string | undefined {
  if (typeof lon !== 'number' || typeof lat !== 'number' || !Number.isFinite(lon) || !Number.isFinite(lat)) {
    return 'a position is [longitude, latitude] with finite numbers';
  }
  if (Math.abs(lon - CENTRAL_MERIDIAN) > MAX_DEG_FROM_MERIDIAN) {
    return `longitude ${lon} is more than ${MAX_DEG_FROM_MERIDIAN}° from UTM zone 38's central meridian (${CENTRAL_MERIDIAN}°E)`;
  }
  if (lat < MIN_LAT || lat > MAX_LAT) return `latitude ${lat} is outside the UTM range [${MIN_LAT}, ${MAX_LAT}]`;
  return undefined;
}

export function toUtm(lon: number, lat: number): [number, number] {
  const p = utm38n.forward({ x: lon * DEG, y: lat * DEG });
  return [p.x, p.y];
}

/** [lon, lat] rounded to 1e-6° (about 0.1 m): far below a cell, and stable output. */
export function toLonLat(x: number, y: number): [number, number] {
  const p = utm38n.inverse({ x, y });
  return [Math.round((p.x / DEG) * 1e6) / 1e6, Math.round((p.y / DEG) * 1e6) / 1e6];
}

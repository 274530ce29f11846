/**
 * Where each gap is, in words a reader uses: the sub-district, district and governorate of its
 * centroid, and the nearest places of the gazetteer with their distance.
 */
import type { Gap } from '../core/geo/coverage/coverage.types.ts';
import { haversineM, type Bbox, type Position } from '../core/geo/geometry.ts';
import type { AdminArea, LocalizedNames, Place } from '../core/model/reference.ts';
import type { ReferenceService } from './reference.service.ts';

export interface AdminRef {
  pcode: string;
  level: number;
  names: LocalizedNames;
}

export interface GapAdmin {
  governorate: AdminRef | null;
  district: AdminRef | null;
  subDistrict: AdminRef | null;
}

export interface NearPlace {
  id: string;
  names: LocalizedNames;
  kind: string;
  lon: number;
  lat: number;
  distanceKm: number;
}

export interface GapView extends Gap {
  admin: GapAdmin;
  places: NearPlace[];
}

export const NEAREST_PLACES = 3;
const PAGE = 500;
/**
 * Half-widths of the boxes searched for places, in km, until enough lie within the box's inner
 * circle. Small first: a box is read one page deep, and no 4 × 4 km box holds a page of places.
 */
const SEARCH_KM = [2, 8, 32, 128];
const KM_PER_DEGREE = 111.32;

const ref = (a: AdminArea): AdminRef => ({ pcode: a.pcode, level: a.level, names: a.names });

async function locate(reference: ReferenceService, [lon, lat]: [number, number]): Promise<GapAdmin> {
  const areas = await reference.locate(lon, lat);
  const at = (level: number): AdminRef | null => {
    const hit = areas.find((a) => a.level === level);
    return hit ? ref(hit) : null;
  };
  return { governorate: at(1), district: at(2), subDistrict: at(3) };
}

function boxAround([lon, lat]: [number, number], km: number): Bbox {
  const dLat = km / KM_PER_DEGREE;
  const dLon = km / (KM_PER_DEGREE * Math.cos((lat * Math.PI) / 180));
  return [lon - dLon, lat - dLat, lon + dLon, lat + dLat];
}

const near = (p: Place, from: Position): NearPlace => ({
  id: p.id,
  names: p.names,
  kind: p.kind,
  lon: p.lon,
  lat: p.lat,
  distanceKm: Math.round(haversineM(from, [p.lon, p.lat])) / 1000,
});

/** The nearest places, widening the search until the nearest found are surely the nearest that exist. */
async function nearestPlaces(reference: ReferenceService, at: [number, number]): Promise<NearPlace[]> {
  let found: NearPlace[] = [];
  for (const km of SEARCH_KM) {
    const places = await reference.listPlaces({ bbox: boxAround(at, km), limit: PAGE });
    found = places.map((p) => near(p, at)).sort((a, b) => a.distanceKm - b.distanceKm || a.id.localeCompare(b.id));
    // A place outside the box's inner circle may be farther than one just outside the box.
    if (found.filter((p) => p.distanceKm <= km).length >= NEAREST_PLACES) break;
  }
  return found.slice(0, NEAREST_PLACES);
}

const centroidOf = (g: Gap): [number, number] => [g.centroid[0] ?? NaN, g.centroid[1] ?? NaN];

/** Gaps in the engine's order, each with its admin areas and nearest places. */
export async function describeGaps(reference: ReferenceService, gaps: readonly Gap[]): Promise<GapView[]> {
  const out: GapView[] = [];
  for (const gap of gaps) {
    const at = centroidOf(gap);
    out.push({ ...gap, admin: await locate(reference, at), places: await nearestPlaces(reference, at) });
  }
  return out;
}

import type { Expression, ExpressionBuilder, Insertable, Selectable, SqlBool } from 'kysely';
import { TansiqError } from '../../core/errors.ts';
import type { AdminArea, AdminLevel, LocalizedNames, Place } from '../../core/model/reference.ts';
import { foldText } from '../../core/text/fold.ts';
import type { AdminAreaQuery, PlaceQuery } from '../ports.ts';
import type { AdminAreasTable, Database, PlacesTable } from './schema.ts';
import { toBool, type SqlTraits } from './sql-traits.ts';

/** Every spelling a user may search for, folded once at write time (DESIGN §8). */
const searchText = (names: LocalizedNames, alt: readonly string[] = []): string =>
  foldText([names.en, names.ar, names.ckb, names.kuLatn, ...alt].filter((s) => s !== undefined).join(' '));

// Every column is given explicitly: in a multi-row insert PostgreSQL fills a missing key with
// DEFAULT and SQLite rejects the statement, so rows must never differ in shape.
export const toPlaceRow = (p: Place): Insertable<PlacesTable> => ({
  id: p.id,
  names: JSON.stringify(p.names),
  alt_names: JSON.stringify(p.altNames),
  search: searchText(p.names, p.altNames),
  kind: p.kind,
  lon: p.lon,
  lat: p.lat,
  adm1_pcode: p.adm1Pcode ?? null,
  adm2_pcode: p.adm2Pcode ?? null,
  adm3_pcode: p.adm3Pcode ?? null,
  population: p.population ?? null,
  geonames_id: p.geonamesId ?? null,
  source: p.source,
});

export const fromPlaceRow = (r: Selectable<PlacesTable>, t: SqlTraits): Place => ({
  id: r.id,
  names: t.json(r.names) as LocalizedNames,
  altNames: t.json(r.alt_names) as string[],
  kind: r.kind,
  lon: r.lon,
  lat: r.lat,
  adm1Pcode: r.adm1_pcode,
  adm2Pcode: r.adm2_pcode,
  adm3Pcode: r.adm3_pcode,
  population: r.population,
  geonamesId: r.geonames_id,
  source: r.source,
});

export function toAdminAreaRow(a: AdminArea, t: SqlTraits): Insertable<AdminAreasTable> {
  const [minLon, minLat, maxLon, maxLat] = a.bbox;
  return {
    pcode: a.pcode,
    level: a.level,
    names: JSON.stringify(a.names),
    parent_pcode: a.parentPcode ?? null,
    geometry: JSON.stringify(a.geometry),
    min_lon: minLon,
    min_lat: minLat,
    max_lon: maxLon,
    max_lat: maxLat,
    area_km2: a.areaKm2,
    in_kurdistan_region: a.inKurdistanRegion === null ? null : t.bool(a.inKurdistanRegion),
    source: a.source,
    search: searchText(a.names),
  };
}

export const fromAdminAreaRow = (r: Selectable<AdminAreasTable>, t: SqlTraits): AdminArea => ({
  pcode: r.pcode,
  level: r.level as AdminLevel,
  names: t.json(r.names) as LocalizedNames,
  parentPcode: r.parent_pcode,
  geometry: t.json(r.geometry) as AdminArea['geometry'],
  bbox: [r.min_lon, r.min_lat, r.max_lon, r.max_lat],
  areaKm2: r.area_km2,
  inKurdistanRegion: r.in_kurdistan_region === null ? null : toBool(r.in_kurdistan_region),
  source: r.source,
});

function finite(n: number[], what: string): void {
  if (!n.every((v) => typeof v === 'number' && Number.isFinite(v))) throw new TansiqError('VALIDATION', `${what} must be finite numbers`);
}

export function placeConditions(eb: ExpressionBuilder<Database, 'places'>, q: PlaceQuery, t: SqlTraits): Expression<SqlBool>[] {
  const c: Expression<SqlBool>[] = [];
  for (const token of q.qTokens ?? []) c.push(t.contains(eb.ref('search'), token));
  if (q.bbox) {
    finite(q.bbox, 'bbox');
    const [minLon, minLat, maxLon, maxLat] = q.bbox;
    c.push(eb('lon', '>=', minLon), eb('lon', '<=', maxLon), eb('lat', '>=', minLat), eb('lat', '<=', maxLat));
  }
  if (q.adminPcode !== undefined) {
    const p = q.adminPcode;
    c.push(eb.or([eb('adm1_pcode', '=', p), eb('adm2_pcode', '=', p), eb('adm3_pcode', '=', p)]));
  }
  return c;
}

export function adminAreaConditions(eb: ExpressionBuilder<Database, 'admin_areas'>, q: AdminAreaQuery, t: SqlTraits): Expression<SqlBool>[] {
  const c: Expression<SqlBool>[] = [];
  for (const token of q.qTokens ?? []) c.push(t.contains(eb.ref('search'), token));
  if (q.level !== undefined) c.push(eb('level', '=', q.level));
  if (q.parentPcode !== undefined) c.push(eb('parent_pcode', '=', q.parentPcode));
  if (q.containsPoint) {
    finite(q.containsPoint, 'containsPoint');
    const [lon, lat] = q.containsPoint;
    c.push(eb('min_lon', '<=', lon), eb('max_lon', '>=', lon), eb('min_lat', '<=', lat), eb('max_lat', '>=', lat));
  }
  if (q.bbox) {
    finite(q.bbox, 'bbox');
    const [minLon, minLat, maxLon, maxLat] = q.bbox;
    c.push(eb('min_lon', '<=', maxLon), eb('max_lon', '>=', minLon), eb('min_lat', '<=', maxLat), eb('max_lat', '>=', minLat));
  }
  return c;
}

/** `offset` is also the `afterSeq` of event and audit pages. */
export function checkPaging(limit: number, offset: number): void {
  if (!Number.isInteger(limit) || limit < 1) throw new TansiqError('VALIDATION', `limit must be a positive integer, got ${limit}`);
  if (!Number.isInteger(offset) || offset < 0) throw new TansiqError('VALIDATION', `offset must be a non-negative integer, got ${offset}`);
}

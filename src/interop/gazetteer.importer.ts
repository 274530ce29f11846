/**
 * GeoJSON gazetteer of Point features (the normalised style of ../shared/geo/north_iraq_places and
 * curated_features) → Place.
 */
import { createHash } from 'node:crypto';
import type { LocalizedNames, Place } from '../core/model/reference.ts';
import type { Fail, FeatureInput, GeoJsonImportOptions } from './importer.util.ts';
import {
  compactNames,
  convertFeatures,
  geoJsonFileBatches,
  lonLat,
  optionalCount,
  optionalName,
  optionalPcode,
  optionalText,
  sourceLabel,
  uniqueNames,
} from './importer.util.ts';

export type GazetteerImportOptions = GeoJsonImportOptions;

const ALT_NAME_FIELDS = ['alt_names', 'curated_aliases'] as const;

/** Reads a gazetteer GeoJSON file whole, validates every feature, then yields Place batches. */
export function importGazetteer(path: string, opts: GazetteerImportOptions = {}): AsyncGenerator<Place[]> {
  return geoJsonFileBatches(path, opts, (json) => placesFromGeoJson(json, path, opts));
}

/** Converts a parsed FeatureCollection; `file` is only used in error messages. */
export function placesFromGeoJson(json: unknown, file: string, opts: Pick<GazetteerImportOptions, 'defaultSource'> = {}): Place[] {
  const source = sourceLabel(opts, file);
  return convertFeatures(json, file, (feature, fail) => placeFromFeature(feature, fail, source), { of: (p) => p.id, field: 'properties.id', label: 'id' });
}

export function placeFromFeature(feature: FeatureInput, fail: Fail, defaultSource: string): Place {
  const props = feature.properties;
  const [lon, lat] = pointOf(feature.geometry, fail);
  const names = compactNames({
    en: optionalName(props, 'name_en', fail),
    ar: optionalName(props, 'name_ar', fail),
    ckb: optionalName(props, 'name_ckb', fail),
    kuLatn: optionalName(props, 'name_ku_latn', fail),
  });
  const geonamesId = optionalCount(props, 'geonames_id', fail);
  return {
    id: placeId(feature, names, geonamesId, [lon, lat], fail),
    names,
    altNames: uniqueNames(ALT_NAME_FIELDS.flatMap((key) => nameList(props, key, fail))),
    kind: optionalText(props, 'kind', fail) ?? optionalText(props, 'gn_feature_code', fail) ?? 'place',
    lon,
    lat,
    adm1Pcode: optionalPcode(props, 'adm1_pcode', fail),
    adm2Pcode: optionalPcode(props, 'adm2_pcode', fail),
    adm3Pcode: optionalPcode(props, 'adm3_pcode', fail),
    population: optionalCount(props, 'population', fail),
    geonamesId: geonamesId === 0 ? null : geonamesId,
    source: optionalName(props, 'source', fail) ?? defaultSource,
  };
}

function pointOf(geometry: unknown, fail: Fail): [number, number] {
  if (typeof geometry !== 'object' || geometry === null) return fail('geometry', 'missing geometry (need Point)');
  const { type, coordinates } = geometry as { type?: unknown; coordinates?: unknown };
  if (type !== 'Point') return fail('geometry.type', `geometry type ${JSON.stringify(type)} is not Point`);
  return lonLat(coordinates, 'geometry.coordinates', fail);
}

/**
 * The source's id when it has one; else the GeoNames id; else a hash of what identifies the place
 * to a person, so importing the same file twice updates instead of duplicating.
 */
function placeId(feature: FeatureInput, names: LocalizedNames, geonamesId: number | null, [lon, lat]: [number, number], fail: Fail): string {
  const own = optionalText(feature.properties, 'id', fail) ?? (typeof feature.id === 'string' || typeof feature.id === 'number' ? String(feature.id).trim() : '');
  if (own !== '') return own;
  if (geonamesId) return `geonames:${geonamesId}`;
  const name = names.en ?? names.ar ?? names.ckb ?? names.kuLatn ?? '';
  const digest = createHash('sha256').update(`${name.normalize('NFC')}|${lon}|${lat}`).digest('hex');
  return `hash:${digest.slice(0, 16)}`;
}

/** A list of names as an array, or as one text that exporters flattened (JSON or comma-separated). */
function nameList(props: Record<string, unknown>, key: string, fail: Fail): string[] {
  const v = props[key];
  if (v === null || v === undefined) return [];
  if (Array.isArray(v)) return v.map((item, i) => (typeof item === 'string' ? item : fail(`properties.${key}.${i}`, 'must be text')));
  if (typeof v !== 'string') return fail(`properties.${key}`, 'must be a list of names');
  const text = v.trim();
  return text.startsWith('[') ? nameList({ [key]: parseJsonList(text, key, fail) }, key, fail) : text.split(',');
}

function parseJsonList(text: string, key: string, fail: Fail): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return fail(`properties.${key}`, 'looks like a JSON list but does not parse');
  }
}

/**
 * The one entry for importing reference geodata (`tansiq geo import <file>`): tells the format of a
 * file and hands back its records in batches, each meant to be written in one transaction.
 */
import { extname } from 'node:path';
import { validationError } from '../core/errors.ts';
import type { AdminArea, Place } from '../core/model/reference.ts';
import type { CodAbImportOptions } from './cod-ab.importer.ts';
import { importCodAb } from './cod-ab.importer.ts';
import type { GazetteerImportOptions } from './gazetteer.importer.ts';
import { importGazetteer } from './gazetteer.importer.ts';
import type { GeoNamesImportOptions } from './geonames.importer.ts';
import { GEONAMES_COLUMNS, importGeoNames } from './geonames.importer.ts';
import { DEFAULT_MAX_BYTES, featuresOf, readHead, readJsonFile } from './importer.util.ts';

export type { ImportSummary, ProgressCallback, RecordIssue } from './importer.util.ts';

export type GeoFormat = 'cod-ab' | 'gazetteer' | 'geonames';

export type GeoImport =
  | { kind: 'admin-areas'; format: 'cod-ab'; batches: AsyncIterable<AdminArea[]> }
  | { kind: 'places'; format: 'gazetteer' | 'geonames'; batches: AsyncIterable<Place[]> };

export interface GeoImportOptions extends CodAbImportOptions, GazetteerImportOptions, GeoNamesImportOptions {
  /** Skip detection, e.g. for a file whose first features are ambiguous. */
  format?: GeoFormat;
}

const SNIFF_BYTES = 64 * 1024;
const GEOJSON_EXTENSIONS = new Set(['.geojson', '.json']);
const TEXT_EXTENSIONS = new Set(['.txt', '.tsv']);

/** Detects the importer for a file and starts it; records are read as the batches are consumed. */
export async function importGeoFile(path: string, opts: GeoImportOptions = {}): Promise<GeoImport> {
  const format = opts.format ?? (await detectGeoFormat(path, opts));
  switch (format) {
    case 'cod-ab':
      return { kind: 'admin-areas', format, batches: importCodAb(path, opts) };
    case 'gazetteer':
      return { kind: 'places', format, batches: importGazetteer(path, opts) };
    case 'geonames':
      return { kind: 'places', format, batches: importGeoNames(path, opts) };
  }
}

/**
 * Tells the format from the extension and the first bytes: a GeoJSON file of polygons is COD-AB
 * boundaries, of points a gazetteer; tab-separated 19-column lines are a GeoNames dump. Only when
 * the first 64 KiB do not decide (a huge first geometry written before its type) is a GeoJSON file
 * parsed whole, within `maxBytes`.
 */
export async function detectGeoFormat(path: string, opts: { maxBytes?: number } = {}): Promise<GeoFormat> {
  const ext = extname(path).toLowerCase();
  const head = await readHead(path, SNIFF_BYTES);
  const looksJson = head.trimStart().startsWith('{');
  if (looksJson) return sniffGeoJson(head) ?? (await formatOfFirstFeature(path, opts.maxBytes ?? DEFAULT_MAX_BYTES));
  if (GEOJSON_EXTENSIONS.has(ext)) throw validationError(`${path}: not GeoJSON (the file does not start with "{")`, [{ path: 'file', message: 'not GeoJSON' }]);
  if (looksLikeGeoNames(head)) return 'geonames';
  const expected = TEXT_EXTENSIONS.has(ext) ? `a GeoNames dump (${GEONAMES_COLUMNS.length} tab-separated columns)` : 'GeoJSON or a GeoNames dump';
  throw validationError(`${path}: cannot tell the format: expected ${expected}`, [{ path: 'file', message: 'unknown format' }]);
}

// The first geometry type is the surest sign and appears early whatever the writer's key order.
const GEOMETRY_TYPE_RE = /"type"\s*:\s*"(Point|MultiPoint|Polygon|MultiPolygon)"/;
const ADMIN_KEYS_RE = /"(pcode|ADM\d_PCODE|admin\dPcode)"\s*:/i;
const GAZETTEER_KEYS_RE = /"(geonames_id|gn_feature_code|alt_names)"\s*:/;

function sniffGeoJson(head: string): GeoFormat | null {
  const geometry = GEOMETRY_TYPE_RE.exec(head)?.[1];
  if (geometry) return geometry.endsWith('Polygon') ? 'cod-ab' : 'gazetteer';
  if (ADMIN_KEYS_RE.test(head)) return 'cod-ab';
  if (GAZETTEER_KEYS_RE.test(head)) return 'gazetteer';
  return null;
}

async function formatOfFirstFeature(path: string, maxBytes: number): Promise<GeoFormat> {
  const [first] = featuresOf(await readJsonFile(path, maxBytes), path);
  const type = (first?.geometry as { type?: unknown } | null | undefined)?.type;
  if (type === 'Polygon' || type === 'MultiPolygon') return 'cod-ab';
  if (type === 'Point') return 'gazetteer';
  throw validationError(`${path}: cannot tell the format: the first feature has no Polygon, MultiPolygon or Point geometry`, [{ path: 'features.0.geometry', message: 'unknown format' }]);
}

function looksLikeGeoNames(head: string): boolean {
  const line = head.split(/\r?\n/).find((l) => l.trim() !== '' && !l.startsWith('#'));
  if (line === undefined) return false;
  const cols = line.split('\t');
  return cols.length === GEONAMES_COLUMNS.length && /^\d+$/.test(cols[0]!);
}

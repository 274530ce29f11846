/**
 * GeoNames dump (IQ.txt, allCountries.txt: tab-separated, 19 columns, no header) → Place.
 * Dumps run to gigabytes, so the file is streamed line by line and never held whole.
 *
 * Errors: a bad line stops the import with its line number, but batches before it have already
 * been yielded. A caller that needs all-or-nothing runs the import inside one outer transaction,
 * or sets `skipBadLines` and reads the count from `onComplete`.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { LocalizedNames, Place } from '../core/model/reference.ts';
import { validationError } from '../core/errors.ts';
import type { BaseImportOptions, Fail, ImportSummary } from './importer.util.ts';
import {
  MAX_SKIPPED_SAMPLES,
  batchSizeOf,
  compactNames,
  emptySummary,
  fileSize,
  fitName,
  isArabicLanguageSpelling,
  isArabicScript,
  isLatinScript,
  isSoraniSpelling,
  isValidationError,
  lineFailer,
  uniqueNames,
} from './importer.util.ts';

export const GEONAMES_COLUMNS = [
  'geonameid', 'name', 'asciiname', 'alternatenames', 'latitude', 'longitude', 'feature class', 'feature code',
  'country code', 'cc2', 'admin1 code', 'admin2 code', 'admin3 code', 'admin4 code', 'population', 'elevation',
  'dem', 'timezone', 'modification date',
] as const;

export const DEFAULT_FEATURE_CLASSES: readonly string[] = ['P', 'T'];
const FEATURE_CLASSES = new Set(['A', 'H', 'L', 'P', 'R', 'S', 'T', 'U', 'V']);

export interface GeoNamesImportOptions extends BaseImportOptions {
  /** GeoNames feature classes to keep. Default P (populated places) and T (mountains, hills). */
  featureClasses?: readonly string[];
  /** Keep only points inside [minLon, minLat, maxLon, maxLat]. */
  bbox?: readonly [number, number, number, number];
  /** Count and skip malformed lines instead of stopping (count and samples go to onComplete). */
  skipBadLines?: boolean;
}

/** The columns of one dump line that Tansiq uses. */
export interface GeoNamesRecord {
  geonameId: number;
  name: string;
  asciiName: string;
  alternateNames: string[];
  lat: number;
  lon: number;
  featureClass: string;
  featureCode: string;
  countryCode: string;
  population: number | null;
}

/** Streams a GeoNames dump and yields Place batches; progress is in bytes of the file. */
export async function* importGeoNames(path: string, opts: GeoNamesImportOptions = {}): AsyncGenerator<Place[]> {
  const batchSize = batchSizeOf(opts);
  const keep = recordFilter(opts);
  const source = opts.defaultSource ?? 'geonames';
  const total = await fileSize(path);
  const summary = emptySummary();
  const stream = createReadStream(path, { encoding: 'utf8' });
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  const placeOf = (line: string, lineNo: number): Place | null => {
    const record = readLine(lineNo === 1 ? line.replace(/^\uFEFF/, '') : line, { file: path, lineNo }, opts, summary);
    if (record && keep(record)) return placeFromGeoNames(record, source);
    if (record) summary.filtered++;
    return null;
  };
  let lineNo = 0;
  let batch: Place[] = [];
  try {
    opts.onProgress?.(0, total);
    for await (const line of lines) {
      const place = placeOf(line, ++lineNo);
      if (place) batch.push(place);
      if (batch.length < batchSize) continue;
      summary.imported += batch.length;
      yield batch;
      batch = [];
      opts.onProgress?.(stream.bytesRead, total);
    }
    if (batch.length > 0) {
      summary.imported += batch.length;
      yield batch;
    }
    opts.onProgress?.(total, total);
    opts.onComplete?.(summary);
  } finally {
    // Also runs when the caller stops early: the file must not stay open.
    lines.close();
    stream.destroy();
  }
}

/** Null for blank and comment lines and, with skipBadLines, for malformed ones (counted). */
function readLine(line: string, at: { file: string; lineNo: number }, opts: GeoNamesImportOptions, summary: ImportSummary): GeoNamesRecord | null {
  if (line.trim() === '' || line.startsWith('#')) return null;
  summary.read++;
  try {
    return parseGeoNamesLine(line, lineFailer(at.file, at.lineNo));
  } catch (e) {
    if (!opts.skipBadLines || !isValidationError(e)) throw e;
    summary.skipped++;
    const where = `line ${at.lineNo}`;
    // The sample already says where; the message's own "file: line N: " prefix would repeat it.
    const message = e.message.slice(e.message.indexOf(`${where}: `) + where.length + 2);
    if (summary.skippedSamples.length < MAX_SKIPPED_SAMPLES) summary.skippedSamples.push({ at: where, message });
    return null;
  }
}

function recordFilter(opts: GeoNamesImportOptions): (r: GeoNamesRecord) => boolean {
  const classes = new Set((opts.featureClasses ?? DEFAULT_FEATURE_CLASSES).map((c) => c.toUpperCase()));
  const unknown = [...classes].filter((c) => !FEATURE_CLASSES.has(c));
  if (unknown.length > 0) throw validationError(`unknown GeoNames feature class(es): ${unknown.join(', ')} (expected A, H, L, P, R, S, T, U or V)`, [{ path: 'featureClasses', message: 'unknown feature class' }]);
  const box = opts.bbox;
  if (box && !(box[0] <= box[2] && box[1] <= box[3] && box.every(Number.isFinite))) {
    throw validationError('bbox must be [minLon, minLat, maxLon, maxLat] with min <= max', [{ path: 'bbox', message: 'invalid bounding box' }]);
  }
  return (r) => classes.has(r.featureClass) && (!box || (r.lon >= box[0] && r.lat >= box[1] && r.lon <= box[2] && r.lat <= box[3]));
}

// ---------------------------------------------------------------------------------------------
// One line

const DECIMAL_RE = /^[-+]?(\d+\.?\d*|\.\d+)$/;

// Column positions, looked up once: this runs for every line of multi-gigabyte dumps.
const COL = Object.fromEntries(GEONAMES_COLUMNS.map((name, i) => [name, i])) as Record<(typeof GEONAMES_COLUMNS)[number], number>;

export function parseGeoNamesLine(line: string, fail: Fail): GeoNamesRecord {
  const cols = line.split('\t');
  if (cols.length !== GEONAMES_COLUMNS.length) return fail('', `expected ${GEONAMES_COLUMNS.length} tab-separated columns, found ${cols.length}`);
  const id = cols[COL.geonameid]!.trim();
  const geonameId = wholeNumber(id, 'geonameid', fail);
  if (geonameId === null || geonameId === 0) return fail('geonameid', `column 1 is not a GeoNames id: "${id}"`);
  const alternates = cols[COL.alternatenames]!;
  return {
    geonameId,
    name: cols[COL.name]!.trim(),
    asciiName: cols[COL.asciiname]!.trim(),
    alternateNames: alternates === '' ? [] : alternates.split(','),
    lat: coordinate(cols[COL.latitude]!.trim(), 'latitude', 90, fail),
    lon: coordinate(cols[COL.longitude]!.trim(), 'longitude', 180, fail),
    featureClass: cols[COL['feature class']]!.trim().toUpperCase(),
    featureCode: cols[COL['feature code']]!.trim().toUpperCase(),
    countryCode: cols[COL['country code']]!.trim().toUpperCase(),
    population: wholeNumber(cols[COL.population]!.trim(), 'population', fail),
  };
}

function coordinate(text: string, name: 'latitude' | 'longitude', limit: number, fail: Fail): number {
  const n = Number(text);
  if (!DECIMAL_RE.test(text) || Math.abs(n) > limit) return fail(name, `column ${COL[name] + 1} is not a ${name} in [-${limit}, ${limit}]: "${text}"`);
  return n;
}

function wholeNumber(text: string, name: 'geonameid' | 'population', fail: Fail): number | null {
  if (text === '') return null;
  const n = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(n)) return fail(name, `column ${COL[name] + 1} is not a whole number: "${text}"`);
  return n;
}

// ---------------------------------------------------------------------------------------------
// Record → Place

export function placeFromGeoNames(r: GeoNamesRecord, source: string): Place {
  return {
    id: `geonames:${r.geonameId}`,
    names: namesOf(r),
    altNames: uniqueNames(r.alternateNames),
    kind: r.featureCode || r.featureClass || 'place',
    lon: r.lon,
    lat: r.lat,
    // GeoNames admin codes are FIPS/ISO codes, not P-codes: a later point-in-polygon pass assigns these.
    adm1Pcode: null,
    adm2Pcode: null,
    adm3Pcode: null,
    // GeoNames writes 0 when it does not know the population.
    population: r.population === 0 ? null : r.population,
    geonamesId: r.geonameId,
    source,
  };
}

/**
 * The dump's alternate names carry no language, so the script decides: a spelling with Sorani
 * letters is the Kurdish name, one in the plain Arabic alphabet the Arabic name. Persian-looking
 * spellings (پ چ گ ک ی without Sorani letters) could be either, so they stay alternates only.
 */
function namesOf(r: GeoNamesRecord): LocalizedNames {
  const nameIsArabic = isArabicScript(r.name);
  const candidates = nameIsArabic ? [r.name, ...r.alternateNames] : r.alternateNames;
  const latin = nameIsArabic ? (isLatinScript(r.asciiName) ? r.asciiName : undefined) : r.name;
  return compactNames({
    en: fitName(latin),
    ar: fitName(candidates.find(isArabicLanguageSpelling)),
    ckb: fitName(candidates.find(isSoraniSpelling)),
  });
}

/**
 * What the geo importers share: option defaults, batching and progress, file access with clear
 * errors, record-positioned validation errors, and the cleaning of names.
 */
import { open, readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { TansiqError, notFound, validationError } from '../core/errors.ts';
import type { LocalizedNames } from '../core/model/reference.ts';
import { PCODE_RE } from '../core/model/reference.ts';

export type ProgressCallback = (done: number, total: number | null) => void;

/** One rejected or skipped record, by position in its file. */
export interface RecordIssue {
  /** `features[12]` for GeoJSON, `line 5` for text files. */
  at: string;
  message: string;
}

/** Reported through `onComplete` once every batch has been consumed. */
export interface ImportSummary {
  /** Records read: features, or data lines of a text file. */
  read: number;
  imported: number;
  /** Records left out on purpose by a filter option (feature class, bbox). */
  filtered: number;
  /** Bad records skipped because the caller asked for it (`skipBadLines`). */
  skipped: number;
  /** The first few skipped records, so the user can see why they were skipped. */
  skippedSamples: RecordIssue[];
}

export interface BaseImportOptions {
  /** Records per yielded batch; a caller writes one batch per transaction. Default 500. */
  batchSize?: number;
  /** Called after the caller has consumed each batch: features for GeoJSON, bytes for text files. */
  onProgress?: ProgressCallback;
  /** Called once, after the last batch has been consumed (not when the caller stops early). */
  onComplete?: (summary: ImportSummary) => void;
  /** `source` for records whose file does not name one. Default: the file's name. */
  defaultSource?: string;
}

export interface GeoJsonImportOptions extends BaseImportOptions {
  /** GeoJSON is parsed whole, so its size is capped. Default 512 MiB. */
  maxBytes?: number;
}

export const DEFAULT_BATCH_SIZE = 500;
export const DEFAULT_MAX_BYTES = 512 * 1024 * 1024;
export const MAX_SKIPPED_SAMPLES = 10;
const MAX_NAME_LENGTH = 300;

export function emptySummary(): ImportSummary {
  return { read: 0, imported: 0, filtered: 0, skipped: 0, skippedSamples: [] };
}

export function batchSizeOf(opts: BaseImportOptions): number {
  const size = opts.batchSize ?? DEFAULT_BATCH_SIZE;
  if (!Number.isInteger(size) || size < 1) throw validationError(`batchSize must be a positive integer, got ${size}`, [{ path: 'batchSize', message: 'must be a positive integer' }]);
  return size;
}

export function sourceLabel(opts: BaseImportOptions, file: string): string {
  return opts.defaultSource ?? basename(file);
}

/**
 * Yields records already validated in full. Progress is reported after the caller resumes us, so
 * `done` counts records the caller has finished with (written), not merely handed out.
 */
export async function* inBatches<T>(items: readonly T[], opts: BaseImportOptions, summary: ImportSummary): AsyncGenerator<T[]> {
  const size = batchSizeOf(opts);
  opts.onProgress?.(0, items.length);
  for (let start = 0; start < items.length; start += size) {
    yield items.slice(start, start + size);
    opts.onProgress?.(Math.min(start + size, items.length), items.length);
  }
  opts.onComplete?.(summary);
}

// ---------------------------------------------------------------------------------------------
// Errors that name a position in a file

/** Throws a VALIDATION error about one field of the current record. */
export type Fail = (field: string, message: string) => never;

/**
 * `where` is what a person reads (`feature 12`), `pathPrefix` what a program reads
 * (`features.12`): both are needed to find the record again in a large file.
 */
export function recordFailer(file: string, where: string, pathPrefix: string): Fail {
  return (field, message) => {
    const path = field ? `${pathPrefix}.${field}` : pathPrefix;
    throw validationError(`${file}: ${where}${field ? `: ${field}` : ''}: ${message}`, [{ path, message }]);
  };
}

export const featureFailer = (file: string, index: number): Fail => recordFailer(file, `features[${index}]`, `features.${index}`);

export const lineFailer = (file: string, line: number): Fail => recordFailer(file, `line ${line}`, `line.${line}`);

export function isValidationError(e: unknown): e is TansiqError {
  return e instanceof TansiqError && e.code === 'VALIDATION';
}

// ---------------------------------------------------------------------------------------------
// Files

/** Size of a regular file; a missing file or a directory is the caller's mistake, said plainly. */
export async function fileSize(path: string): Promise<number> {
  try {
    const s = await stat(path);
    if (!s.isFile()) throw validationError(`${path} is not a regular file`, [{ path: 'file', message: 'not a regular file' }]);
    return s.size;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw notFound(`file ${path}`);
    throw e;
  }
}

/** The first bytes of a file as text, for format sniffing without reading a large file. */
export async function readHead(path: string, bytes: number): Promise<string> {
  await fileSize(path);
  const handle = await open(path, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buf, 0, bytes, 0);
    return stripBom(buf.subarray(0, bytesRead).toString('utf8'));
  } finally {
    await handle.close();
  }
}

const stripBom = (text: string): string => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}

/** JSON.parse with the failure turned into a validation error that says where the file breaks. */
export function parseJsonText(text: string, file: string): unknown {
  try {
    return JSON.parse(stripBom(text));
  } catch (e) {
    const reason = (e as Error).message;
    const position = /at position (\d+)/.exec(reason);
    const where = position && !/\(line \d+/.test(reason) ? ` (${lineAndColumn(text, Number(position[1]))})` : '';
    throw validationError(`${file}: not valid JSON: ${reason}${where}`, [{ path: 'file', message: 'not valid JSON' }]);
  }
}

export async function readJsonFile(path: string, maxBytes = DEFAULT_MAX_BYTES): Promise<unknown> {
  const size = await fileSize(path);
  if (size > maxBytes) throw tooLarge(path, size, maxBytes);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    // V8 strings stop near 512 MiB whatever maxBytes says.
    if ((e as NodeJS.ErrnoException).code === 'ERR_STRING_TOO_LONG') {
      throw new TansiqError('PAYLOAD_TOO_LARGE', `${path} is ${formatBytes(size)}, too large to read whole as GeoJSON; split it`, { details: { size } });
    }
    throw e;
  }
  return parseJsonText(text, path);
}

const tooLarge = (path: string, size: number, maxBytes: number): TansiqError =>
  new TansiqError('PAYLOAD_TOO_LARGE', `${path} is ${formatBytes(size)}, over the ${formatBytes(maxBytes)} limit for GeoJSON (read whole); split it or raise maxBytes`, {
    details: { size, maxBytes },
  });

const formatBytes = (n: number): string => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MiB` : `${n} bytes`);

// ---------------------------------------------------------------------------------------------
// GeoJSON structure

export interface FeatureInput {
  id?: unknown;
  properties: Record<string, unknown>;
  geometry: unknown;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The features of a FeatureCollection, each checked to be a Feature with an object of properties. */
export function featuresOf(json: unknown, file: string): FeatureInput[] {
  if (!isRecord(json) || json.type !== 'FeatureCollection') {
    const got = isRecord(json) ? `type ${JSON.stringify(json.type)}` : Array.isArray(json) ? 'an array' : typeof json;
    throw validationError(`${file}: not a GeoJSON FeatureCollection (got ${got})`, [{ path: 'type', message: 'must be "FeatureCollection"' }]);
  }
  if (!Array.isArray(json.features)) throw validationError(`${file}: FeatureCollection has no "features" array`, [{ path: 'features', message: 'must be an array' }]);
  return json.features.map((f: unknown, i: number) => featureOf(f, featureFailer(file, i)));
}

function featureOf(f: unknown, fail: Fail): FeatureInput {
  if (!isRecord(f) || f.type !== 'Feature') return fail('type', 'not a GeoJSON Feature');
  const props = f.properties ?? {};
  if (!isRecord(props)) return fail('properties', 'must be an object or null');
  return { id: f.id, properties: props, geometry: f.geometry };
}

/**
 * Converts every feature, refusing a second record with the same key: stored as upserts, the later
 * one would silently replace the earlier.
 */
export function convertFeatures<T>(json: unknown, file: string, convert: (f: FeatureInput, fail: Fail) => T, key: { of: (record: T) => string; field: string; label: string }): T[] {
  const firstSeen = new Map<string, number>();
  return featuresOf(json, file).map((feature, i) => {
    const fail = featureFailer(file, i);
    const record = convert(feature, fail);
    const k = key.of(record);
    const first = firstSeen.get(k);
    if (first !== undefined) fail(key.field, `duplicate ${key.label} ${k} (first at features[${first}])`);
    firstSeen.set(k, i);
    return record;
  });
}

/**
 * Reads a GeoJSON file whole and converts every feature before yielding the first batch, so a bad
 * feature anywhere leaves nothing half-stored.
 */
export async function* geoJsonFileBatches<T>(path: string, opts: GeoJsonImportOptions, convert: (json: unknown) => T[]): AsyncGenerator<T[]> {
  const records = convert(await readJsonFile(path, opts.maxBytes));
  yield* inBatches(records, opts, { ...emptySummary(), read: records.length, imported: records.length });
}

/** A finite lon/lat pair in range, or a failure naming `field`. */
export function lonLat(position: unknown, field: string, fail: Fail): [number, number] {
  if (!Array.isArray(position) || position.length < 2) return fail(field, 'must be a [lon, lat] position');
  const [lon, lat] = position as unknown[];
  if (typeof lon !== 'number' || !Number.isFinite(lon) || lon < -180 || lon > 180) return fail(field, `longitude ${String(lon)} is not a number in [-180, 180]`);
  if (typeof lat !== 'number' || !Number.isFinite(lat) || lat < -90 || lat > 90) return fail(field, `latitude ${String(lat)} is not a number in [-90, 90]`);
  return [lon, lat];
}

// ---------------------------------------------------------------------------------------------
// Property values

/** Null, missing, blank → undefined; numbers are accepted as text (shapefile exports do that). */
export function optionalText(props: Record<string, unknown>, key: string, fail: Fail): string | undefined {
  const v = props[key];
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v !== 'string') return fail(`properties.${key}`, 'must be text');
  const text = v.trim();
  return text === '' ? undefined : text;
}

export function optionalName(props: Record<string, unknown>, key: string, fail: Fail): string | undefined {
  const name = optionalText(props, key, fail);
  if (name !== undefined && name.length > MAX_NAME_LENGTH) return fail(`properties.${key}`, `name longer than ${MAX_NAME_LENGTH} characters`);
  return name;
}

/** Drops the languages that have no name, so the result matches the strict names schema. */
export function compactNames(names: Partial<Record<keyof LocalizedNames, string | undefined>>): LocalizedNames {
  const out: LocalizedNames = {};
  for (const key of ['en', 'ar', 'ckb', 'kuLatn'] as const) {
    const v = names[key];
    if (v !== undefined) out[key] = v;
  }
  return out;
}

/** P-code in canonical (upper-case) form, or null when the field is empty. */
export function optionalPcode(props: Record<string, unknown>, key: string, fail: Fail): string | null {
  const text = optionalText(props, key, fail);
  if (text === undefined) return null;
  const pcode = text.toUpperCase();
  if (!PCODE_RE.test(pcode)) return fail(`properties.${key}`, `"${text}" is not a P-code such as IQG13Q02`);
  return pcode;
}

/** A non-negative integer given as number or digits, or null when empty. */
export function optionalCount(props: Record<string, unknown>, key: string, fail: Fail): number | null {
  const v = props[key];
  if (v === null || v === undefined || v === '') return null;
  const n = typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) return fail(`properties.${key}`, `${JSON.stringify(v)} is not a whole number`);
  return n;
}

/**
 * Alternate names trimmed, without blanks and duplicates. Duplicates are compared in NFC so the
 * same spelling typed with precomposed or combining letters counts once.
 */
export function uniqueNames(names: Iterable<string>): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of names) {
    const name = fitName(raw);
    const key = name?.normalize('NFC');
    if (name === undefined || key === undefined || seen.has(key)) continue;
    seen.add(key);
    out.push(name);
  }
  return out;
}

/** Trimmed name, or undefined when blank or too long to store (sources without field checks). */
export function fitName(raw: string | undefined): string | undefined {
  const name = raw?.trim();
  return name && name.length <= MAX_NAME_LENGTH ? name : undefined;
}

// ---------------------------------------------------------------------------------------------
// Scripts. Sources mix Arabic, Kurdish and Latin spellings in one list without language tags.

const ARABIC_SCRIPT_RE = /\p{Script=Arabic}/u;
const LATIN_SCRIPT_RE = /\p{Script=Latin}/u;
// Letters of Sorani that Arabic never uses: their presence makes a spelling Kurdish.
const SORANI_LETTERS_RE = /[\u06D5\u06CE\u06C6\u0695\u06B5\u06A4]/u;
// The Arabic alphabet with hamza forms, harakat, tatweel and both digit sets. A spelling outside it
// (پ چ ژ گ ک ی ...) is Kurdish, Persian or Turkmen and must not be shown as the Arabic name.
const ARABIC_LANGUAGE_RE = /^[\u0621-\u063A\u0640-\u065F\u0660-\u0670\u0671\s0-9\-'’.()]+$/u;

export const isArabicScript = (s: string): boolean => ARABIC_SCRIPT_RE.test(s) && !LATIN_SCRIPT_RE.test(s);
export const isLatinScript = (s: string): boolean => LATIN_SCRIPT_RE.test(s) && !ARABIC_SCRIPT_RE.test(s);
export const isSoraniSpelling = (s: string): boolean => isArabicScript(s) && SORANI_LETTERS_RE.test(s);
export const isArabicLanguageSpelling = (s: string): boolean => ARABIC_LANGUAGE_RE.test(s) && ARABIC_SCRIPT_RE.test(s);

/** All records of an import in one array: for small files and tests, not for dumps. */
export async function collectBatches<T>(batches: AsyncIterable<T[]>): Promise<T[]> {
  const all: T[] = [];
  for await (const batch of batches) all.push(...batch);
  return all;
}

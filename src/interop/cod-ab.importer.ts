/**
 * OCHA COD-AB administrative boundaries (GeoJSON FeatureCollection) → AdminArea.
 *
 * Two naming styles are read by one set of rules, because real files sit between them:
 * the official fields (`ADM2_PCODE`, `ADM2_EN`, `ADM2_AR`, `ADM1_PCODE` as parent; older HDX files
 * spell them `admin2Pcode`, `admin2Name_en`) and the normalised fields of ../shared/geo
 * (`pcode`, `name_en`, `adm1_pcode` as parent, `in_kurdistan_region`). Keys match case-insensitively
 * since database exports often lower-case them.
 */
import type { AdminArea, AdminLevel } from '../core/model/reference.ts';
import type { Fail, FeatureInput, GeoJsonImportOptions } from './importer.util.ts';
import { compactNames, convertFeatures, geoJsonFileBatches, isArabicScript, isLatinScript, optionalName, optionalPcode, sourceLabel } from './importer.util.ts';
import { measurePolygonal, polygonalGeometry } from './polygon.util.ts';

export interface CodAbImportOptions extends GeoJsonImportOptions {
  /**
   * Level of every feature. Without it: the highest `ADMn_PCODE` field present, else the P-code's
   * shape. A level that contradicts a letter-grouped P-code's shape is an error.
   */
  level?: AdminLevel;
}

const MAX_LEVEL = 3;

/** Reads a COD-AB GeoJSON file whole, validates every feature, then yields AdminArea batches. */
export function importCodAb(path: string, opts: CodAbImportOptions = {}): AsyncGenerator<AdminArea[]> {
  return geoJsonFileBatches(path, opts, (json) => adminAreasFromGeoJson(json, path, opts));
}

/** Converts a parsed FeatureCollection; `file` is only used in error messages. */
export function adminAreasFromGeoJson(json: unknown, file: string, opts: Pick<CodAbImportOptions, 'level' | 'defaultSource'> = {}): AdminArea[] {
  const ctx = { level: opts.level, source: sourceLabel(opts, file) };
  return convertFeatures(json, file, (feature, fail) => adminAreaFromFeature(feature, fail, ctx), { of: (a) => a.pcode, field: 'properties', label: 'P-code' });
}

export function adminAreaFromFeature(feature: FeatureInput, fail: Fail, ctx: { level?: AdminLevel | undefined; source: string }): AdminArea {
  const props = feature.properties;
  const keys = new PropertyKeys(props);
  const own = ownCode(keys, ctx.level, fail);
  const geometry = polygonalGeometry(feature.geometry, fail);
  return {
    pcode: own.pcode,
    level: own.level,
    names: namesOf(keys, own.level, fail),
    parentPcode: parentOf(keys, own, fail),
    geometry,
    ...measurePolygonal(geometry),
    inKurdistanRegion: flag(keys, 'in_kurdistan_region', fail),
    source: optionalName(props, keys.find('source') ?? 'source', fail) ?? ctx.source,
  };
}

// ---------------------------------------------------------------------------------------------
// P-codes

/**
 * The administrative groups after the two-letter country code: IQG13Q02 → [G13, Q02]. COD P-codes
 * that mark each level with a letter can be read this way; digit-only codes (AF0101, SY020000)
 * cannot be split without knowing the level, so they give null.
 */
export function pcodeGroups(pcode: string): string[] | null {
  const rest = pcode.slice(2);
  if (rest === '') return [];
  const groups = rest.match(/[A-Z]+[0-9]+/g);
  return groups && groups.join('') === rest ? groups : null;
}

/** Level implied by a P-code's shape (IQ 0, IQG13 1, IQG13Q02 2, IQG13Q02N01 3), or null if unknown. */
export function levelOfPcode(pcode: string): number | null {
  return pcodeGroups(pcode)?.length ?? null;
}

/**
 * Parent by trimming the last group. Digit-only codes are trimmed only when the digits split
 * evenly across the levels (AF0101 at level 2 → AF01); otherwise the parent is unknown (null).
 */
export function parentPcodeOf(pcode: string, level: number): string | null {
  if (level === 0) return null;
  const groups = pcodeGroups(pcode);
  if (groups) return groups.length === level ? pcode.slice(0, pcode.length - groups[groups.length - 1]!.length) : null;
  const digits = pcode.slice(2);
  if (/^[0-9]+$/.test(digits) && digits.length % level === 0) return pcode.slice(0, pcode.length - digits.length / level);
  return null;
}

interface OwnCode {
  pcode: string;
  level: AdminLevel;
}

function ownCode(keys: PropertyKeys, optLevel: AdminLevel | undefined, fail: Fail): OwnCode {
  const generic = keys.find('pcode');
  const fieldLevel = generic === undefined ? (optLevel ?? keys.highestAdmLevel()) : undefined;
  const key = generic ?? (fieldLevel === undefined ? undefined : keys.adm(fieldLevel, 'pcode'));
  if (key === undefined) {
    const wanted = optLevel === undefined ? 'pcode, ADMn_PCODE or admn_pcode' : `pcode or ADM${optLevel}_PCODE`;
    return fail('properties', `feature has no P-code (looked for ${wanted})`);
  }
  const pcode = optionalPcode(keys.props, key, fail)!;
  const shapeLevel = levelOfPcode(pcode);
  const level = optLevel ?? fieldLevel ?? shapeLevel;
  const field = `properties.${key}`;
  if (level === null || level === undefined) return fail(field, `cannot tell the level of P-code ${pcode} from its shape; pass the level option`);
  if (shapeLevel !== null && shapeLevel !== level) return fail(field, `P-code ${pcode} has the shape of level ${shapeLevel}, not level ${level}`);
  if (level > MAX_LEVEL) return fail(field, `level ${level} is not supported (Tansiq stores levels 0 to ${MAX_LEVEL})`);
  return { pcode, level: level as AdminLevel };
}

function parentOf(keys: PropertyKeys, own: OwnCode, fail: Fail): string | null {
  if (own.level === 0) return null;
  const key = keys.adm(own.level - 1, 'pcode') ?? keys.find('parent_pcode');
  const explicit = key === undefined ? null : optionalPcode(keys.props, key, fail);
  return explicit ?? parentPcodeOf(own.pcode, own.level);
}

// ---------------------------------------------------------------------------------------------
// Names and flags

function namesOf(keys: PropertyKeys, level: number, fail: Fail): AdminArea['names'] {
  const name = (...candidates: (string | undefined)[]): string | undefined => {
    for (const key of candidates) {
      const value = key === undefined ? undefined : optionalName(keys.props, key, fail);
      if (value !== undefined) return value;
    }
    return undefined;
  };
  // Official files have one Kurdish column: Sorani in Arabic script in Iraq, Kurmanji in Latin
  // elsewhere. Its script decides which of our two Kurdish names it is.
  const ku = name(keys.adm(level, 'ku'));
  return compactNames({
    en: name(keys.find('name_en'), keys.adm(level, 'en')),
    ar: name(keys.find('name_ar'), keys.adm(level, 'ar')),
    ckb: name(keys.find('name_ckb'), keys.adm(level, 'ckb')) ?? (ku !== undefined && isArabicScript(ku) ? ku : undefined),
    kuLatn: name(keys.find('name_ku_latn'), keys.adm(level, 'ku_latn')) ?? (ku !== undefined && isLatinScript(ku) ? ku : undefined),
  });
}

const TRUE_WORDS = new Set(['true', 'yes', 'y', '1']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0']);

// Shapefile round trips turn booleans into 1/0 or "true"/"false"; all mean the same.
function flag(keys: PropertyKeys, name: string, fail: Fail): boolean | null {
  const key = keys.find(name);
  const v = key === undefined ? undefined : keys.props[key];
  if (v === undefined || v === null || v === '') return null;
  if (typeof v === 'boolean') return v;
  const word = String(v).trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return fail(`properties.${key}`, `${JSON.stringify(v)} is not true or false`);
}

// ---------------------------------------------------------------------------------------------

const ADM_PCODE_KEY_RE = /^adm(?:in)?(\d+)_?pcode$/;

/** Case-insensitive access to the properties that carry a value, keeping the file's spelling for errors. */
class PropertyKeys {
  private readonly byLower = new Map<string, string>();

  constructor(readonly props: Record<string, unknown>) {
    for (const [key, value] of Object.entries(props)) {
      const blank = value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
      if (!blank) this.byLower.set(key.toLowerCase(), key);
    }
  }

  find(lowerName: string): string | undefined {
    return this.byLower.get(lowerName);
  }

  /** `ADM2_EN` in COD-AB, `admin2Name_en` in older HDX files. */
  adm(level: number, field: string): string | undefined {
    return field === 'pcode'
      ? (this.find(`adm${level}_pcode`) ?? this.find(`admin${level}pcode`))
      : (this.find(`adm${level}_${field}`) ?? this.find(`admin${level}name_${field}`));
  }

  highestAdmLevel(): number | undefined {
    let highest: number | undefined;
    for (const lower of this.byLower.keys()) {
      const m = ADM_PCODE_KEY_RE.exec(lower);
      if (m) highest = Math.max(highest ?? 0, Number(m[1]));
    }
    return highest;
  }
}

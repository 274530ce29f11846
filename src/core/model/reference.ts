import { z } from 'zod';

/** Names of a place or area in the languages Tansiq's users read (any may be missing). */
export const localizedNamesSchema = z.strictObject({
  en: z.string().min(1).max(300).optional(),
  ar: z.string().min(1).max(300).optional(),
  ckb: z.string().min(1).max(300).optional(),
  kuLatn: z.string().min(1).max(300).optional(),
});
export type LocalizedNames = z.infer<typeof localizedNamesSchema>;

export const PCODE_RE = /^[A-Z]{2}[A-Z0-9]{0,16}$/;
export const pcodeSchema = z.string().regex(PCODE_RE, 'must be a P-code such as IQG13Q02');

/** A gazetteer entry (imported reference data, readable by every signed-in user). */
export interface Place {
  /** Stable id from the source, e.g. `wof:1343684569` or `geonames:99117`. */
  id: string;
  names: LocalizedNames;
  altNames: string[];
  /** Feature kind, e.g. `locality`, `mountain`, or a GeoNames feature code such as `PPL`. */
  kind: string;
  lon: number;
  lat: number;
  adm1Pcode: string | null;
  adm2Pcode: string | null;
  adm3Pcode: string | null;
  population: number | null;
  geonamesId: number | null;
  source: string;
}

export type AdminLevel = 0 | 1 | 2 | 3;

/** An administrative boundary (OCHA COD-AB style), imported reference data. */
export interface AdminArea {
  pcode: string;
  level: AdminLevel;
  names: LocalizedNames;
  parentPcode: string | null;
  /** GeoJSON Polygon or MultiPolygon, WGS84 lon/lat. */
  geometry: { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] };
  bbox: [number, number, number, number];
  areaKm2: number;
  inKurdistanRegion: boolean | null;
  source: string;
}

const lonSchema = z.number().min(-180).max(180);
const latSchema = z.number().min(-90).max(90);

/** A place entered by hand (imports go through the importers). */
export const placeInputSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]*:[A-Za-z0-9._-]{1,100}$/, 'must look like source:id, e.g. local:khidirjija').optional(),
  names: localizedNamesSchema.refine((n) => Boolean(n.en || n.ar || n.ckb || n.kuLatn), { message: 'give at least one name' }),
  altNames: z.array(z.string().min(1).max(300)).max(100).default([]),
  kind: z.string().regex(/^[A-Za-z0-9._-]{1,40}$/).default('locality'),
  lon: lonSchema,
  lat: latSchema,
  adm1Pcode: pcodeSchema.nullable().default(null),
  adm2Pcode: pcodeSchema.nullable().default(null),
  adm3Pcode: pcodeSchema.nullable().default(null),
  population: z.number().int().min(0).nullable().default(null),
  geonamesId: z.number().int().positive().nullable().default(null),
  source: z.string().min(1).max(300).default('entered by hand'),
});

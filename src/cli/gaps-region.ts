/** What `tansiq gaps --region X` names: the preset, a GeoJSON file, a JCC (id, code or name) or a P-code. */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { notFound, validationError } from '../core/errors.ts';
import { polygonsOf, type Area } from '../core/geo/types.ts';
import { idSchema, type Principal } from '../core/model/common.ts';
import type { Jcc } from '../core/model/jcc.ts';
import { PCODE_RE } from '../core/model/reference.ts';
import { foldText } from '../core/text/fold.ts';
import { listVisible } from '../services/coverage-sources.ts';
import type { RecordService } from '../services/record.service.ts';

/** The `region` of a gap analysis request, before the request schema checks it. */
export type RegionArg = { preset: 'disputed' } | { geometry: unknown } | { jccId: string } | { pcode: string };

const FILE_RE = /\.(geo)?json$/i;

type GeoJsonLike = { type?: unknown; geometry?: unknown; features?: unknown; coordinates?: unknown };

/** The polygons of a GeoJSON geometry, Feature or FeatureCollection, as one area. */
function areaOf(doc: GeoJsonLike, file: string): unknown {
  const geometries = doc.type === 'FeatureCollection' && Array.isArray(doc.features)
    ? (doc.features as GeoJsonLike[]).map((f) => f?.geometry)
    : [doc.type === 'Feature' ? doc.geometry : doc];
  const areas = geometries.filter((g): g is Area => {
    const type = (g as GeoJsonLike | null)?.type;
    return type === 'Polygon' || type === 'MultiPolygon';
  });
  if (areas.length === 0) throw validationError(`${file} holds no Polygon or MultiPolygon: the region must be an area`, [{ path: '--region', message: 'no polygon in the file' }]);
  // One area goes to the request as it is, so the request's checks name its own positions.
  if (areas.length === 1) return areas[0];
  return { type: 'MultiPolygon', coordinates: areas.flatMap((a) => (Array.isArray(a.coordinates) ? polygonsOf(a) : [])) };
}

async function readArea(cwd: string, path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(resolve(cwd, path), 'utf8');
  } catch (e) {
    throw validationError(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`, [{ path: '--region', message: 'unreadable file' }]);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw validationError(`${path} is not JSON: ${(e as Error).message}`, [{ path: '--region', message: 'not JSON' }]);
  }
  if (!doc || typeof doc !== 'object') throw validationError(`${path} is not a GeoJSON object`, [{ path: '--region', message: 'not GeoJSON' }]);
  return areaOf(doc as GeoJsonLike, path);
}

const namesOf = (j: Jcc): string[] => [j.code, j.name.en, j.name.ar, j.name.ckb].filter((n): n is string => Boolean(n)).map(foldText);

/**
 * JCC codes (KRK) also have the shape of a P-code, so the JCCs the principal sees are asked first;
 * a P-code that names no admin area is answered "not found" by the analysis itself.
 */
export async function regionArg(text: string, cwd: string, records: RecordService, p: Principal): Promise<RegionArg> {
  const wanted = text.trim();
  if (wanted.toLowerCase() === 'disputed') return { preset: 'disputed' };
  if (FILE_RE.test(wanted)) return { geometry: await readArea(cwd, wanted) };
  if (idSchema.safeParse(wanted).success) return { jccId: wanted };
  const folded = foldText(wanted);
  const jcc = (await listVisible(records, p, 'jcc')).find((v) => namesOf(v.data as Jcc).includes(folded));
  if (jcc) return { jccId: jcc.id };
  if (PCODE_RE.test(wanted)) return { pcode: wanted };
  throw notFound(`JCC or admin area "${wanted}" (give a JCC id, code or name, a P-code, a .geojson file, or "disputed")`);
}

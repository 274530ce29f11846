/** The region of a gap analysis as an area, from a JCC, an admin area, a drawing or the preset. */
import { createHash } from 'node:crypto';
import { notFound } from '../core/errors.ts';
import { polygonsOf, type Area } from '../core/geo/types.ts';
import type { Principal } from '../core/model/common.ts';
import type { Jcc } from '../core/model/jcc.ts';
import type { LocalizedNames } from '../core/model/reference.ts';
import type { RegionRequest } from './coverage-request.ts';
import { listVisible } from './coverage-sources.ts';
import type { RecordService } from './record.service.ts';
import type { ReferenceService } from './reference.service.ts';

export interface ResolvedRegion {
  /** Names the region for listeners and clients: `jcc:<id>`, `admin-area:<pcode>`, `geometry:<hash>`, `preset:disputed`. */
  key: string;
  kind: RegionRequest['kind'];
  names: LocalizedNames;
  area: Area;
  /** Digest of the outline actually used: an edited JCC area or re-imported boundary is a new region. */
  digest: string;
}

const digestOf = (area: Area): string => createHash('sha256').update(JSON.stringify(area)).digest('hex').slice(0, 32);

function region(key: string, kind: RegionRequest['kind'], names: LocalizedNames, area: Area): ResolvedRegion {
  return { key, kind, names, area, digest: digestOf(area) };
}

const jccNames = (j: Jcc): LocalizedNames => ({ ...j.name, en: j.name.en ? `${j.name.en} (${j.code})` : j.code });

/**
 * The disputed territories are the union of the JCC areas the reader can see: the JCCs were set
 * up to cover exactly them, and a reader's own JCC list is what their screen shows. The areas are
 * joined as the polygons of one MultiPolygon; the engine fills their union, so an overlap counts once.
 */
async function disputed(records: RecordService, p: Principal): Promise<ResolvedRegion> {
  const jccs = await listVisible(records, p, 'jcc');
  if (jccs.length === 0) throw notFound('JCC area (the disputed-territories preset is the union of the JCC areas you can see, and you see none)');
  const sorted = [...jccs].sort((a, b) => a.id.localeCompare(b.id));
  const area: Area = { type: 'MultiPolygon', coordinates: sorted.flatMap((v) => polygonsOf((v.data as Jcc).area)) };
  return region('preset:disputed', 'disputed', { en: 'Disputed territories (all JCC areas)', ar: 'المناطق المتنازع عليها', ckb: 'ناوچە جێناکۆکەکان' }, area);
}

export async function resolveRegion(records: RecordService, reference: ReferenceService, p: Principal, r: RegionRequest): Promise<ResolvedRegion> {
  switch (r.kind) {
    case 'jcc': {
      const jcc = (await records.get(p, 'jcc', r.jccId)).data as Jcc;
      return region(`jcc:${r.jccId}`, 'jcc', jccNames(jcc), jcc.area);
    }
    case 'admin-area': {
      const a = await reference.getAdminArea(r.pcode);
      return region(`admin-area:${a.pcode}`, 'admin-area', a.names, a.geometry);
    }
    case 'geometry': {
      const digest = digestOf(r.geometry);
      return { key: `geometry:${digest}`, kind: 'geometry', names: { en: 'Drawn area' }, area: r.geometry, digest };
    }
    case 'disputed':
      return disputed(records, p);
  }
}

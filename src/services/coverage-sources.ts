/**
 * The gap engine's inputs, read through RecordService with the caller's principal: the one access
 * function decides which units, checkpoints, force lines and incidents count, so a result never
 * reflects a record its reader could not see (DESIGN §4).
 */
import type { CoverageSource, ForceLineInput, IncidentInput } from '../core/geo/coverage/coverage.types.ts';
import { bboxOf, type Bbox } from '../core/geo/geometry.ts';
import { validationError } from '../core/errors.ts';
import { PARTIES, type Party, type Principal, type RecordType } from '../core/model/common.ts';
import type { Checkpoint } from '../core/model/checkpoint.ts';
import type { ForceLine } from '../core/model/force-line.ts';
import { totalCasualties, type Incident } from '../core/model/incident.ts';
import type { Unit } from '../core/model/unit.ts';
import type { CoverageSourceOptions } from './coverage-request.ts';
import { MAX_PAGE, type ListParams, type RecordService } from './record.service.ts';
import type { RecordView } from './record-view.ts';

export interface CoverageInputs {
  sources: CoverageSource[];
  forceLines: ForceLineInput[];
  incidents: IncidentInput[];
  /** Records that contributed, by type (a joint unit counts once, though it yields two shapes). */
  counts: { units: number; checkpoints: number; forceLines: number; incidents: number };
}

export interface InputQuery {
  /** The region's bounding box: shapes and lines that cannot reach it are left out. */
  regionBbox: Bbox;
  since: string;
  until?: string;
  nowMs: number;
  sources: CoverageSourceOptions;
}

/**
 * The strip's depth (how far from the region a force line still shapes it) and how far from a gap an
 * incident still counts for it: given to the engine, and used here to read only what can matter.
 */
export const STRIP_DEPTH_M = 10_000;
export const INCIDENT_NEAR_M = 2_000;
const M_PER_DEGREE = 111_320;

/** `b` widened by `m` metres on every side (degrees of longitude shrink with latitude). */
export function widenBbox([minLon, minLat, maxLon, maxLat]: Bbox, m: number): Bbox {
  const dLat = m / M_PER_DEGREE;
  const dLon = m / (M_PER_DEGREE * Math.cos((Math.max(Math.abs(minLat), Math.abs(maxLat)) * Math.PI) / 180));
  return [minLon - dLon, minLat - dLat, maxLon + dLon, maxLat + dLat];
}

const meets = (a: Bbox, b: Bbox): boolean => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];

function extentOf(s: CoverageSource): Bbox {
  if (s.kind === 'circle') return widenBbox(bboxOf({ type: 'Point', coordinates: s.center }), s.radiusM);
  if (s.kind === 'corridor') return widenBbox(bboxOf(s.route), s.widthM / 2);
  return bboxOf(s.area);
}

/** Beyond this many incidents a window is refused rather than read whole into memory. */
export const MAX_INCIDENTS = 200_000;

const partiesOf = (force: Party | 'joint'): readonly Party[] => (force === 'joint' ? PARTIES : [force]);

/**
 * A joint unit covers for both forces, so it yields one shape per party. Inactive units and units
 * with coverage `none` give nothing; standby units are present and count.
 */
export function unitSources(id: string, u: Unit): CoverageSource[] {
  if (u.status === 'inactive') return [];
  const c = u.coverage;
  return partiesOf(u.force).flatMap((party): CoverageSource[] => {
    if (c.kind === 'radius' && u.position) return [{ party, kind: 'circle', center: u.position.coordinates, radiusM: c.radiusM, id }];
    if (c.kind === 'corridor') return [{ party, kind: 'corridor', route: c.route, widthM: c.widthM, id }];
    if (c.kind === 'area' && u.area) return [{ party, kind: 'polygon', area: u.area, id }];
    return [];
  });
}

/**
 * Closed checkpoints and unmanned posts (nobody there to see anything) give no coverage; a
 * restricted one still does. A joint checkpoint covers for both forces; a single-force one for
 * the parties in its staffing, or its origin party when no staffing is recorded.
 */
export function checkpointSources(id: string, c: Checkpoint, originParty: Party): CoverageSource[] {
  if (c.status === 'closed' || c.kind === 'unmanned') return [];
  const staffed = [...new Set(c.staffing.map((s) => s.party))];
  const parties = c.kind === 'joint' ? PARTIES : staffed.length ? staffed : [originParty];
  return parties.map((party) => ({ party, kind: 'circle', center: c.position.coordinates, radiusM: c.coverageRadiusM, id }));
}

/** A line counts while it is in force: valid from before now, and not yet ended. */
export function isCurrentLine(l: ForceLine, nowMs: number): boolean {
  return Date.parse(l.validFrom) <= nowMs && (l.validUntil === undefined || Date.parse(l.validUntil) > nowMs);
}

/** Weight 1 for the event, plus one per person killed and a half per person wounded. */
export const incidentWeight = (i: Incident): number => 1 + totalCasualties(i.killed) + totalCasualties(i.wounded) / 2;

/** Drafts are unfinished entries, not yet reports of what happened. */
export function incidentInput(id: string, i: Incident): IncidentInput | undefined {
  if (i.verification === 'draft') return undefined;
  return { id, point: i.location.coordinates, atMs: Date.parse(i.occurredAt), weight: incidentWeight(i) };
}

/** Every visible record of a type matching `params`, page by page. */
export async function listVisible(records: RecordService, p: Principal, type: RecordType, params: ListParams = {}, max = Infinity): Promise<RecordView[]> {
  const out: RecordView[] = [];
  let cursor: string | undefined;
  do {
    const page = await records.list(p, type, { ...params, limit: MAX_PAGE, ...(cursor ? { cursor } : {}) });
    out.push(...page.items);
    if (out.length > max) {
      throw validationError(`more than ${max.toLocaleString('en')} ${type} records match: narrow the time window or the region`, [{ path: 'since', message: 'too many records in the window' }]);
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

const dataOf = <T>(v: RecordView): T => v.data as T;

export async function loadCoverageInputs(records: RecordService, p: Principal, q: InputQuery): Promise<CoverageInputs> {
  const wanted = new Set(q.sources.parties);
  const keep = (s: CoverageSource): boolean => wanted.has(s.party) && meets(extentOf(s), q.regionBbox);
  const lineReach = widenBbox(q.regionBbox, STRIP_DEPTH_M);
  const [units, checkpoints, lines, incidents] = await Promise.all([
    q.sources.units ? listVisible(records, p, 'unit') : [],
    q.sources.checkpoints ? listVisible(records, p, 'checkpoint') : [],
    listVisible(records, p, 'force-line'),
    listVisible(records, p, 'incident', { bbox: widenBbox(q.regionBbox, INCIDENT_NEAR_M), since: q.since, ...(q.until ? { until: q.until } : {}) }, MAX_INCIDENTS),
  ]);
  const unitShapes = units.map((v) => unitSources(v.id, dataOf<Unit>(v)).filter(keep));
  const checkpointShapes = checkpoints.map((v) => checkpointSources(v.id, dataOf<Checkpoint>(v), v.originParty as Party).filter(keep));
  const current = lines.filter((v) => isCurrentLine(dataOf<ForceLine>(v), q.nowMs) && meets(bboxOf(dataOf<ForceLine>(v).geometry), lineReach));
  const forceLines = current.map((v): ForceLineInput => ({ party: v.originParty as Party, geometry: dataOf<ForceLine>(v).geometry as ForceLineInput['geometry'] }));
  const incidentInputs = incidents.flatMap((v) => incidentInput(v.id, dataOf<Incident>(v)) ?? []);
  return {
    sources: [...unitShapes.flat(), ...checkpointShapes.flat()],
    forceLines,
    incidents: incidentInputs,
    counts: {
      units: unitShapes.filter((s) => s.length > 0).length,
      checkpoints: checkpointShapes.filter((s) => s.length > 0).length,
      forceLines: forceLines.length,
      incidents: incidentInputs.length,
    },
  };
}

import type { ApiClient, Lang } from '../app/contracts.ts';

/**
 * The dashboards' only contact with the server: `GET /api/stats/incidents`,
 * `GET /api/stats/checkpoints` (src/http/stats.routes.ts) and `POST /api/analysis/coverage`
 * (src/http/analysis.routes.ts). Every figure counts only what the reader may see.
 */

export interface ByCategory {
  civilian: number;
  peshmerga: number;
  federal: number;
  other: number;
  total: number;
}

export interface Bucket {
  incidents: number;
  killed: ByCategory;
  wounded: ByCategory;
}

export interface NamedBucket extends Bucket {
  name: string | null;
}

export interface IncidentStats {
  since: string;
  until: string;
  tlp: string;
  totals: Bucket;
  byWeek: ({ week: string; weekStart: string } & Bucket)[];
  byJcc: ({ jccId: string | null } & NamedBucket)[];
  byDistrict: ({ pcode: string | null } & NamedBucket)[];
  byEventType: ({ eventType: string | null } & NamedBucket)[];
  topPlaces: { byIncidents: ({ key: string } & NamedBucket)[]; byCasualties: ({ key: string } & NamedBucket)[] };
}

export type Staffing = 'full' | 'short' | 'unmanned';

export interface CheckpointStats {
  tlp: string;
  totals: Record<Staffing | 'total', number>;
  checkpoints: { id: string; name: string; kind: string; status: string; staffing: Staffing; planned: number; present: number; jccId: string | null }[];
}

export interface CoverageAreas {
  regionKm2: number;
  noneKm2: number;
  peshmergaOnlyKm2: number;
  federalOnlyKm2: number;
  bothKm2: number;
}

export interface JccCoverage {
  jccId: string;
  areas: CoverageAreas;
  asOf: string;
}

export interface DashboardQuery {
  jccId: string;
  since: string;
  until: string;
  lang: Lang;
}

const TOP_PLACES = 10;
/** 100 m cells: the quick-look resolution, about a second per JCC area. */
const COVERAGE_CELL_M = 100;

export const loadIncidentStats = (api: ApiClient, q: DashboardQuery): Promise<IncidentStats> =>
  api.get<IncidentStats>('/stats/incidents', { since: q.since, until: q.until, jcc: q.jccId || undefined, lang: q.lang, top: TOP_PLACES });

export const loadCheckpointStats = (api: ApiClient, q: Pick<DashboardQuery, 'jccId'>): Promise<CheckpointStats> =>
  api.get<CheckpointStats>('/stats/checkpoints', { jcc: q.jccId || undefined });

/** Coverage and gaps of each JCC area, one analysis after the other (the engine uses one core each). */
export async function loadCoverage(api: ApiClient, jccIds: readonly string[]): Promise<JccCoverage[]> {
  const out: JccCoverage[] = [];
  for (const jccId of jccIds) {
    const r = await api.post<{ areas: CoverageAreas; asOf: string }>('/analysis/coverage', { region: { jccId }, cellM: COVERAGE_CELL_M });
    out.push({ jccId, areas: r.areas, asOf: r.asOf });
  }
  return out;
}

import type { ColumnType } from 'kysely';

/**
 * Row shapes as Kysely sees them. Booleans and JSON are stored differently per backend
 * (SQLite: 0/1 and text; PostgreSQL: boolean and jsonb), so those columns are typed loosely
 * here and every value goes through the backend's `SqlTraits` on the way in and out.
 */
type Bool = ColumnType<boolean | number, boolean | number, boolean | number>;
type Json = ColumnType<unknown, string, string>;

export interface SiteTable {
  singleton: number;
  id: string;
  name: string;
  party: string;
  created_at: string;
}

export interface RecordsTable {
  type: string;
  id: string;
  origin_party: string;
  origin_site: string;
  version: number;
  scope: string;
  scope_jccs: string;
  tlp: string;
  draft: Bool;
  deleted: Bool;
  created_at: string;
  updated_at: string;
  created_by: string;
  updated_by: string;
  min_lon: number | null;
  min_lat: number | null;
  max_lon: number | null;
  max_lat: number | null;
  t_start: string | null;
  t_end: string | null;
  /** Epoch milliseconds of t_start, else of min(created_at, updated_at). */
  sort_key: number;
  cell: number | null;
  status: string | null;
  jcc_id: string | null;
  search: string;
  data: Json;
}

/** Per type, the longest time span any record ever had: bounds how far back a window reaches. */
export interface RecordSpansTable {
  type: string;
  max_span_ms: number;
}

export interface EventsTable {
  seq: number;
  at: string;
  record_type: string;
  record_id: string;
  op: string;
  version: number;
  origin_party: string;
  actor_id: string;
  record: Json;
}

export interface AuditTable {
  seq: number;
  at: string;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  version: number | null;
  ip: string | null;
  detail: Json;
  prev_hash: string;
  hash: string;
}

export interface ChainHeadTable {
  singleton: number;
  last_event_seq: number;
  last_audit_seq: number;
  last_audit_hash: string;
}

export interface UsersTable {
  id: string;
  username: string;
  party: string;
  roles: Json;
  jcc_ids: Json;
  password_hash: string;
  disabled: Bool;
  created_at: string;
  updated_at: string;
}

export interface SessionsTable {
  token_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  ip: string | null;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  created_at: string;
  revoked_at: string | null;
}

export interface PlacesTable {
  id: string;
  names: Json;
  alt_names: Json;
  search: string;
  kind: string;
  lon: number;
  lat: number;
  adm1_pcode: string | null;
  adm2_pcode: string | null;
  adm3_pcode: string | null;
  population: number | null;
  geonames_id: number | null;
  source: string;
}

export interface CoverageSnapshotsTable {
  id: string;
  region_key: string;
  visibility_key: string;
  computed_at: string;
  region_km2: number;
  uncovered_km2: number;
}

export interface AdminAreasTable {
  pcode: string;
  level: number;
  names: Json;
  parent_pcode: string | null;
  geometry: Json;
  min_lon: number;
  min_lat: number;
  max_lon: number;
  max_lat: number;
  area_km2: number;
  in_kurdistan_region: ColumnType<boolean | number | null, boolean | number | null, boolean | number | null>;
  source: string;
  search: string;
}

export interface Database {
  site: SiteTable;
  records: RecordsTable;
  record_spans: RecordSpansTable;
  events: EventsTable;
  audit: AuditTable;
  chain_head: ChainHeadTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  places: PlacesTable;
  admin_areas: AdminAreasTable;
  coverage_snapshots: CoverageSnapshotsTable;
}

import type { ReadFilter } from '../core/access/access.ts';
import type { ChainedEntry } from '../core/audit/audit-chain.ts';
import type { Bbox } from '../core/geo/geometry.ts';
import type { Party, RecordType, Role, StoredRecord } from '../core/model/common.ts';
import type { RecordIndex } from '../core/model/kinds.ts';
import type { AdminArea, Place } from '../core/model/reference.ts';

/**
 * Storage ports (DESIGN §7). One implementation per backend under src/storage/<backend>/,
 * all checked by the same contract suite. Services depend on these interfaces only.
 */

export type BackendName = 'sqlite' | 'postgres';

export interface RecordListQuery {
  type: RecordType;
  /** The reader's access predicate; applied in the query itself so pages and counts never leak. */
  filter: ReadFilter;
  bbox?: Bbox;
  /** Records whose time span overlaps [since, until]; records without a time span by updated_at. */
  since?: string;
  until?: string;
  jccId?: string;
  party?: Party;
  status?: string;
  /** Folded query tokens; every token must occur in the record's folded search text. */
  qTokens?: string[];
  limit: number;
  /** Opaque keyset cursor from a previous page. */
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type EventOp = 'create' | 'update' | 'delete' | 'release';

/** One row per change, written in the change's transaction (feeds audit, realtime, federation). */
export interface ChangeEvent {
  seq: number;
  at: string;
  recordType: RecordType;
  recordId: string;
  op: EventOp;
  version: number;
  originParty: Party;
  actorId: string;
  /** The record after the change (envelope and data); for deletes, the tombstone. */
  record: StoredRecord;
}

/** An audit entry as the caller gives it; the store adds its place in the chain. */
export type AuditInput = Omit<ChainedEntry, 'seq' | 'prevHash' | 'hash'>;

export type AuditEntry = ChainedEntry;

export interface UserRow {
  id: string;
  username: string;
  party: Party;
  roles: Role[];
  jccIds: string[];
  passwordHash: string;
  disabled: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface SessionRow {
  tokenHash: string;
  userId: string;
  createdAt: string;
  expiresAt: string;
  ip: string | null;
}

export interface ApiTokenRow {
  id: string;
  userId: string;
  name: string;
  tokenHash: string;
  createdAt: string;
  revokedAt: string | null;
}

export interface SiteRow {
  id: string;
  name: string;
  party: Party;
  createdAt: string;
}

/** One gap analysis as it was made: for the uncovered-area trend. */
export interface CoverageSnapshot {
  id: string;
  /** The region and parameters analysed, and what the reader could see (see CoverageService). */
  regionKey: string;
  visibilityKey: string;
  computedAt: string;
  regionKm2: number;
  uncoveredKm2: number;
}

export interface CoverageSnapshotQuery {
  regionKey: string;
  visibilityKey: string;
  /** computedAt in [since, until). */
  since: string;
  until: string;
  limit: number;
}

export interface PlaceQuery {
  qTokens?: string[];
  bbox?: Bbox;
  adminPcode?: string;
  limit: number;
  offset: number;
}

export interface AdminAreaQuery {
  qTokens?: string[];
  level?: number;
  parentPcode?: string;
  /** Areas whose bbox contains this point (callers refine with point-in-polygon). */
  containsPoint?: [number, number];
  bbox?: Bbox;
  limit: number;
  offset: number;
}

/** Writes that must commit together. Every method runs inside the caller's transaction. */
export interface WriteTx {
  getRecord(type: RecordType, id: string): Promise<StoredRecord | undefined>;
  insertRecord(rec: StoredRecord, index: RecordIndex): Promise<void>;
  /** Replaces the record if its stored version is `expectedVersion`; false when it is not. */
  updateRecord(rec: StoredRecord, index: RecordIndex, expectedVersion: number): Promise<boolean>;
  appendEvent(e: Omit<ChangeEvent, 'seq'>): Promise<number>;
  /** Appends to the hash chain; serialises with every other writer of the chain. */
  appendAudit(a: AuditInput): Promise<AuditEntry>;
  /** A record change's event row and audit entry together (one claim of the chain head). */
  appendChange(e: Omit<ChangeEvent, 'seq'>, a: AuditInput): Promise<{ seq: number; audit: AuditEntry }>;

  insertUser(u: UserRow): Promise<void>;
  updateUser(u: UserRow): Promise<void>;
  insertSession(s: SessionRow): Promise<void>;
  deleteSession(tokenHash: string): Promise<void>;
  deleteSessionsOfUser(userId: string): Promise<void>;
  insertApiToken(t: ApiTokenRow): Promise<void>;
  revokeApiToken(id: string, at: string): Promise<void>;

  upsertPlaces(places: Place[]): Promise<void>;
  deletePlace(id: string): Promise<boolean>;
  upsertAdminAreas(areas: AdminArea[]): Promise<void>;
  deleteAdminArea(pcode: string): Promise<boolean>;

  insertCoverageSnapshot(s: CoverageSnapshot): Promise<void>;
}

export interface Store {
  readonly backend: BackendName;
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** Runs `fn` in one transaction; rolls back if it throws. */
  write<T>(fn: (tx: WriteTx) => Promise<T>): Promise<T>;

  getSite(): Promise<SiteRow | undefined>;
  /** Creates the site row once; later calls return the existing one unchanged. */
  ensureSite(site: SiteRow): Promise<SiteRow>;

  getRecord(type: RecordType, id: string): Promise<StoredRecord | undefined>;
  listRecords(q: RecordListQuery): Promise<Page<StoredRecord>>;
  countRecords(q: Omit<RecordListQuery, 'limit' | 'cursor'>): Promise<number>;
  /** Events after `afterSeq` in commit order (realtime catch-up, federation outbox). */
  listEvents(afterSeq: number, limit: number): Promise<ChangeEvent[]>;

  listAudit(afterSeq: number, limit: number): Promise<AuditEntry[]>;

  getUserById(id: string): Promise<UserRow | undefined>;
  getUserByName(username: string): Promise<UserRow | undefined>;
  listUsers(): Promise<UserRow[]>;
  getSession(tokenHash: string): Promise<SessionRow | undefined>;
  getApiTokenByHash(tokenHash: string): Promise<ApiTokenRow | undefined>;
  listApiTokens(userId: string): Promise<ApiTokenRow[]>;

  getPlace(id: string): Promise<Place | undefined>;
  listPlaces(q: PlaceQuery): Promise<Place[]>;
  countPlaces(): Promise<number>;
  getAdminArea(pcode: string): Promise<AdminArea | undefined>;
  listAdminAreas(q: AdminAreaQuery): Promise<AdminArea[]>;
  countAdminAreas(): Promise<number>;

  /** Oldest first. */
  listCoverageSnapshots(q: CoverageSnapshotQuery): Promise<CoverageSnapshot[]>;
}

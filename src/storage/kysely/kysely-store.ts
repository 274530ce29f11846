import { AsyncLocalStorage } from 'node:async_hooks';
import type { Kysely } from 'kysely';
import { TansiqError } from '../../core/errors.ts';
import type { RecordType, StoredRecord } from '../../core/model/common.ts';
import type { AdminArea, Place } from '../../core/model/reference.ts';
import type {
  AdminAreaQuery, ApiTokenRow, AuditEntry, BackendName, ChangeEvent, CoverageSnapshot, CoverageSnapshotQuery, EventOp, Page, PlaceQuery,
  RecordListQuery, SessionRow, SiteRow, Store, UserRow, WriteTx,
} from '../ports.ts';
import { fromApiTokenRow, fromSessionRow, fromSiteRow, fromUserRow, toSiteRow } from './account-rows.ts';
import { groupCommit } from './group-commit.ts';
import { migrateToLatest } from './migrations.ts';
import { countRecords, listRecords, readRecord } from './read-queries.ts';
import { adminAreaConditions, checkPaging, fromAdminAreaRow, fromPlaceRow, placeConditions } from './reference-rows.ts';
import type { Database } from './schema.ts';
import type { SqlTraits } from './sql-traits.ts';
import { KyselyWriteTx } from './write-tx.ts';

/** What a backend folder supplies: its Kysely instance, traits, and how it runs a write transaction. */
export interface BackendParts {
  db: Kysely<Database>;
  traits: SqlTraits;
  /** Runs `fn` in one transaction on one connection, committing on success, rolling back on throw. */
  transaction<T>(fn: (db: Kysely<Database>) => Promise<T>): Promise<T>;
  /** PostgreSQL: the schema that holds the tables and the migration bookkeeping. */
  schema?: string;
}

// Marks code running inside write(): there, the store itself must not be used. On SQLite's single
// connection that would wait for the write to finish, forever; on PostgreSQL it would silently
// run outside the transaction. `active` is cleared at the end so that work the callback left
// running in the background is not refused afterwards.
const inWrite = new AsyncLocalStorage<{ store: KyselyStore; active: boolean }>();

export class KyselyStore implements Store {
  readonly backend: BackendName;
  readonly #db: Kysely<Database>;
  readonly #t: SqlTraits;
  readonly #transaction: BackendParts['transaction'];
  readonly #schema: string | undefined;
  /**
   * Lower bounds of record_spans that committed writes established. They only grow, so a write
   * whose span is within them need not read the row again; learnt only from writes that commit.
   */
  readonly #committedSpans = new Map<string, number>();

  constructor(parts: BackendParts) {
    this.backend = parts.traits.backend;
    this.#db = parts.db;
    this.#t = parts.traits;
    this.#transaction = groupCommit(parts.transaction);
    this.#schema = parts.schema;
  }

  /** The query builder, for the contract suite's tampering test and for diagnostics. */
  get kysely(): Kysely<Database> {
    return this.#q;
  }

  get traits(): SqlTraits {
    return this.#t;
  }

  #outsideWrite(): void {
    const w = inWrite.getStore();
    if (w?.store === this && w.active) {
      throw new TansiqError('INTERNAL', 'the store was used inside its own write(): use the WriteTx passed to the callback');
    }
  }

  get #q(): Kysely<Database> {
    this.#outsideWrite();
    return this.#db;
  }

  migrate(): Promise<void> {
    return migrateToLatest(this.#q as Kysely<unknown>, this.#t, this.#schema);
  }

  async close(): Promise<void> {
    await this.#db.destroy();
  }

  async write<T>(fn: (tx: WriteTx) => Promise<T>): Promise<T> {
    this.#outsideWrite();
    const mark = { store: this, active: true };
    try {
      let tx: KyselyWriteTx | undefined;
      const result = await inWrite.run(mark, () => this.#transaction((db) => fn((tx = new KyselyWriteTx(db, this.#t, this.#committedSpans)))));
      for (const [type, span] of tx?.spans ?? []) this.#committedSpans.set(type, Math.max(span, this.#committedSpans.get(type) ?? -1));
      return result;
    } finally {
      mark.active = false;
    }
  }

  async getSite(): Promise<SiteRow | undefined> {
    const row = await this.#q.selectFrom('site').selectAll().executeTakeFirst();
    return row && fromSiteRow(row);
  }

  async ensureSite(site: SiteRow): Promise<SiteRow> {
    // The singleton key makes a concurrent second instance's insert a no-op, not a second site.
    await this.#q.insertInto('site').values(toSiteRow(site)).onConflict((oc) => oc.column('singleton').doNothing()).execute();
    const row = await this.getSite();
    if (!row) throw new TansiqError('INTEGRITY', 'the site row vanished after it was created');
    return row;
  }

  getRecord(type: RecordType, id: string): Promise<StoredRecord | undefined> {
    return readRecord(this.#q, this.#t, type, id);
  }

  listRecords(q: RecordListQuery): Promise<Page<StoredRecord>> {
    return listRecords(this.#q, this.#t, q);
  }

  countRecords(q: Omit<RecordListQuery, 'limit' | 'cursor'>): Promise<number> {
    return countRecords(this.#q, this.#t, q);
  }

  async listEvents(afterSeq: number, limit: number): Promise<ChangeEvent[]> {
    checkPaging(limit, afterSeq);
    const rows = await this.#q.selectFrom('events').selectAll().where('seq', '>', afterSeq).orderBy('seq').limit(limit).execute();
    return rows.map((r) => ({
      seq: r.seq,
      at: r.at,
      recordType: r.record_type as RecordType,
      recordId: r.record_id,
      op: r.op as EventOp,
      version: r.version,
      originParty: r.origin_party as ChangeEvent['originParty'],
      actorId: r.actor_id,
      record: this.#t.json(r.record) as StoredRecord,
    }));
  }

  async listAudit(afterSeq: number, limit: number): Promise<AuditEntry[]> {
    checkPaging(limit, afterSeq);
    const rows = await this.#q.selectFrom('audit').selectAll().where('seq', '>', afterSeq).orderBy('seq').limit(limit).execute();
    return rows.map((r) => ({
      seq: r.seq,
      at: r.at,
      actorId: r.actor_id,
      actorName: r.actor_name,
      action: r.action,
      targetType: r.target_type,
      targetId: r.target_id,
      version: r.version,
      ip: r.ip,
      detail: this.#t.json(r.detail) as Record<string, unknown>,
      prevHash: r.prev_hash,
      hash: r.hash,
    }));
  }

  async getUserById(id: string): Promise<UserRow | undefined> {
    const row = await this.#q.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    return row && fromUserRow(row, this.#t);
  }

  async getUserByName(username: string): Promise<UserRow | undefined> {
    const row = await this.#q.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
    return row && fromUserRow(row, this.#t);
  }

  async listUsers(): Promise<UserRow[]> {
    const rows = await this.#q.selectFrom('users').selectAll().orderBy('username').execute();
    return rows.map((r) => fromUserRow(r, this.#t));
  }

  async getSession(tokenHash: string): Promise<SessionRow | undefined> {
    const row = await this.#q.selectFrom('sessions').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
    return row && fromSessionRow(row);
  }

  async getApiTokenByHash(tokenHash: string): Promise<ApiTokenRow | undefined> {
    const row = await this.#q.selectFrom('api_tokens').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
    return row && fromApiTokenRow(row);
  }

  async listApiTokens(userId: string): Promise<ApiTokenRow[]> {
    const rows = await this.#q.selectFrom('api_tokens').selectAll().where('user_id', '=', userId).orderBy('created_at').orderBy('id').execute();
    return rows.map(fromApiTokenRow);
  }

  async getPlace(id: string): Promise<Place | undefined> {
    const row = await this.#q.selectFrom('places').selectAll().where('id', '=', id).executeTakeFirst();
    return row && fromPlaceRow(row, this.#t);
  }

  async listPlaces(q: PlaceQuery): Promise<Place[]> {
    checkPaging(q.limit, q.offset);
    const rows = await this.#q
      .selectFrom('places')
      .selectAll()
      .where((eb) => eb.and(placeConditions(eb, q, this.#t)))
      // Bigger places first: "Kirkuk" the city before a farm of the same name.
      .orderBy('population', (ob) => ob.desc().nullsLast())
      .orderBy('id')
      .limit(q.limit)
      .offset(q.offset)
      .execute();
    return rows.map((r) => fromPlaceRow(r, this.#t));
  }

  async countPlaces(): Promise<number> {
    const { n } = await this.#q.selectFrom('places').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return n;
  }

  async getAdminArea(pcode: string): Promise<AdminArea | undefined> {
    const row = await this.#q.selectFrom('admin_areas').selectAll().where('pcode', '=', pcode).executeTakeFirst();
    return row && fromAdminAreaRow(row, this.#t);
  }

  async listAdminAreas(q: AdminAreaQuery): Promise<AdminArea[]> {
    checkPaging(q.limit, q.offset);
    const rows = await this.#q
      .selectFrom('admin_areas')
      .selectAll()
      .where((eb) => eb.and(adminAreaConditions(eb, q, this.#t)))
      .orderBy('level')
      .orderBy('pcode')
      .limit(q.limit)
      .offset(q.offset)
      .execute();
    return rows.map((r) => fromAdminAreaRow(r, this.#t));
  }

  async countAdminAreas(): Promise<number> {
    const { n } = await this.#q.selectFrom('admin_areas').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return n;
  }

  async listCoverageSnapshots(q: CoverageSnapshotQuery): Promise<CoverageSnapshot[]> {
    checkPaging(q.limit, 0);
    const rows = await this.#q
      .selectFrom('coverage_snapshots')
      .selectAll()
      .where('region_key', '=', q.regionKey)
      .where('visibility_key', '=', q.visibilityKey)
      .where('computed_at', '>=', q.since)
      .where('computed_at', '<', q.until)
      .orderBy('computed_at')
      .orderBy('id')
      .limit(q.limit)
      .execute();
    return rows.map((r) => ({ id: r.id, regionKey: r.region_key, visibilityKey: r.visibility_key, computedAt: r.computed_at, regionKm2: r.region_km2, uncoveredKm2: r.uncovered_km2 }));
  }
}

import type { Kysely } from 'kysely';
import { auditEntryHash } from '../../core/audit/audit-chain.ts';
import { TansiqError } from '../../core/errors.ts';
import type { RecordType, StoredRecord } from '../../core/model/common.ts';
import type { RecordIndex } from '../../core/model/kinds.ts';
import type { AdminArea, Place } from '../../core/model/reference.ts';
import type { ApiTokenRow, AuditEntry, AuditInput, ChangeEvent, CoverageSnapshot, SessionRow, UserRow, WriteTx } from '../ports.ts';
import { toApiTokenRow, toSessionRow, toUserRow } from './account-rows.ts';
import { readRecord } from './read-queries.ts';
import { refuseNul } from './nul-guard.ts';
import { spanOf, toRecordRow } from './record-rows.ts';
import { upsertAdminAreas, upsertPlaces } from './reference-writes.ts';
import type { Database } from './schema.ts';
import type { SqlTraits } from './sql-traits.ts';

/**
 * Every statement runs on `db`, the caller's transaction. The chain head is claimed with
 * `UPDATE ... RETURNING`: in PostgreSQL the update takes the row lock that a `SELECT ... FOR
 * UPDATE` would, in one round trip, and holds it to commit, so a second writer waits and then
 * continues from the committed head (READ COMMITTED re-reads the row it waited for). Seqs
 * therefore follow commit order without gaps and the audit chain cannot fork. In SQLite the
 * whole transaction already holds the database's write lock (BEGIN IMMEDIATE).
 */
export class KyselyWriteTx implements WriteTx {
  readonly #db: Kysely<Database>;
  readonly #t: SqlTraits;
  /** Span bounds known to hold in this transaction (they only grow), per type. */
  readonly #spans = new Map<string, number>();
  /** Span bounds known to be committed, shared by the store's writes. */
  readonly #committedSpans: ReadonlyMap<string, number>;

  constructor(db: Kysely<Database>, traits: SqlTraits, committedSpans: ReadonlyMap<string, number> = new Map()) {
    this.#db = db;
    this.#t = traits;
    this.#committedSpans = committedSpans;
  }

  /** What this transaction learnt of the span bounds: true once it has committed. */
  get spans(): ReadonlyMap<string, number> {
    return this.#spans;
  }

  getRecord(type: RecordType, id: string): Promise<StoredRecord | undefined> {
    return readRecord(this.#db, this.#t, type, id);
  }

  async insertRecord(rec: StoredRecord, index: RecordIndex): Promise<void> {
    const row = toRecordRow(rec, index, this.#t);
    const r = await this.#db.insertInto('records').values(row).onConflict((oc) => oc.columns(['type', 'id']).doNothing()).executeTakeFirst();
    if (r.numInsertedOrUpdatedRows !== 1n) throw new TansiqError('CONFLICT', `${rec.type} ${rec.id} already exists`);
    await this.#widenSpan(rec.type, spanOf(row));
  }

  async updateRecord(rec: StoredRecord, index: RecordIndex, expectedVersion: number): Promise<boolean> {
    if (!Number.isInteger(expectedVersion)) throw new TansiqError('VALIDATION', `expected version must be an integer, got ${expectedVersion}`);
    const { type: _type, id: _id, ...row } = toRecordRow(rec, index, this.#t);
    const r = await this.#db
      .updateTable('records')
      .set(row)
      .where('type', '=', rec.type)
      .where('id', '=', rec.id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    if (r.numUpdatedRows !== 1n) return false;
    await this.#widenSpan(rec.type, spanOf(row));
    return true;
  }

  /**
   * Keeps record_spans.max_span_ms at least this record's span, in the same transaction, so no
   * reader can see the record without the bound that lets time windows reach it. It only grows.
   * Most writes do not widen it and then only read, so writers rarely contend for the row.
   */
  async #widenSpan(type: string, spanMs: number): Promise<void> {
    if (Math.max(this.#spans.get(type) ?? -1, this.#committedSpans.get(type) ?? -1) >= spanMs) return;
    const cur = await this.#db.selectFrom('record_spans').select('max_span_ms').where('type', '=', type).executeTakeFirst();
    this.#spans.set(type, Math.max(cur?.max_span_ms ?? -1, spanMs));
    if (cur && cur.max_span_ms >= spanMs) return;
    await this.#db
      .insertInto('record_spans')
      .values({ type, max_span_ms: spanMs })
      .onConflict((oc) =>
        oc
          .column('type')
          .doUpdateSet({ max_span_ms: (eb) => eb.ref('excluded.max_span_ms') })
          .where((eb) => eb('record_spans.max_span_ms', '<', eb.ref('excluded.max_span_ms'))),
      )
      .execute();
  }

  async appendEvent(e: Omit<ChangeEvent, 'seq'>): Promise<number> {
    const head = await this.#claim({ event: true, audit: false });
    await this.#insertEvent(head.last_event_seq, e);
    return head.last_event_seq;
  }

  async appendAudit(a: AuditInput): Promise<AuditEntry> {
    const detail = auditDetail(a);
    const head = await this.#claim({ event: false, audit: true });
    return this.#insertAudit(head, a, detail);
  }

  /** Both rows of one record change, with one claim of the chain head instead of two. */
  async appendChange(e: Omit<ChangeEvent, 'seq'>, a: AuditInput): Promise<{ seq: number; audit: AuditEntry }> {
    const detail = auditDetail(a);
    const head = await this.#claim({ event: true, audit: true });
    await this.#insertEvent(head.last_event_seq, e);
    return { seq: head.last_event_seq, audit: await this.#insertAudit(head, a, detail) };
  }

  #claim(what: { event: boolean; audit: boolean }): Promise<{ last_event_seq: number; last_audit_seq: number; last_audit_hash: string }> {
    return this.#db
      .updateTable('chain_head')
      .set((eb) => ({
        ...(what.event ? { last_event_seq: eb('last_event_seq', '+', 1) } : {}),
        ...(what.audit ? { last_audit_seq: eb('last_audit_seq', '+', 1) } : {}),
      }))
      .where('singleton', '=', 1)
      .returning(['last_event_seq', 'last_audit_seq', 'last_audit_hash'])
      .executeTakeFirstOrThrow(() => missingHead());
  }

  async #insertEvent(seq: number, e: Omit<ChangeEvent, 'seq'>): Promise<void> {
    const row = {
      seq,
      at: e.at,
      record_type: e.recordType,
      record_id: e.recordId,
      op: e.op,
      version: e.version,
      origin_party: e.originParty,
      actor_id: e.actorId,
      record: JSON.stringify(e.record),
    };
    refuseNul(row, ['record'], 'event');
    await this.#db.insertInto('events').values(row).execute();
  }

  async #insertAudit(head: { last_audit_seq: number; last_audit_hash: string }, a: AuditInput, detail: Record<string, unknown>): Promise<AuditEntry> {
    const { at, actorId, actorName, action, targetType, targetId, version, ip } = a;
    const unhashed = { seq: head.last_audit_seq, at, actorId, actorName, action, targetType, targetId, version, ip, detail, prevHash: head.last_audit_hash };
    const entry: AuditEntry = { ...unhashed, hash: auditEntryHash(unhashed) };
    await this.#db
      .insertInto('audit')
      .values({
        seq: entry.seq,
        at,
        actor_id: actorId,
        actor_name: actorName,
        action,
        target_type: targetType,
        target_id: targetId,
        version,
        ip,
        detail: JSON.stringify(detail),
        prev_hash: entry.prevHash,
        hash: entry.hash,
      })
      .execute();
    await this.#db.updateTable('chain_head').set({ last_audit_hash: entry.hash }).where('singleton', '=', 1).execute();
    return entry;
  }

  async insertCoverageSnapshot(s: CoverageSnapshot): Promise<void> {
    const row = { id: s.id, region_key: s.regionKey, visibility_key: s.visibilityKey, computed_at: s.computedAt, region_km2: s.regionKm2, uncovered_km2: s.uncoveredKm2 };
    refuseNul(row, [], 'coverage snapshot');
    await this.#db.insertInto('coverage_snapshots').values(row).execute();
  }

  async insertUser(u: UserRow): Promise<void> {
    const row = toUserRow(u, this.#t);
    refuseNul(row, ['roles', 'jcc_ids'], `user ${u.id}`);
    const r = await this.#db.insertInto('users').values(row).onConflict((oc) => oc.doNothing()).executeTakeFirst();
    if (r.numInsertedOrUpdatedRows !== 1n) throw new TansiqError('CONFLICT', `a user with id ${u.id} or username "${u.username}" already exists`);
  }

  async updateUser(u: UserRow): Promise<void> {
    const taken = await this.#db.selectFrom('users').select('id').where('username', '=', u.username).where('id', '<>', u.id).executeTakeFirst();
    if (taken) throw new TansiqError('CONFLICT', `username "${u.username}" is taken`);
    const { id: _id, created_at: _created, ...row } = toUserRow(u, this.#t);
    refuseNul(row, ['roles', 'jcc_ids'], `user ${u.id}`);
    const r = await this.#db.updateTable('users').set(row).where('id', '=', u.id).executeTakeFirst();
    if (r.numUpdatedRows !== 1n) throw new TansiqError('NOT_FOUND', `user ${u.id} not found`);
  }

  async insertSession(s: SessionRow): Promise<void> {
    const r = await this.#db.insertInto('sessions').values(toSessionRow(s)).onConflict((oc) => oc.doNothing()).executeTakeFirst();
    if (r.numInsertedOrUpdatedRows !== 1n) throw new TansiqError('CONFLICT', 'session token already exists');
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.#db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
  }

  async deleteSessionsOfUser(userId: string): Promise<void> {
    await this.#db.deleteFrom('sessions').where('user_id', '=', userId).execute();
  }

  async insertApiToken(tok: ApiTokenRow): Promise<void> {
    const r = await this.#db.insertInto('api_tokens').values(toApiTokenRow(tok)).onConflict((oc) => oc.doNothing()).executeTakeFirst();
    if (r.numInsertedOrUpdatedRows !== 1n) throw new TansiqError('CONFLICT', `API token ${tok.id} (or its hash) already exists`);
  }

  async revokeApiToken(id: string, at: string): Promise<void> {
    // The first revocation time stands: revoking twice must not rewrite history.
    const r = await this.#db.updateTable('api_tokens').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
    if (r.numUpdatedRows === 1n) return;
    const exists = await this.#db.selectFrom('api_tokens').select('id').where('id', '=', id).executeTakeFirst();
    if (!exists) throw new TansiqError('NOT_FOUND', `API token ${id} not found`);
  }

  upsertPlaces(places: Place[]): Promise<void> {
    return upsertPlaces(this.#db, places);
  }

  async deletePlace(id: string): Promise<boolean> {
    const r = await this.#db.deleteFrom('places').where('id', '=', id).executeTakeFirst();
    return r.numDeletedRows === 1n;
  }

  upsertAdminAreas(areas: AdminArea[]): Promise<void> {
    return upsertAdminAreas(this.#db, this.#t, areas);
  }

  async deleteAdminArea(pcode: string): Promise<boolean> {
    const r = await this.#db.deleteFrom('admin_areas').where('pcode', '=', pcode).executeTakeFirst();
    return r.numDeletedRows === 1n;
  }
}

/** The detail exactly as a reader will get it back (JSON drops undefined, turns dates into text), checked before the chain is claimed. */
function auditDetail(a: AuditInput): Record<string, unknown> {
  if (a.detail === null || typeof a.detail !== 'object' || Array.isArray(a.detail)) {
    throw new TansiqError('VALIDATION', 'audit detail must be a JSON object');
  }
  const detail = JSON.parse(JSON.stringify(a.detail)) as Record<string, unknown>;
  const { at, actorId, actorName, action, targetType, targetId, ip } = a;
  refuseNul({ at, actorId, actorName, action, targetType, targetId, ip, detail: JSON.stringify(detail) }, ['detail'], 'audit entry');
  return detail;
}

const missingHead = (): Error => new TansiqError('INTEGRITY', 'the chain_head row is missing: the database was not migrated or was altered');

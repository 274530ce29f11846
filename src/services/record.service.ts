import { canRead, canWrite, readFilterFor, type WriteAction } from '../core/access/access.ts';
import { conflict, forbidden, notFound, validationError } from '../core/errors.ts';
import { uuidv7 } from '../core/ids/uuidv7.ts';
import { formatScope, type Principal, type RecordType, type Scope, type StoredRecord, type Tlp } from '../core/model/common.ts';
import { KINDS, type RecordKind } from '../core/model/kinds.ts';
import { foldTokens } from '../core/text/fold.ts';
import { parseOrThrow } from '../core/validation.ts';
import type { EventOp, RecordListQuery, WriteTx } from '../storage/ports.ts';
import { isoNow, type RequestOrigin, type ServiceContext } from './context.ts';
import { recordRules } from './record-rules.ts';
import { toView, type RecordView } from './record-view.ts';

/** The storage query's optional filters, with free text as typed and an optional total. */
export type ListParams = Partial<Pick<RecordListQuery, 'bbox' | 'since' | 'until' | 'jccId' | 'party' | 'status' | 'limit' | 'cursor'>> & {
  q?: string;
  withTotal?: boolean;
};

export interface ListResult {
  items: RecordView[];
  nextCursor: string | null;
  total?: number;
}

export const DEFAULT_PAGE = 100;
export const MAX_PAGE = 500;

/** Create, read, change, delete and release every shareable record type, through one access check. */
export class RecordService {
  constructor(private readonly ctx: ServiceContext) {}

  async list(p: Principal, type: RecordType, params: ListParams = {}): Promise<ListResult> {
    const { limit = DEFAULT_PAGE, withTotal, q, cursor, ...filters } = params;
    const query = { type, filter: readFilterFor(p), ...filters, ...(q ? { qTokens: foldTokens(q) } : {}) };
    const page = await this.ctx.store.listRecords({ ...query, limit: Math.min(Math.max(1, limit), MAX_PAGE), ...(cursor ? { cursor } : {}) });
    const result: ListResult = { items: page.items.map((r) => toView(p, r)), nextCursor: page.nextCursor };
    if (withTotal) result.total = await this.ctx.store.countRecords(query);
    return result;
  }

  async get(p: Principal, type: RecordType, id: string): Promise<RecordView> {
    return toView(p, await this.readable(p, type, id));
  }

  /** The stored record if `p` may read it; otherwise "not found", whether it exists or not. */
  async readable(p: Principal, type: RecordType, id: string): Promise<StoredRecord> {
    const rec = await this.ctx.store.getRecord(type, id);
    if (!rec || !canRead(p, rec)) throw notFound(KINDS[type].type);
    return rec;
  }

  async create(p: Principal, type: RecordType, body: unknown, opts: RequestOrigin & { tlp?: Tlp; scope?: Scope } = {}): Promise<RecordView> {
    const kind = KINDS[type];
    this.assertRole(p, kind, 'create');
    const data = parseOrThrow(kind.schema, body, kind.type);
    const rules = recordRules(type);
    const next = rules ? await rules.beforeWrite(this.ctx, p, undefined, data) : data;
    const now = isoNow(this.ctx);
    const index = kind.index(next);
    const rec: StoredRecord = {
      id: uuidv7(),
      type,
      originParty: p.party,
      originSite: this.ctx.site.id,
      version: 1,
      scope: opts.scope ?? { kind: 'own' },
      tlp: opts.tlp ?? 'amber',
      draft: index.draft,
      deleted: false,
      createdAt: now,
      updatedAt: now,
      createdBy: p.userId,
      updatedBy: p.userId,
      data: next,
    };
    if (opts.scope && opts.scope.kind !== 'own') {
      // Creating a record already shared is a release, and needs the role to release.
      this.assertRole(p, kind, 'release', rec);
      await this.assertShareable(p, rec);
    }
    await this.ctx.store.write(async (tx) => {
      await tx.insertRecord(rec, index);
      await this.logChange(tx, p, rec, 'create', opts);
    });
    this.afterCommit(rec);
    return toView(p, rec);
  }

  async update(p: Principal, type: RecordType, id: string, version: number, patch: Record<string, unknown>, opts: RequestOrigin = {}): Promise<RecordView> {
    const kind = KINDS[type];
    const current = await this.writable(p, kind, id, version, 'update');
    const data = parseOrThrow(kind.schema, mergePatch(current.data as Record<string, unknown>, patch), kind.type);
    const rules = recordRules(type);
    const next = rules ? await rules.beforeWrite(this.ctx, p, current, data) : data;
    const index = kind.index(next);
    const rec: StoredRecord = { ...current, version: version + 1, data: next, draft: index.draft, updatedAt: isoNow(this.ctx), updatedBy: p.userId };
    await this.commit(rec, index, version, 'update', p, opts);
    return toView(p, rec);
  }

  /** Deletes leave a tombstone: the id stays taken and the peer learns of the deletion. */
  async remove(p: Principal, type: RecordType, id: string, version: number, opts: RequestOrigin = {}): Promise<void> {
    const kind = KINDS[type];
    const current = await this.writable(p, kind, id, version, 'delete');
    const rec: StoredRecord = { ...current, version: version + 1, deleted: true, data: {}, updatedAt: isoNow(this.ctx), updatedBy: p.userId };
    await this.commit(rec, kind.index(current.data as object), version, 'delete', p, opts);
  }

  /** Sets who may receive the record (scope) and its handling label (TLP). */
  async release(p: Principal, type: RecordType, id: string, version: number, scope: Scope, tlp: Tlp | undefined, opts: RequestOrigin = {}): Promise<RecordView> {
    const kind = KINDS[type];
    const current = await this.writable(p, kind, id, version, 'release');
    const rec: StoredRecord = { ...current, version: version + 1, scope, tlp: tlp ?? current.tlp, updatedAt: isoNow(this.ctx), updatedBy: p.userId };
    await this.assertShareable(p, rec);
    await this.commit(rec, kind.index(current.data as object), version, 'release', p, opts);
    return toView(p, rec);
  }

  private assertRole(p: Principal, kind: RecordKind, action: WriteAction, meta?: StoredRecord): void {
    if (!canWrite(p, kind, action, meta)) throw forbidden(`your role may not ${action} ${kind.plural}`);
  }

  private async writable(p: Principal, kind: RecordKind, id: string, version: number, action: WriteAction): Promise<StoredRecord> {
    const current = await this.readable(p, kind.type, id);
    this.assertRole(p, kind, action, current);
    // Single writer: only the site that created a record changes it (DESIGN §4).
    if (current.originSite !== this.ctx.site.id) throw forbidden('only the site that created this record may change it');
    if (current.version !== version) throw staleVersion(current.version, version);
    return current;
  }

  private async assertShareable(p: Principal, rec: StoredRecord): Promise<void> {
    if (rec.scope.kind === 'own') return;
    if (rec.tlp === 'red') throw validationError('TLP:RED is never shared: keep the scope "own" or lower the label', [{ path: 'tlp', message: 'TLP:RED cannot leave its party' }]);
    if (rec.draft) throw validationError('a draft is not released: change its status first', [{ path: 'scope', message: 'the record is a draft' }]);
    if (rec.scope.kind === 'jcc') {
      for (const jccId of rec.scope.jccIds) {
        const jcc = await this.ctx.store.getRecord('jcc', jccId);
        if (!jcc || !canRead(p, jcc)) throw validationError(`scope names an unknown JCC ${jccId}`, [{ path: 'scope', message: `no JCC ${jccId}` }]);
      }
    }
  }

  private async commit(rec: StoredRecord, index: ReturnType<RecordKind['index']>, expected: number, op: EventOp, p: Principal, opts: RequestOrigin): Promise<void> {
    await this.ctx.store.write(async (tx) => {
      if (!(await tx.updateRecord(rec, index, expected))) {
        const now = await tx.getRecord(rec.type, rec.id);
        throw staleVersion(now?.version ?? expected + 1, expected);
      }
      await this.logChange(tx, p, rec, op, opts);
    });
    this.afterCommit(rec);
  }

  /** In-memory views of records that changed are refreshed once the change is durable. */
  private afterCommit(rec: StoredRecord): void {
    if (rec.type === 'jcc') this.ctx.areas.jccsChanged();
  }

  /** The event row and the audit entry, in the change's own transaction (DESIGN §7). */
  private async logChange(tx: WriteTx, p: Principal, rec: StoredRecord, op: EventOp, opts: RequestOrigin): Promise<void> {
    const event = { at: rec.updatedAt, recordType: rec.type, recordId: rec.id, op, version: rec.version, originParty: rec.originParty, actorId: p.userId, record: rec };
    await tx.appendChange(event, {
      at: rec.updatedAt,
      actorId: p.userId,
      actorName: p.username,
      action: `${rec.type}.${op}`,
      targetType: rec.type,
      targetId: rec.id,
      version: rec.version,
      ip: opts.ip ?? null,
      detail: op === 'release' ? { scope: formatScope(rec.scope), tlp: rec.tlp } : {},
    });
  }
}

function staleVersion(current: number, given: number): Error {
  return conflict(`the record has changed (version ${current}, you sent ${given}): reload it and apply your change again`, { currentVersion: current });
}

/**
 * The fields sent replace the stored ones whole (nested objects too, so a changed coverage kind
 * does not inherit the old kind's fields); null removes an optional field.
 */
export function mergePatch(target: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...target };
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = v;
  }
  return out;
}

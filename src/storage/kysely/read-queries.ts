import type { Kysely } from 'kysely';
import type { RecordType, StoredRecord } from '../../core/model/common.ts';
import type { Page, RecordListQuery } from '../ports.ts';
import { afterCursor, checkLimit, decodeCursor, encodeCursor, recordConditions } from './record-query.ts';
import { fromRecordRow } from './record-rows.ts';
import type { Database } from './schema.ts';
import type { SqlTraits } from './sql-traits.ts';

// Everything but the index columns, which exist only for filtering.
const RECORD_COLUMNS = [
  'type', 'id', 'origin_party', 'origin_site', 'version', 'scope', 'tlp', 'draft', 'deleted',
  'created_at', 'updated_at', 'created_by', 'updated_by', 'data', 'sort_key',
] as const;

/** Tombstones included: whether a deleted record is "gone" or "not found" is the service's call. */
export async function readRecord(db: Kysely<Database>, t: SqlTraits, type: RecordType, id: string): Promise<StoredRecord | undefined> {
  const row = await db.selectFrom('records').select(RECORD_COLUMNS).where('type', '=', type).where('id', '=', id).executeTakeFirst();
  return row && fromRecordRow(row, t);
}

export async function listRecords(db: Kysely<Database>, t: SqlTraits, q: RecordListQuery): Promise<Page<StoredRecord>> {
  const limit = checkLimit(q.limit);
  const cursor = q.cursor === undefined ? undefined : decodeCursor(q.cursor);
  const rows = await db
    .selectFrom('records')
    .select(RECORD_COLUMNS)
    .where((eb) => eb.and([...recordConditions(eb, q, t), ...(cursor ? [afterCursor(eb, cursor)] : [])]))
    .orderBy('sort_key', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => fromRecordRow(r, t)),
    nextCursor: rows.length > limit && last ? encodeCursor({ sortKey: last.sort_key, id: last.id }) : null,
  };
}

export async function countRecords(db: Kysely<Database>, t: SqlTraits, q: Omit<RecordListQuery, 'limit' | 'cursor'>): Promise<number> {
  const { n } = await db
    .selectFrom('records')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where((eb) => eb.and(recordConditions(eb, q, t)))
    .executeTakeFirstOrThrow();
  return n;
}

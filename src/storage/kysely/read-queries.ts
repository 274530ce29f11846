import type { Expression, ExpressionBuilder, Kysely, SqlBool } from 'kysely';
import type { RecordType, StoredRecord } from '../../core/model/common.ts';
import type { Page, RecordListQuery } from '../ports.ts';
import { FIRST_SLICE_MS, planList } from './list-plan.ts';
import { afterCursor, checkLimit, decodeCursor, encodeCursor, recordConditions, type Keyset } from './record-query.ts';
import { fromRecordRow, type RecordRow } from './record-rows.ts';
import type { Database } from './schema.ts';
import type { SqlTraits } from './sql-traits.ts';

type Eb = ExpressionBuilder<Database, 'records'>;
type Cond = Expression<SqlBool>;
type ListRow = RecordRow & { sort_key: number };

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
  const plan = await planList(db, q);
  if (plan.empty) return { items: [], nextCursor: null };
  const select = async (extra: (eb: Eb) => Cond[], n: number): Promise<ListRow[]> => {
    const query = db
      .selectFrom('records')
      .select(RECORD_COLUMNS)
      .where((eb) => eb.and([...recordConditions(eb, q, t, plan.narrowing), ...extra(eb)]))
      .orderBy('sort_key', 'desc')
      .orderBy('id', 'desc')
      .limit(n);
    if (!plan.slices) return query.execute();
    // Each slice is meant to be read cell by cell (see list-plan.ts).
    const compiled = query.compile();
    return (await db.executeQuery<ListRow>({ ...compiled, sql: t.forceIndex(compiled.sql, 'records', 'records_cell') })).rows;
  };

  const rows = plan.slices
    ? await scanSlices(select, plan.slices, cursor, limit)
    : await select((eb) => (cursor ? [afterCursor(eb, cursor)] : []), limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => fromRecordRow(r, t)),
    nextCursor: rows.length > limit && last ? encodeCursor({ sortKey: last.sort_key, id: last.id }) : null,
  };
}

/**
 * Newest time slice first, each one index range per cell, until the page is full: a dense area
 * fills it from the first day, a sparse one costs a few more cheap queries, and nothing ever
 * sorts all the cells' records. Slices are disjoint; the id check only guards against a record
 * whose sort_key changed between two slice queries.
 */
async function scanSlices<R extends { id: string }>(
  select: (extra: (eb: Eb) => Cond[], n: number) => Promise<R[]>,
  slices: { lowMs: number; highMs: number },
  cursor: Keyset | undefined,
  limit: number,
): Promise<R[]> {
  const rows: R[] = [];
  const seen = new Set<string>();
  let upper = (eb: Eb): Cond => (cursor ? afterCursor(eb, cursor) : eb('sort_key', '<=', slices.highMs));
  let high = cursor ? cursor.sortKey : slices.highMs;
  for (let width = FIRST_SLICE_MS; rows.length <= limit; width *= 4) {
    const low = Math.max(high - width, slices.lowMs);
    const bound = upper;
    for (const r of await select((eb) => [bound(eb), eb('sort_key', '>=', low)], limit + 1 - rows.length)) {
      if (!seen.has(r.id)) rows.push(r);
      seen.add(r.id);
    }
    if (low <= slices.lowMs) break;
    high = low;
    upper = (eb) => eb('sort_key', '<', low);
  }
  return rows;
}

export async function countRecords(db: Kysely<Database>, t: SqlTraits, q: Omit<RecordListQuery, 'limit' | 'cursor'>): Promise<number> {
  const plan = await planList(db, q);
  if (plan.empty) return 0;
  const { n } = await db
    .selectFrom('records')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where((eb) => eb.and(recordConditions(eb, q, t, plan.narrowing)))
    .executeTakeFirstOrThrow();
  return n;
}

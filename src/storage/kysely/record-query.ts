import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { ReadFilter } from '../../core/access/access.ts';
import { TansiqError } from '../../core/errors.ts';
import type { Bbox } from '../../core/geo/geometry.ts';
import type { RecordListQuery } from '../ports.ts';
import { utcIso } from './record-rows.ts';
import type { Database } from './schema.ts';
import type { SqlTraits } from './sql-traits.ts';

type Eb = ExpressionBuilder<Database, 'records'>;
type Cond = Expression<SqlBool>;

/**
 * `isVisible` (src/core/access/access.ts) as SQL, clause by clause. Any change there must be
 * made here too; the contract suite's leak property test compares the two on random data.
 */
export function visibleTo(eb: Eb, f: ReadFilter, t: SqlTraits): Cond {
  const own = f.seesRed
    ? eb('origin_party', '=', f.party)
    : eb.and([eb('origin_party', '=', f.party), eb.or([eb('tlp', '<>', 'red'), eb('created_by', '=', f.userId)])]);
  // scope_jccs is `,id1,id2,`, so `,id,` matches one whole id. An id with a comma in it can
  // never be in a scope (parseScope splits on commas) but would match across two ids: drop it.
  const jccIds = f.jccIds.filter((id) => !id.includes(','));
  const released = [eb('scope', '=', 'bilateral'), ...jccIds.map((id) => t.contains(eb.ref('scope_jccs'), `,${id},`))];
  const other = eb.and([
    eb('origin_party', '<>', f.party),
    eb('draft', '=', sql.lit(false)),
    eb('tlp', '<>', 'red'),
    eb.or(released),
  ]);
  return eb.and([eb('deleted', '=', sql.lit(false)), eb.or([own, other])]);
}

export function checkBbox(b: Bbox): Bbox {
  if (b.length !== 4 || !b.every((n) => typeof n === 'number' && Number.isFinite(n))) {
    throw new TansiqError('VALIDATION', 'bbox must be four finite numbers: minLon, minLat, maxLon, maxLat');
  }
  return b;
}

/** Narrowing a plan adds on top of the filters (see list-plan.ts); both only ever drop non-matches. */
export interface Narrowing {
  /** sort_key lower bound: no record below it can overlap the window. */
  lowMs?: number;
  /** Spatial cells a match can be in. */
  cells?: number[];
}

/** The WHERE of a list or count: type, the reader's access predicate, then the optional filters. */
export function recordConditions(eb: Eb, q: Omit<RecordListQuery, 'limit' | 'cursor'>, t: SqlTraits, n: Narrowing = {}): Cond[] {
  const c: Cond[] = [eb('type', '=', q.type), visibleTo(eb, q.filter, t)];
  if (q.bbox) {
    const [minLon, minLat, maxLon, maxLat] = checkBbox(q.bbox);
    c.push(eb('min_lon', '<=', maxLon), eb('max_lon', '>=', minLon), eb('min_lat', '<=', maxLat), eb('max_lat', '>=', minLat));
  }
  const { since, until } = windowOf(q);
  if (since !== undefined || until !== undefined) {
    const timed: Cond[] = [eb('t_start', 'is not', null)];
    const untimed: Cond[] = [eb('t_start', 'is', null)];
    if (until !== undefined) {
      // Implied by both branches (sort_key is t_start, or at most updated_at), and it lets the
      // index scans start at `until` instead of at the newest record.
      c.push(eb('sort_key', '<=', Date.parse(until)));
      timed.push(eb('t_start', '<=', until));
      untimed.push(eb('updated_at', '<=', until));
    }
    if (since !== undefined) {
      timed.push(eb('t_end', '>=', since));
      untimed.push(eb('updated_at', '>=', since));
    }
    c.push(eb.or([eb.and(timed), eb.and(untimed)]));
  }
  if (n.lowMs !== undefined) c.push(eb('sort_key', '>=', n.lowMs));
  if (n.cells !== undefined) c.push(eb('cell', 'in', n.cells));
  if (q.jccId !== undefined) c.push(eb('jcc_id', '=', q.jccId));
  if (q.party !== undefined) c.push(eb('origin_party', '=', q.party));
  if (q.status !== undefined) c.push(eb('status', '=', q.status));
  for (const token of q.qTokens ?? []) c.push(t.contains(eb.ref('search'), token));
  return c;
}

/** The query's window in canonical UTC text (the form t_start, t_end and updated_at are stored in). */
export function windowOf(q: Pick<RecordListQuery, 'since' | 'until'>): { since?: string; until?: string } {
  return {
    ...(q.since === undefined ? {} : { since: utcIso(q.since, 'since') }),
    ...(q.until === undefined ? {} : { until: utcIso(q.until, 'until') }),
  };
}

export interface Keyset {
  sortKey: number;
  id: string;
}

export const encodeCursor = (k: Keyset): string => Buffer.from(`${k.sortKey}|${k.id}`, 'utf8').toString('base64url');

export function decodeCursor(cursor: string): Keyset {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const bar = text.indexOf('|');
  const k = { sortKey: Number(text.slice(0, bar)), id: text.slice(bar + 1) };
  if (bar <= 0 || !Number.isSafeInteger(k.sortKey) || k.id === '' || encodeCursor(k) !== cursor) {
    throw new TansiqError('VALIDATION', 'invalid cursor: pass nextCursor from the previous page unchanged');
  }
  return k;
}

/** Rows after the cursor in (sort_key desc, id desc) order. */
export const afterCursor = (eb: Eb, k: Keyset): Cond => eb(eb.refTuple('sort_key', 'id'), '<', eb.tuple(k.sortKey, k.id));

export function checkLimit(limit: number): number {
  if (!Number.isInteger(limit) || limit < 1) throw new TansiqError('VALIDATION', `limit must be a positive integer, got ${limit}`);
  return limit;
}

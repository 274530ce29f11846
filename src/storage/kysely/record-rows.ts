import type { Insertable, Selectable } from 'kysely';
import { TansiqError } from '../../core/errors.ts';
import { formatScope, parseScope, type Party, type RecordType, type StoredRecord, type Tlp } from '../../core/model/common.ts';
import type { RecordIndex } from '../../core/model/kinds.ts';
import type { RecordsTable } from './schema.ts';
import { refuseNul } from './nul-guard.ts';
import { cellOf } from './spatial-cells.ts';
import { toBool, type SqlTraits } from './sql-traits.ts';

/** Stands for "no end yet" so that open spans still compare as ISO text. */
export const OPEN_END = '9999-12-31T23:59:59.999Z';

/**
 * The canonical UTC form (`toISOString`), the only form in which ISO instants sort and compare
 * correctly as text. Anything that does not parse, or lies outside years 0000–9999, is refused.
 */
export function utcIso(value: string, what: string): string {
  const ms = Date.parse(value);
  const iso = Number.isNaN(ms) ? '' : new Date(ms).toISOString();
  if (!/^\d{4}-/.test(iso)) throw new TansiqError('VALIDATION', `${what} is not a valid ISO 8601 time: ${JSON.stringify(value)}`);
  return iso;
}

/** Envelope times are stored verbatim, so they must already be canonical to compare as text. */
function canonicalTime(value: string, what: string): string {
  if (utcIso(value, what) !== value) {
    throw new TansiqError('VALIDATION', `${what} must be a UTC time as toISOString() writes it, got ${JSON.stringify(value)}`);
  }
  return value;
}

export function toRecordRow(rec: StoredRecord, index: RecordIndex, t: SqlTraits): Insertable<RecordsTable> {
  const row = buildRow(rec, index, t);
  refuseNul(row, ['data'], `record ${rec.type}/${rec.id}`);
  return row;
}

function buildRow(rec: StoredRecord, index: RecordIndex, t: SqlTraits): Insertable<RecordsTable> {
  const scope = parseScope(formatScope(rec.scope));
  if (!scope) throw new TansiqError('VALIDATION', `record ${rec.type}/${rec.id} has an invalid scope ${JSON.stringify(formatScope(rec.scope))}`);
  if (index.bbox !== null && (index.bbox.length !== 4 || !index.bbox.every(Number.isFinite))) {
    throw new TansiqError('VALIDATION', `record ${rec.type}/${rec.id} has a bbox that is not four finite numbers`);
  }
  const createdAt = canonicalTime(rec.createdAt, 'createdAt');
  const updatedAt = canonicalTime(rec.updatedAt, 'updatedAt');
  // A span needs a start; an end alone says nothing the list filters could use.
  const tStart = index.tStart === null ? null : utcIso(index.tStart, 'time span start');
  const tEnd = tStart === null ? null : index.tEnd === null ? OPEN_END : utcIso(index.tEnd, 'time span end');
  // Records without a span sort (and page) by creation. The min() keeps `sort_key <= until` a
  // valid index bound for the updated_at window even if a clock once put updated_at first.
  // Epoch milliseconds rather than text: PostgreSQL estimates numeric ranges from its histogram
  // well and ISO-text ranges badly, and a bad estimate there picks the wrong index.
  const sortKey = Date.parse(tStart ?? (updatedAt < createdAt ? updatedAt : createdAt));
  const [minLon, minLat, maxLon, maxLat] = index.bbox ?? [null, null, null, null];
  return {
    type: rec.type,
    id: rec.id,
    origin_party: rec.originParty,
    origin_site: rec.originSite,
    version: rec.version,
    scope: formatScope(scope),
    scope_jccs: scope.kind === 'jcc' ? `,${scope.jccIds.join(',')},` : '',
    tlp: rec.tlp,
    // The envelope's flag, not the index's: it is what `isVisible` reads, so SQL and code agree.
    draft: t.bool(rec.draft),
    deleted: t.bool(rec.deleted),
    created_at: createdAt,
    updated_at: updatedAt,
    created_by: rec.createdBy,
    updated_by: rec.updatedBy,
    min_lon: minLon,
    min_lat: minLat,
    max_lon: maxLon,
    max_lat: maxLat,
    t_start: tStart,
    t_end: tEnd,
    sort_key: sortKey,
    cell: cellOf(index.bbox),
    status: index.status,
    jcc_id: index.jccId,
    search: index.search,
    data: JSON.stringify(rec.data),
  };
}

/**
 * How far before its sort_key a record can still overlap a time window: its span, or for a
 * record without one, how long after its sort_key it was last updated.
 */
export function spanOf(row: Pick<Insertable<RecordsTable>, 't_start' | 't_end' | 'updated_at' | 'sort_key'>): number {
  return row.t_start && row.t_end ? Date.parse(row.t_end) - Date.parse(row.t_start) : Date.parse(row.updated_at) - row.sort_key;
}

export type RecordRow = Pick<
  Selectable<RecordsTable>,
  'type' | 'id' | 'origin_party' | 'origin_site' | 'version' | 'scope' | 'tlp' | 'draft' | 'deleted' | 'created_at' | 'updated_at' | 'created_by' | 'updated_by' | 'data'
>;

export function fromRecordRow(row: RecordRow, t: SqlTraits): StoredRecord {
  const scope = parseScope(row.scope);
  if (!scope) throw new TansiqError('INTEGRITY', `stored record ${row.type}/${row.id} has an unreadable scope`);
  return {
    id: row.id,
    type: row.type as RecordType,
    originParty: row.origin_party as Party,
    originSite: row.origin_site,
    version: row.version,
    scope,
    tlp: row.tlp as Tlp,
    draft: toBool(row.draft),
    deleted: toBool(row.deleted),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    createdBy: row.created_by,
    updatedBy: row.updated_by,
    data: t.json(row.data),
  };
}

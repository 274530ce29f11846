import type { Expression, RawBuilder, SqlBool } from 'kysely';
import type { BackendName } from '../ports.ts';

/**
 * What differs between the backends once Kysely has built the SQL: how booleans, JSON and
 * 64-bit integers travel, the substring function, column types. Each backend folder
 * provides one of these; everything else in src/storage/kysely/ is shared.
 */
export interface SqlTraits {
  readonly backend: BackendName;
  /** A boolean as a bound parameter (better-sqlite3 cannot bind JS booleans). */
  bool(v: boolean): boolean | number;
  /** A JSON column's value as the driver returns it, decoded. */
  json(v: unknown): unknown;
  /** `needle` occurs literally in `haystack` (no LIKE wildcards, so user text stays literal). */
  contains(haystack: Expression<string>, needle: string): RawBuilder<SqlBool>;
  /**
   * Rewrites a compiled SELECT on `table` to use `index`. SQLite's planner, costing an IN list of
   * spatial cells against a time range, can pick the time index and scan thousands of rows
   * where the cell index reads a few hundred; PostgreSQL's estimates get this right unaided.
   */
  forceIndex(sqlText: string, table: string, index: string): string;
  /**
   * Column types for migrations. `key` is text compared byte by byte (PostgreSQL: COLLATE "C"),
   * for the columns that order and page: both backends then sort them the same way, whatever
   * the database's locale, and comparisons are cheaper.
   */
  readonly types: { json: string; bool: string; int64: string; double: string; key: string };
}

/** Decodes a boolean column on either backend; anything else is a corrupt row. */
export function toBool(v: unknown): boolean {
  if (v === true || v === 1) return true;
  if (v === false || v === 0) return false;
  throw new Error(`expected a boolean column value, got ${JSON.stringify(v)}`);
}

import { sql, type Insertable, type Kysely, type RawBuilder } from 'kysely';
import type { AdminArea, Place } from '../../core/model/reference.ts';
import { refuseNul } from './nul-guard.ts';
import { toAdminAreaRow, toPlaceRow } from './reference-rows.ts';
import type { AdminAreasTable, Database, PlacesTable } from './schema.ts';
import type { SqlTraits } from './sql-traits.ts';

// 500 rows of 13 columns stay far below both parameter limits (SQLite 32766, PostgreSQL 65535).
const BATCH = 500;

/**
 * One statement per batch, and one row per key in a statement: PostgreSQL refuses to let
 * ON CONFLICT DO UPDATE touch the same row twice, so a repeated key keeps its last value.
 */
function batches<R extends Record<string, unknown>>(rows: R[], key: (r: R) => string, json: readonly string[]): R[][] {
  for (const r of rows) refuseNul(r, json, `reference entry ${key(r)}`);
  const unique = [...new Map(rows.map((r) => [key(r), r])).values()];
  const out: R[][] = [];
  for (let i = 0; i < unique.length; i += BATCH) out.push(unique.slice(i, i + BATCH));
  return out;
}

/** `SET col = excluded.col` for every column but the key: an upsert replaces the whole row. */
function fromExcluded<R extends object>(sample: R, key: keyof R): { [C in keyof R]?: RawBuilder<R[C]> } {
  const set = Object.keys(sample).filter((c) => c !== key).map((c) => [c, sql.ref(`excluded.${c}`)]);
  return Object.fromEntries(set) as { [C in keyof R]?: RawBuilder<R[C]> };
}

export async function upsertPlaces(db: Kysely<Database>, places: Place[]): Promise<void> {
  for (const batch of batches<Insertable<PlacesTable>>(places.map(toPlaceRow), (r) => r.id, ['names', 'alt_names'])) {
    await db
      .insertInto('places')
      .values(batch)
      .onConflict((oc) => oc.column('id').doUpdateSet(fromExcluded(batch[0]!, 'id')))
      .execute();
  }
}

export async function upsertAdminAreas(db: Kysely<Database>, t: SqlTraits, areas: AdminArea[]): Promise<void> {
  for (const batch of batches<Insertable<AdminAreasTable>>(areas.map((a) => toAdminAreaRow(a, t)), (r) => r.pcode, ['names', 'geometry'])) {
    await db
      .insertInto('admin_areas')
      .values(batch)
      .onConflict((oc) => oc.column('pcode').doUpdateSet(fromExcluded(batch[0]!, 'pcode')))
      .execute();
  }
}

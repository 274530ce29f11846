import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { GENESIS_HASH } from '../../core/audit/audit-chain.ts';
import { TansiqError } from '../../core/errors.ts';
import type { SqlTraits } from './sql-traits.ts';

/**
 * The schema, as ordered in-code migrations (names sort in the order they apply). A migration
 * that has shipped is never edited: add the next one. The few column types that differ between
 * the backends come from `SqlTraits.types`.
 */
function migrations(t: SqlTraits): Record<string, Migration> {
  const json = sql.raw(t.types.json);
  const bool = sql.raw(t.types.bool);
  const int64 = sql.raw(t.types.int64);
  const double = sql.raw(t.types.double);
  const key = sql.raw(t.types.key);

  const initial: Migration = {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('site')
        .addColumn('singleton', 'integer', (c) => c.primaryKey().notNull().check(sql`singleton = 1`))
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('party', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('records')
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('id', key, (c) => c.notNull())
        .addColumn('origin_party', 'text', (c) => c.notNull())
        .addColumn('origin_site', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('scope', 'text', (c) => c.notNull())
        .addColumn('scope_jccs', 'text', (c) => c.notNull())
        .addColumn('tlp', 'text', (c) => c.notNull())
        .addColumn('draft', bool, (c) => c.notNull())
        .addColumn('deleted', bool, (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', key, (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'text', (c) => c.notNull())
        .addColumn('min_lon', double)
        .addColumn('min_lat', double)
        .addColumn('max_lon', double)
        .addColumn('max_lat', double)
        .addColumn('t_start', key)
        .addColumn('t_end', key)
        .addColumn('sort_key', int64, (c) => c.notNull())
        .addColumn('cell', 'integer')
        .addColumn('status', 'text')
        .addColumn('jcc_id', 'text')
        .addColumn('search', 'text', (c) => c.notNull())
        .addColumn('data', json, (c) => c.notNull())
        .addPrimaryKeyConstraint('records_pk', ['type', 'id'])
        .execute();
      // Indexes, measured on 1,000,000 incidents (notes in list-plan.ts): pages in time order
      // (records_list); bbox queries through the spatial cell, time-bounded within each cell
      // (records_cell); the two equality filters the UI offers (status, jcc).
      await db.schema.createIndex('records_list').on('records').columns(['type', 'sort_key', 'id']).execute();
      await db.schema.createIndex('records_cell').on('records').columns(['type', 'cell', 'sort_key', 'id']).execute();
      await db.schema.createIndex('records_status').on('records').columns(['type', 'status', 'sort_key', 'id']).execute();
      await db.schema.createIndex('records_jcc').on('records').columns(['type', 'jcc_id', 'sort_key', 'id']).execute();
      await db.schema
        .createTable('record_spans')
        .addColumn('type', 'text', (c) => c.primaryKey().notNull())
        .addColumn('max_span_ms', int64, (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('events')
        .addColumn('seq', int64, (c) => c.primaryKey().notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('record_type', 'text', (c) => c.notNull())
        .addColumn('record_id', 'text', (c) => c.notNull())
        .addColumn('op', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('origin_party', 'text', (c) => c.notNull())
        .addColumn('actor_id', 'text', (c) => c.notNull())
        .addColumn('record', json, (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('audit')
        .addColumn('seq', int64, (c) => c.primaryKey().notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('actor_id', 'text')
        .addColumn('actor_name', 'text')
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('target_type', 'text')
        .addColumn('target_id', 'text')
        .addColumn('version', 'integer')
        .addColumn('ip', 'text')
        .addColumn('detail', json, (c) => c.notNull())
        .addColumn('prev_hash', 'text', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull())
        .execute();

      // The single row every writer of events or audit goes through: it hands out gap-free
      // sequence numbers and the previous hash, and (locked) serialises those writers.
      await db.schema
        .createTable('chain_head')
        .addColumn('singleton', 'integer', (c) => c.primaryKey().notNull().check(sql`singleton = 1`))
        .addColumn('last_event_seq', int64, (c) => c.notNull())
        .addColumn('last_audit_seq', int64, (c) => c.notNull())
        .addColumn('last_audit_hash', 'text', (c) => c.notNull())
        .execute();
      await sql`insert into chain_head (singleton, last_event_seq, last_audit_seq, last_audit_hash) values (1, 0, 0, ${GENESIS_HASH})`.execute(db);

      await db.schema
        .createTable('users')
        .addColumn('id', 'text', (c) => c.primaryKey().notNull())
        .addColumn('username', 'text', (c) => c.notNull().unique())
        .addColumn('party', 'text', (c) => c.notNull())
        .addColumn('roles', json, (c) => c.notNull())
        .addColumn('jcc_ids', json, (c) => c.notNull())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('disabled', bool, (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('sessions')
        .addColumn('token_hash', 'text', (c) => c.primaryKey().notNull())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('ip', 'text')
        .execute();
      await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

      await db.schema
        .createTable('api_tokens')
        .addColumn('id', 'text', (c) => c.primaryKey().notNull())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('revoked_at', 'text')
        .execute();
      await db.schema.createIndex('api_tokens_user').on('api_tokens').column('user_id').execute();

      await db.schema
        .createTable('places')
        .addColumn('id', 'text', (c) => c.primaryKey().notNull())
        .addColumn('names', json, (c) => c.notNull())
        .addColumn('alt_names', json, (c) => c.notNull())
        .addColumn('search', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('lon', double, (c) => c.notNull())
        .addColumn('lat', double, (c) => c.notNull())
        .addColumn('adm1_pcode', 'text')
        .addColumn('adm2_pcode', 'text')
        .addColumn('adm3_pcode', 'text')
        .addColumn('population', int64)
        .addColumn('geonames_id', int64)
        .addColumn('source', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('places_lon_lat').on('places').columns(['lon', 'lat']).execute();
      await db.schema.createIndex('places_adm1').on('places').column('adm1_pcode').execute();
      await db.schema.createIndex('places_adm2').on('places').column('adm2_pcode').execute();
      await db.schema.createIndex('places_adm3').on('places').column('adm3_pcode').execute();

      await db.schema
        .createTable('admin_areas')
        .addColumn('pcode', 'text', (c) => c.primaryKey().notNull())
        .addColumn('level', 'integer', (c) => c.notNull())
        .addColumn('names', json, (c) => c.notNull())
        .addColumn('parent_pcode', 'text')
        .addColumn('geometry', json, (c) => c.notNull())
        .addColumn('min_lon', double, (c) => c.notNull())
        .addColumn('min_lat', double, (c) => c.notNull())
        .addColumn('max_lon', double, (c) => c.notNull())
        .addColumn('max_lat', double, (c) => c.notNull())
        .addColumn('area_km2', double, (c) => c.notNull())
        .addColumn('in_kurdistan_region', bool)
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('search', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('admin_areas_parent').on('admin_areas').column('parent_pcode').execute();
      await db.schema.createIndex('admin_areas_level').on('admin_areas').columns(['level', 'min_lon', 'max_lon']).execute();
    },
  };

  // Gap analyses as they were made: the uncovered area over time (positions of the past are not kept).
  const coverageSnapshots: Migration = {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('coverage_snapshots')
        .addColumn('id', 'text', (c) => c.primaryKey().notNull())
        .addColumn('region_key', key, (c) => c.notNull())
        .addColumn('visibility_key', key, (c) => c.notNull())
        .addColumn('computed_at', 'text', (c) => c.notNull())
        .addColumn('region_km2', double, (c) => c.notNull())
        .addColumn('uncovered_km2', double, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('coverage_snapshots_key_time').on('coverage_snapshots').columns(['region_key', 'visibility_key', 'computed_at']).execute();
    },
  };

  return { '0001_initial': initial, '0002_coverage_snapshots': coverageSnapshots };
}

/**
 * Applies every migration not yet applied; safe to run on every start and from several instances.
 * `schema` (PostgreSQL) must be named: without it Kysely takes a bookkeeping table found in any
 * other schema of the database for ours.
 */
export async function migrateToLatest(db: Kysely<unknown>, traits: SqlTraits, schema?: string): Promise<void> {
  const provider: MigrationProvider = { getMigrations: () => Promise.resolve(migrations(traits)) };
  const { error, results } = await new Migrator({ db, provider, ...(schema === undefined ? {} : { migrationTableSchema: schema }) }).migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    const what = error instanceof Error ? error.message : String(error);
    throw new TansiqError('UNAVAILABLE', `database migration ${failed ?? ''} failed: ${what}`.replace('  ', ' '), { cause: error });
  }
}

import { Kysely, PostgresDialect, sql, type SqlBool } from 'kysely';
import pg from 'pg';
import { TansiqError } from '../../core/errors.ts';
import { KyselyStore } from '../kysely/kysely-store.ts';
import type { Database } from '../kysely/schema.ts';
import type { SqlTraits } from '../kysely/sql-traits.ts';

export interface PostgresStoreOptions {
  connectionString: string;
  /** Schema for Tansiq's tables, created if missing (tests use a throwaway one); default `public`. */
  schema?: string;
  /** Pool size per app instance. */
  maxConnections?: number;
}

const SCHEMA_RE = /^[a-z_][a-z0-9_]{0,62}$/;

// pg returns int8 (counts, bigint columns) as strings to avoid precision loss. Every int8 here
// is a count or a sequence number far below 2^53, so it becomes a number, and one that is not
// is an error rather than a silently rounded value.
function parseInt8(text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n)) throw new TansiqError('INTEGRITY', `64-bit integer ${text} is beyond the range Tansiq handles exactly`);
  return n;
}

const getTypeParser = ((oid: number, format?: 'text' | 'binary') =>
  oid === pg.types.builtins.INT8 ? parseInt8 : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser;

const traits: SqlTraits = {
  backend: 'postgres',
  bool: (v) => v,
  // pg already decodes jsonb.
  json: (v) => v,
  contains: (haystack, needle) => sql<SqlBool>`strpos(${haystack}, ${needle}) > 0`,
  forceIndex: (text) => text,
  types: { json: 'jsonb', bool: 'boolean', int64: 'bigint', double: 'double precision', key: 'text collate "C"' },
};

function describe(e: unknown): string {
  return e instanceof Error ? e.message || e.constructor.name : String(e);
}

async function createSchema(pool: pg.Pool, schema: string): Promise<void> {
  try {
    await pool.query(`create schema if not exists "${schema}"`);
  } catch (e) {
    // Two instances creating it at the same moment: IF NOT EXISTS does not cover that race.
    if ((e as { code?: string }).code !== '23505') throw e;
  }
}

export async function openPostgresStore(opts: PostgresStoreOptions): Promise<KyselyStore> {
  const schema = opts.schema;
  if (schema !== undefined && !SCHEMA_RE.test(schema)) {
    throw new TansiqError('VALIDATION', `PostgreSQL schema name must match ${SCHEMA_RE.source}, got ${JSON.stringify(schema)}`);
  }
  const pool = new pg.Pool({
    connectionString: opts.connectionString,
    max: opts.maxConnections ?? 10,
    types: { getTypeParser },
    // Set by the server at connection start-up, so no pooled connection ever runs a query
    // before its search_path is in place.
    ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
  });
  // An idle pooled connection that dies (server restart, network) is dropped by the pool; without
  // a listener its 'error' event would crash the process.
  pool.on('error', () => {});

  let current: string;
  try {
    if (schema !== undefined) await createSchema(pool, schema);
    const { rows } = await pool.query<{ s: string | null }>('select current_schema() as s');
    if (!rows[0]?.s) throw new Error('no schema in the search_path exists; set one with the schema option');
    current = rows[0].s;
  } catch (e) {
    await pool.end();
    throw new TansiqError('UNAVAILABLE', `cannot use the PostgreSQL database: ${describe(e)}`, { cause: e });
  }

  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return new KyselyStore({
    db,
    traits,
    schema: current,
    // READ COMMITTED explicitly, whatever the server's default: writers of the chain head wait
    // for its row lock and then continue from the committed row, where REPEATABLE READ or
    // SERIALIZABLE would abort them with serialisation failures.
    transaction: (fn) => db.transaction().setIsolationLevel('read committed').execute(fn),
  });
}

import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, sql, type SqlBool, type SqliteDatabase } from 'kysely';
import { TansiqError } from '../../core/errors.ts';
import { KyselyStore } from '../kysely/kysely-store.ts';
import type { Database } from '../kysely/schema.ts';
import type { SqlTraits } from '../kysely/sql-traits.ts';

export interface SqliteStoreOptions {
  /** A file path, or `:memory:` for tests. */
  path: string;
  /**
   * Durability of an acknowledged commit, in WAL mode:
   * - FULL (default): the WAL is fsynced before every commit returns, so a commit that was
   *   acknowledged survives kill -9 and power loss alike (given a disk that honours flushes).
   * - NORMAL: the WAL is fsynced only at checkpoints. A commit is in the WAL file, that is in
   *   the kernel's page cache, when it returns: it survives kill -9 of the process, but a power
   *   cut or kernel crash may roll back the last commits (the file itself stays consistent).
   * People act on what Tansiq acknowledged, so FULL is the default; NORMAL buys write
   * throughput where losing the last second of work on power loss is acceptable.
   */
  synchronous?: 'FULL' | 'NORMAL';
}

const traits: SqlTraits = {
  backend: 'sqlite',
  bool: (v) => (v ? 1 : 0),
  json: (v) => {
    if (typeof v !== 'string') throw new TansiqError('INTEGRITY', `expected JSON text in a SQLite column, got ${typeof v}`);
    return JSON.parse(v) as unknown;
  },
  contains: (haystack, needle) => sql<SqlBool>`instr(${haystack}, ${needle}) > 0`,
  forceIndex: (text, table, index) => {
    const from = `from "${table}"`;
    if (text.split(from).length !== 2) throw new Error(`cannot place INDEXED BY in: ${text.slice(0, 200)}`);
    return text.replace(from, `${from} indexed by "${index}"`);
  },
  types: { json: 'text', bool: 'integer', int64: 'integer', double: 'real', key: 'text' },
};

export function openSqliteStore(opts: SqliteStoreOptions): KyselyStore {
  const synchronous = opts.synchronous ?? 'FULL';
  if (synchronous !== 'FULL' && synchronous !== 'NORMAL') throw new TansiqError('VALIDATION', `synchronous must be FULL or NORMAL, got ${String(synchronous)}`);
  let raw: BetterSqlite3.Database;
  try {
    raw = new BetterSqlite3(opts.path, { timeout: 5000 });
  } catch (e) {
    throw new TansiqError('UNAVAILABLE', `cannot open the SQLite database ${opts.path}: ${(e as Error).message}`, { cause: e });
  }
  // WAL: readers never block the writer, and a commit is one sequential append to the log.
  raw.pragma('journal_mode = WAL');
  raw.pragma(`synchronous = ${synchronous}`);
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 5000');

  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(raw) }) });
  return new KyselyStore({
    db,
    traits,
    // Kysely's SQLite driver hands its one connection to one caller at a time (a mutex), so
    // statements of two transactions never interleave. BEGIN IMMEDIATE takes the file's write
    // lock up front: another process writing the same file then makes us wait (busy_timeout)
    // at BEGIN, instead of failing halfway through when a read lock cannot be upgraded.
    transaction: (fn) =>
      db.connection().execute(async (conn) => {
        await sql`begin immediate`.execute(conn);
        try {
          const result = await fn(conn);
          await sql`commit`.execute(conn);
          return result;
        } catch (e) {
          // Some errors (disk full, I/O) end the transaction themselves.
          if (raw.inTransaction) await sql`rollback`.execute(conn);
          throw e;
        }
      }),
  });
}

/**
 * Kysely's SQLite driver prepares every statement anew; compiling SQL costs as much as running
 * it for the small statements of a write. The queries Tansiq builds have a bounded set of
 * shapes (values are parameters), so their prepared statements are kept and reused.
 */
function withStatementCache(raw: BetterSqlite3.Database, max = 500): SqliteDatabase {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => raw.close(),
    prepare: (text: string) => {
      let stmt = cache.get(text);
      if (stmt) {
        cache.delete(text);
      } else {
        stmt = raw.prepare(text);
        if (cache.size >= max) cache.delete(cache.keys().next().value as string);
      }
      cache.set(text, stmt);
      return stmt;
    },
  };
}

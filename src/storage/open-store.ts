import { mkdirSync } from 'node:fs';
import { join, parse, resolve } from 'node:path';
import { TansiqError } from '../core/errors.ts';
import type { Store } from './ports.ts';
import { openPostgresStore } from './postgres/postgres.store.ts';
import { openSqliteStore } from './sqlite/sqlite.store.ts';

export interface OpenStoreOptions {
  /** `postgres://` or `postgresql://` selects PostgreSQL; unset or empty selects SQLite in `dataDir`. */
  databaseUrl?: string;
  dataDir: string;
  /** SQLite only; see SqliteStoreOptions for what NORMAL gives up. */
  synchronous?: 'FULL' | 'NORMAL';
  /** PostgreSQL only: the schema holding Tansiq's tables. */
  pgSchema?: string;
}

/** Opens the configured backend. Call `migrate()` before use. */
export async function openStore(o: OpenStoreOptions): Promise<Store> {
  const url = o.databaseUrl?.trim();
  if (url) {
    // Anything else is refused rather than quietly falling back to a local file: writes must go
    // where the operator meant them to go.
    if (!/^postgres(ql)?:\/\//i.test(url)) {
      throw new TansiqError('VALIDATION', 'the database URL must start with postgres:// or postgresql:// (leave it unset to use SQLite in the data directory)');
    }
    return openPostgresStore({ connectionString: url, ...(o.pgSchema === undefined ? {} : { schema: o.pgSchema }) });
  }
  try {
    makeDirectory(o.dataDir);
  } catch (e) {
    throw new TansiqError('UNAVAILABLE', `cannot create the data directory ${o.dataDir}: ${(e as Error).message}`, { cause: e });
  }
  return openSqliteStore({ path: join(o.dataDir, 'tansiq.sqlite'), ...(o.synchronous === undefined ? {} : { synchronous: o.synchronous }) });
}

/**
 * `mkdir -p`, one level at a time: Node's recursive mkdir spins forever on some paths that can
 * never be created (e.g. under /proc), and a bad --data-dir must fail with a message instead.
 */
function makeDirectory(dir: string): void {
  const full = resolve(dir);
  let current = parse(full).root;
  for (const part of full.slice(current.length).split(/[\\/]/).filter(Boolean)) {
    current = join(current, part);
    try {
      mkdirSync(current);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
}

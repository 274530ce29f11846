import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { sql } from 'kysely';
import { KyselyStore } from './kysely/kysely-store.ts';
import { openStore } from './open-store.ts';

const code = (c: string) => (e: unknown): boolean => (e as { code?: string }).code === c;

describe('openStore', () => {
  const root = mkdtempSync(join(tmpdir(), 'tansiq-open-'));
  after(() => rmSync(root, { recursive: true, force: true }));

  const pragmas = async (store: KyselyStore): Promise<Record<string, unknown>> => {
    const out: Record<string, unknown> = {};
    for (const p of ['journal_mode', 'synchronous', 'foreign_keys', 'busy_timeout']) {
      const { rows } = await sql<Record<string, unknown>>`${sql.raw(`pragma ${p}`)}`.execute(store.kysely);
      out[p] = Object.values(rows[0] ?? {})[0];
    }
    return out;
  };

  it('opens SQLite in <dataDir>/tansiq.sqlite, creating the directory, with durable pragmas', async () => {
    const dataDir = join(root, 'a', 'b');
    const store = await openStore({ dataDir });
    try {
      assert.equal(store.backend, 'sqlite');
      assert.ok(existsSync(join(dataDir, 'tansiq.sqlite')));
      assert.ok(store instanceof KyselyStore);
      // synchronous: 2 = FULL, 1 = NORMAL.
      assert.deepEqual(await pragmas(store), { journal_mode: 'wal', synchronous: 2, foreign_keys: 1, busy_timeout: 5000 });
    } finally {
      await store.close();
    }
    const normal = await openStore({ dataDir, databaseUrl: '', synchronous: 'NORMAL' });
    try {
      assert.ok(normal instanceof KyselyStore);
      assert.equal((await pragmas(normal))['synchronous'], 1);
    } finally {
      await normal.close();
    }
  });

  it('refuses a database URL it does not understand instead of falling back to SQLite', async () => {
    await assert.rejects(openStore({ dataDir: root, databaseUrl: 'mysql://db/tansiq' }), code('VALIDATION'));
    await assert.rejects(openStore({ dataDir: root, databaseUrl: 'postgress://db/tansiq' }), code('VALIDATION'));
  });

  it('fails with UNAVAILABLE when PostgreSQL cannot be reached', async () => {
    await assert.rejects(openStore({ dataDir: root, databaseUrl: 'postgres://nobody@127.0.0.1:1/none?connect_timeout=2' }), code('UNAVAILABLE'));
  });
});

describe('openStore with an impossible data directory', () => {
  it('fails with a clear error instead of hanging', async () => {
    await assert.rejects(openStore({ dataDir: '/proc/tansiq-cannot-exist/data' }), (e: unknown) => code('UNAVAILABLE')(e) && /cannot create the data directory/.test((e as Error).message));
  });
});

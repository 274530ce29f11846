import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import pg from 'pg';
import { storeContract } from '../store.contract.ts';
import { openPostgresStore } from './postgres.store.ts';

const url = process.env['TANSIQ_TEST_PG_URL'];

if (!url) {
  describe('Store contract: postgres', () => {
    it('PostgreSQL contract tests skipped: set TANSIQ_TEST_PG_URL', { skip: 'PostgreSQL contract tests skipped: set TANSIQ_TEST_PG_URL' }, () => {});
  });
} else {
  // Every group gets a throwaway schema; all are dropped at the end. An unreachable server fails
  // the run (the stores cannot open), it never passes silently.
  const run = randomBytes(4).toString('hex');
  const schemas: string[] = [];
  storeContract(
    'postgres',
    () => {
      const schema = `tansiq_test_${run}_${schemas.length + 1}`;
      schemas.push(schema);
      return openPostgresStore({ connectionString: url, schema, maxConnections: 5 });
    },
    async () => {
      const pool = new pg.Pool({ connectionString: url, max: 1 });
      try {
        for (const s of schemas) await pool.query(`drop schema if exists "${s}" cascade`);
      } finally {
        await pool.end();
      }
    },
  );
}

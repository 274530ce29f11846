/**
 * `npm run bench [-- --quick] [-- --only=http|list|feed|web] [-- --json]`: the figures of docs/benchmarks.md. PostgreSQL runs use
 * TANSIQ_TEST_PG_URL (or the local default) and are skipped when the server is not reachable.
 */
import pg from 'pg';
import { benchFeedLatency } from './feed-latency.bench.ts';
import { benchHttpWrites } from './http-writes.bench.ts';
import { benchListQuery } from './list-query.bench.ts';
import { benchWebLoad } from './web-load.bench.ts';

const args = new Set(process.argv.slice(2));
const quick = args.has('--quick');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const pgUrl = process.env['TANSIQ_TEST_PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

async function pgReachable(): Promise<boolean> {
  const c = new pg.Client({ connectionString: pgUrl, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

const backends: ('sqlite' | 'postgres')[] = (await pgReachable()) ? ['sqlite', 'postgres'] : ['sqlite'];
if (!backends.includes('postgres')) console.error(`PostgreSQL not reachable at ${pgUrl}: its runs are skipped`);
const results: unknown[] = [];
const report = (name: string, r: object): void => {
  results.push({ bench: name, ...r });
  if (!args.has('--json')) console.log(name, JSON.stringify(r));
};

const writeRuns = [...backends.map((backend) => ({ backend })), { backend: 'sqlite' as const, sqliteSync: 'NORMAL' as const }];
if (!only || only === 'http') for (const run of writeRuns) {
  for (const concurrency of [1, 16, 64]) {
    report('http-create-incident', await benchHttpWrites(run.backend, { ...run, seconds: quick ? 3 : 10, concurrency, pgUrl }));
  }
}
if (!only || only === 'list') for (const backend of backends) {
  report('list-incidents-bbox-time', await benchListQuery(backend, { incidents: quick ? 50_000 : 1_000_000, queries: quick ? 100 : 500, pgUrl }));
}
if (!only || only === 'feed') {
  const feed = await benchFeedLatency({ quick });
  const { runs, ...reference } = feed;
  report('feed-reference', reference);
  for (const run of runs) report('feed-latency', run);
}
if (!only || only === 'web') report('web-load', await benchWebLoad({ quick }));
if (args.has('--json')) console.log(JSON.stringify(results, null, 2));

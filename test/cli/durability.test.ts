/**
 * A write the server acknowledged survives `kill -9` right after the acknowledgement: run the real
 * `tansiq serve`, write, SIGKILL it, start it again on the same database, and count.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { killAllServers, runCli, signIn, startServer, tempDir } from './cli.util.ts';

const N = 200;
const CONCURRENCY = 10;
const USERNAME = 'dur-watch';
const PASSWORD = 'durable password 1';

async function postIncidents(baseUrl: string, cookie: string): Promise<{ acked: number; others: Map<number | string, number> }> {
  let next = 0;
  let acked = 0;
  const others = new Map<number | string, number>();
  const worker = async (): Promise<void> => {
    while (next < N) {
      const i = next++;
      try {
        const res = await fetch(`${baseUrl}/api/incidents`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie },
          body: JSON.stringify({ title: `durability ${i}`, occurredAt: new Date(Date.UTC(2025, 0, 1, 0, i)).toISOString(), location: { type: 'Point', coordinates: [44.39, 35.47] } }),
        });
        await res.arrayBuffer();
        // Only a 201 is an acknowledgement; anything else promises nothing.
        if (res.status === 201) acked++;
        else others.set(res.status, (others.get(res.status) ?? 0) + 1);
      } catch (e) {
        const key = (e as Error).message;
        others.set(key, (others.get(key) ?? 0) + 1);
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { acked, others };
}

async function countIncidents(baseUrl: string, cookie: string): Promise<number> {
  const res = await fetch(`${baseUrl}/api/incidents?count=true&limit=1`, { headers: { cookie } });
  const body = (await res.json()) as { total?: number };
  assert.equal(res.status, 200, JSON.stringify(body));
  assert.equal(typeof body.total, 'number', `no total in ${JSON.stringify(body)}`);
  return body.total!;
}

/** The whole scenario against one database, selected by CLI options and environment. */
async function killAndRecount(storeArgs: string[], env: Record<string, string> = {}): Promise<void> {
  const add = await runCli(['user', 'add', ...storeArgs, '--username', USERNAME, '--party', 'peshmerga', '--role', 'watch', '--password-stdin'], { input: PASSWORD, env });
  assert.equal(add.code, 0, add.stderr);

  const first = await startServer(storeArgs, env);
  const { acked, others } = await postIncidents(first.baseUrl, await signIn(first.baseUrl, USERNAME, PASSWORD));
  // Immediately after the last acknowledgement: no chance for a graceful flush.
  first.child.kill('SIGKILL');
  const end = await first.exited;
  assert.equal(end.signal, 'SIGKILL');
  assert.equal(acked, N, `every write should be acknowledged; other answers: ${JSON.stringify([...others])}`);

  const second = await startServer(storeArgs, env);
  const total = await countIncidents(second.baseUrl, await signIn(second.baseUrl, USERNAME, PASSWORD));
  assert.equal(total, acked, `acknowledged ${acked}, found ${total} after kill -9 and restart`);

  // SIGTERM is the graceful path: exit code 0.
  const stopped = await second.stop('SIGTERM');
  assert.equal(stopped.code, 0, second.output().stderr);

  const verify = await runCli(['audit', 'verify', ...storeArgs], { env });
  assert.equal(verify.code, 0, verify.stdout + verify.stderr);
  const entries = Number(/audit chain OK: (\d+) entries/.exec(verify.stdout)?.[1]);
  assert.ok(entries >= acked + 1, `${entries} audit entries for ${acked} incidents and one account`);
}

void describe('durability: acknowledged writes survive kill -9 (SQLite)', () => {
  let dir: { path: string; remove: () => Promise<void> };
  before(async () => {
    dir = await tempDir('durability');
  });
  after(async () => {
    killAllServers();
    await dir.remove();
  });

  void it(`keeps all ${N} acknowledged incidents`, { timeout: 240_000 }, async () => {
    await killAndRecount(['--data-dir', join(dir.path, 'data')]);
  });
});

const PG_URL = process.env.TANSIQ_TEST_PG_URL;

void describe('durability: acknowledged writes survive kill -9 (PostgreSQL)', { skip: PG_URL ? false : 'TANSIQ_TEST_PG_URL is not set: no PostgreSQL to test against' }, () => {
  // A throwaway schema in the given database: nothing else in it is touched, and it is dropped after.
  const schema = `tansiq_dur_${randomBytes(6).toString('hex')}`;
  let dir: { path: string; remove: () => Promise<void> };
  before(async () => {
    dir = await tempDir('durability-pg');
  });
  after(async () => {
    killAllServers();
    const client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    try {
      await client.query(`drop schema if exists "${schema}" cascade`);
    } finally {
      await client.end();
      await dir.remove();
    }
  });

  void it(`keeps all ${N} acknowledged incidents`, { timeout: 240_000 }, async () => {
    // Through the environment, so the URL (and any password in it) stays out of `ps` output.
    await killAndRecount(['--data-dir', join(dir.path, 'data')], { DATABASE_URL: PG_URL!, TANSIQ_PG_SCHEMA: schema });
  });
});

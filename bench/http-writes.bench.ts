import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import pg from 'pg';
import { runLoad } from './support/http-load.ts';
import { percentile, prng, round } from './support/stats.ts';

export interface WriteBenchResult {
  backend: string;
  durability: string;
  concurrency: number;
  createsPerSecond: number;
  createP50Ms: number;
  createP99Ms: number;
  failed: number;
  healthPerSecond: number;
  ratioToHealth: number;
  /** Second reference: the same create refused by validation (400), i.e. everything but storage. */
  refusedPerSecond: number;
  ratioToRefused: number;
}

async function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', new URL('./support/bench-server.ts', import.meta.url).pathname], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  for await (const line of lines) {
    const m = /^READY (\d+)/.exec(line);
    if (m) return { child, port: Number(m[1]) };
  }
  throw new Error('bench server exited before it was ready');
}

async function login(port: number): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'bench-watch', password: 'bench-password-1' }) });
  const cookie = res.headers.get('set-cookie');
  if (!res.ok || !cookie) throw new Error(`login failed: ${res.status}`);
  return cookie.split(';')[0]!;
}

function incidentBody(rand: () => number, i: number): string {
  return JSON.stringify({
    title: `Bench incident ${i}`,
    occurredAt: new Date(Date.UTC(2021, 6, 1) + rand() * 180 * 86_400_000).toISOString(),
    location: { type: 'Point', coordinates: [43.3 + rand() * 2, 34.6 + rand() * 1.6] },
    killed: { civilian: Math.floor(rand() * 3) },
    acledEventType: 'Explosions/Remote violence',
    acledSubEventType: 'Remote explosive/landmine/IED',
  });
}

/** A valid incident but for its last casualty count: parsed, signed in and validated in full, then refused. */
function refusedBody(rand: () => number, i: number): string {
  const body = JSON.parse(incidentBody(rand, i)) as { wounded?: Record<string, number> };
  body.wounded = { other: -1 };
  return JSON.stringify(body);
}

/** Acknowledged create-incident writes per second over HTTP, against GET /api/health in the same run. */
export async function benchHttpWrites(backend: 'sqlite' | 'postgres', opts: { seconds: number; concurrency: number; pgUrl?: string; sqliteSync?: 'FULL' | 'NORMAL' }): Promise<WriteBenchResult> {
  const env: Record<string, string> = { BENCH_SQLITE_SYNC: opts.sqliteSync ?? 'FULL' };
  let cleanup = async (): Promise<void> => {};
  if (backend === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'tansiq-bench-'));
    env['BENCH_DATA_DIR'] = dir;
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const schema = `bench_${Date.now()}`;
    env['BENCH_DATABASE_URL'] = opts.pgUrl!;
    env['BENCH_PG_SCHEMA'] = schema;
    cleanup = async () => {
      const c = new pg.Client({ connectionString: opts.pgUrl });
      await c.connect();
      await c.query(`drop schema if exists "${schema}" cascade`);
      await c.end();
    };
  }
  const { child, port } = await startServer(env);
  try {
    const cookie = await login(port);
    const rand = prng(42);
    const health = await runLoad({ port, seconds: Math.max(2, opts.seconds / 3), concurrency: opts.concurrency, okStatus: 200, request: () => ({ method: 'GET', path: '/api/health' }) });
    const refused = await runLoad({
      port,
      seconds: Math.max(2, opts.seconds / 3),
      concurrency: opts.concurrency,
      okStatus: 400,
      request: (i) => ({ method: 'POST', path: '/api/incidents', body: refusedBody(rand, i), headers: { cookie } }),
    });
    const writes = await runLoad({
      port,
      seconds: opts.seconds,
      concurrency: opts.concurrency,
      okStatus: 201,
      request: (i) => ({ method: 'POST', path: '/api/incidents', body: incidentBody(rand, i), headers: { cookie } }),
    });
    return {
      backend,
      durability: backend === 'sqlite' ? `synchronous=${opts.sqliteSync ?? 'FULL'}` : 'synchronous_commit=on',
      concurrency: opts.concurrency,
      createsPerSecond: round(writes.perSecond, 0),
      createP50Ms: round(percentile(writes.latenciesMs, 50), 2),
      createP99Ms: round(percentile(writes.latenciesMs, 99), 2),
      failed: writes.failed,
      healthPerSecond: round(health.perSecond, 0),
      ratioToHealth: round(writes.perSecond / health.perSecond, 3),
      refusedPerSecond: round(refused.perSecond, 0),
      ratioToRefused: round(writes.perSecond / refused.perSecond, 3),
    };
  } finally {
    child.kill('SIGTERM');
    await once(child, 'exit');
    await cleanup();
  }
}

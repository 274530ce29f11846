/**
 * Live-feed latency (issue 4): 200 WebSocket clients of both parties on `/api/live`, a writer at
 * 10, 100 and 1,000 events/s, and the time from each write's acknowledgement to its arrival at
 * every client allowed to see it. Reference in the same run: a bare `ws` echo round trip.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { BENCH_PASSWORD, BENCH_USERS } from './feed/feed-common.ts';
import { echoRoundTrips, FeedClients } from './feed/feed-clients.ts';
import { writeOverHttp } from './feed/http-writer.ts';
import { percentile, round } from './support/stats.ts';

export interface FeedLatencyResult {
  /** `http`: writes over the API, latency from the 2xx reply; `in-process`: written straight into the store inside the server, latency from the commit. */
  writer: 'http' | 'in-process';
  clients: number;
  targetEventsPerSecond: number;
  achievedEventsPerSecond: number;
  failedWrites: number;
  deliveries: number;
  missing: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  framesPerSecond: number;
  entriesPerSecond: number;
  /** CPU time of the server process per second of the run: 1 is one whole core. */
  serverCores: number;
  /** The same for this process (the writer over HTTP and the 200 simulated clients). */
  clientCores: number;
}

export interface FeedBenchReport {
  echoRoundTripP50Ms: number;
  echoRoundTripP99Ms: number;
  /** Clients the server closed during the runs (too slow): should be 0. */
  droppedClients: number;
  runs: FeedLatencyResult[];
}

interface Server {
  child: ChildProcess;
  port: number;
  echoPort: number;
}

async function startServer(dataDir: string): Promise<Server> {
  // `node --cpu-prof bench/run.ts …` profiles the server too: the two processes share the CPU.
  const profiling = process.execArgv.filter((a) => a.startsWith('--cpu-prof'));
  const child = spawn(process.execPath, [...profiling, '--import', 'tsx', new URL('./feed/feed-server.ts', import.meta.url).pathname], {
    env: { ...process.env, BENCH_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  for await (const line of createInterface({ input: child.stdout! })) {
    const m = /^READY (\d+) (\d+)/.exec(line);
    if (m) return { child, port: Number(m[1]), echoPort: Number(m[2]) };
  }
  throw new Error('feed bench server exited before it was ready');
}

async function login(port: number, username: string): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: BENCH_PASSWORD }) });
  const cookie = res.headers.get('set-cookie');
  if (!res.ok || !cookie) throw new Error(`login failed: ${res.status}`);
  return cookie.split(';')[0]!;
}

/** CPU time (user + system) of both processes so far, in seconds. */
async function cpuSeconds(port: number): Promise<{ server: number; client: number }> {
  const server = (await (await fetch(`http://127.0.0.1:${port}/bench/cpu`)).json()) as NodeJS.CpuUsage;
  const client = process.cpuUsage();
  return { server: (server.user + server.system) / 1e6, client: (client.user + client.system) / 1e6 };
}

/** Runs `fn` and adds how many cores each process used meanwhile (writes and the drain after them). */
async function withCpu<T extends { seconds: number }>(port: number, fn: () => Promise<T>): Promise<T & { cpu: { server: number; client: number } }> {
  const before = await cpuSeconds(port);
  const started = performance.now();
  const result = await fn();
  const after = await cpuSeconds(port);
  const wall = (performance.now() - started) / 1000;
  return { ...result, cpu: { server: (after.server - before.server) / wall, client: (after.client - before.client) / wall } };
}

async function injectInProcess(port: number, eventsPerSecond: number, seconds: number): Promise<{ acks: Map<string, number>; seconds: number }> {
  const res = await fetch(`http://127.0.0.1:${port}/bench/inject`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ rate: eventsPerSecond, seconds }) });
  const body = (await res.json()) as { acks: Record<string, number>; seconds: number };
  return { acks: new Map(Object.entries(body.acks)), seconds: body.seconds };
}

/** Waits until every expected delivery has arrived, or `maxMs` passed (the rest count as missing). */
async function drain(clients: FeedClients, acks: Map<string, number>, expected: (key: string) => number, maxMs: number): Promise<void> {
  const until = Date.now() + maxMs;
  const complete = (): boolean => [...acks.keys()].every((k) => (clients.arrivals.get(k)?.length ?? 0) >= expected(k));
  while (!complete() && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
}

type MeasuredRun = { acks: Map<string, number>; seconds: number; failed?: number; cpu: { server: number; client: number } };

function summarise(writer: FeedLatencyResult['writer'], target: number, run: MeasuredRun, clients: FeedClients, expected: (key: string) => number, total: number): FeedLatencyResult {
  const latencies: number[] = [];
  let missing = 0;
  for (const [key, ackAt] of run.acks) {
    const arrivals = clients.arrivals.get(key) ?? [];
    for (const t of arrivals) latencies.push(t - ackAt);
    missing += Math.max(0, expected(key) - arrivals.length);
  }
  return {
    writer,
    clients: total,
    targetEventsPerSecond: target,
    achievedEventsPerSecond: round(run.acks.size / run.seconds, 0),
    failedWrites: run.failed ?? 0,
    deliveries: latencies.length,
    missing,
    p50Ms: round(percentile(latencies, 50), 1),
    p99Ms: round(percentile(latencies, 99), 1),
    maxMs: round(percentile(latencies, 100), 1),
    framesPerSecond: round(clients.frames / run.seconds, 0),
    entriesPerSecond: round(clients.entries / run.seconds, 0),
    serverCores: round(run.cpu.server, 2),
    clientCores: round(run.cpu.client, 2),
  };
}

export async function benchFeedLatency(opts: { quick: boolean; clients?: number }): Promise<FeedBenchReport> {
  const seconds = opts.quick ? 3 : 8;
  const total = opts.clients ?? 200;
  const perParty = total / 2;
  const dataDir = mkdtempSync(join(tmpdir(), 'tansiq-feed-'));
  const server = await startServer(dataDir);
  const clients = new FeedClients();
  try {
    const writerCookie = await login(server.port, BENCH_USERS.writer.username);
    const federalCookie = await login(server.port, BENCH_USERS.federal.username);
    await clients.open(server.port, writerCookie, perParty);
    await clients.open(server.port, federalCookie, perParty);
    const echo = await echoRoundTrips(server.echoPort, opts.quick ? 200 : 1000);
    const runs: FeedLatencyResult[] = [];

    // Over HTTP each incident is a creation (its own party's clients) and a release (everyone).
    const overHttp = (key: string): number => (key.endsWith('/1') ? perParty : total);
    for (const rate of [10, 100, 1000]) {
      clients.reset();
      const run = await withCpu(server.port, async () => {
        const written = await writeOverHttp(server.port, writerCookie, rate, seconds);
        await drain(clients, written.acks, overHttp, 3000);
        return written;
      });
      runs.push(summarise('http', rate, run, clients, overHttp, total));
    }
    // Created bilateral inside the server: one event, seen by every client.
    const inProcess = (): number => total;
    for (const rate of [100, 1000]) {
      clients.reset();
      const run = await withCpu(server.port, async () => {
        const written = await injectInProcess(server.port, rate, seconds);
        await drain(clients, written.acks, inProcess, 3000);
        return written;
      });
      runs.push(summarise('in-process', rate, run, clients, inProcess, total));
    }
    return { echoRoundTripP50Ms: round(percentile(echo, 50), 2), echoRoundTripP99Ms: round(percentile(echo, 99), 2), droppedClients: clients.closedEarly, runs };
  } finally {
    clients.close();
    server.child.kill('SIGTERM');
    await once(server.child, 'exit');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

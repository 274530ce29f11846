/**
 * The server of the feed-latency bench, in its own process like `bench/support/bench-server.ts`,
 * plus two bench-only extras that are not part of the product: `POST /bench/inject` writes
 * bilateral incidents straight into the store inside this process (one transaction every few
 * milliseconds, each record with its event and audit entry, as the record service writes them)
 * and answers each write's commit time; and a bare `ws` echo server as the reference.
 * Prints "READY <port> <echoPort>".
 */
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { validationError } from '../../src/core/errors.ts';
import { uuidv7 } from '../../src/core/ids/uuidv7.ts';
import type { Principal, StoredRecord } from '../../src/core/model/common.ts';
import { KINDS } from '../../src/core/model/kinds.ts';
import { parseOrThrow } from '../../src/core/validation.ts';
import { buildApp } from '../../src/http/app.ts';
import { createServices } from '../../src/services/services.ts';
import { openStore } from '../../src/storage/open-store.ts';
import { BENCH_PASSWORD, BENCH_USERS, incidentBody, nowMs } from './feed-common.ts';

const env = process.env;
const store = await openStore({
  dataDir: env['BENCH_DATA_DIR'] ?? '/tmp/tansiq-feed-bench',
  ...(env['BENCH_DATABASE_URL'] ? { databaseUrl: env['BENCH_DATABASE_URL'] } : {}),
  ...(env['BENCH_PG_SCHEMA'] ? { pgSchema: env['BENCH_PG_SCHEMA'] } : {}),
});
await store.migrate();
const site = await store.ensureSite({ id: '00000000-0000-7000-8000-00000000fee0', name: 'feed bench', party: 'peshmerga', createdAt: new Date().toISOString() });
const services = createServices(store, site);
for (const u of Object.values(BENCH_USERS)) {
  if (!(await store.getUserByName(u.username))) await services.users.add(null, { ...u, password: BENCH_PASSWORD });
}
const writer = await services.auth.fromSession((await services.auth.login(BENCH_USERS.writer.username, BENCH_PASSWORD, {})).token);
// 200 simulated browsers share two accounts here; real staff have one account each.
services.live.configure({ maxConnectionsPerUser: 1_000 });

const app = await buildApp(services, { logger: false, rateLimit: false });
/**
 * The incidents' data, validated once before the clock starts: the HTTP writer pays for request
 * validation; this writer measures the store and the feed, so it must not be its own bottleneck.
 */
function incidentData(count: number): object[] {
  return Array.from({ length: count }, (_, i) => parseOrThrow(KINDS.incident.schema, JSON.parse(incidentBody(i)), 'incident') as object);
}

function bilateralIncident(p: Principal, data: object): StoredRecord {
  const at = new Date().toISOString();
  return {
    id: uuidv7(), type: 'incident', originParty: p.party, originSite: site.id, version: 1, scope: { kind: 'bilateral' }, tlp: 'green',
    draft: false, deleted: false, createdAt: at, updatedAt: at, createdBy: p.userId, updatedBy: p.userId, data,
  };
}

/** The records due by now, in one transaction through the services' store (which nudges the feed), each written as the record service writes it. */
async function writeBatch(p: Principal, data: readonly object[], acks: Record<string, number>): Promise<void> {
  const recs = data.map((d) => bilateralIncident(p, d));
  await services.ctx.store.write(async (tx) => {
    for (const rec of recs) {
      await tx.insertRecord(rec, KINDS.incident.index(rec.data as object));
      const event = { at: rec.updatedAt, recordType: rec.type, recordId: rec.id, op: 'create' as const, version: 1, originParty: rec.originParty, actorId: p.userId, record: rec };
      await tx.appendChange(event, { at: rec.updatedAt, actorId: p.userId, actorName: p.username, action: 'incident.create', targetType: 'incident', targetId: rec.id, version: 1, ip: null, detail: {} });
    }
  });
  const t = nowMs();
  for (const rec of recs) acks[`${rec.id}/1`] = t;
}

app.post('/bench/inject', async (req) => {
  const { rate, seconds } = (req.body ?? {}) as { rate?: unknown; seconds?: unknown };
  if (typeof rate !== 'number' || typeof seconds !== 'number' || !(rate > 0 && rate <= 10_000 && seconds > 0 && seconds <= 60)) {
    throw validationError('rate (1–10,000 events/s) and seconds (at most 60) are required numbers', []);
  }
  const acks: Record<string, number> = {};
  const data = incidentData(Math.ceil(rate * seconds) + rate);
  const start = nowMs();
  let written = 0;
  // Open loop: a transaction every few ms with whatever is due, one at a time (commit order).
  while (nowMs() - start < seconds * 1000) {
    const due = Math.floor(((nowMs() - start) / 1000) * rate);
    if (due > written) {
      const upTo = Math.min(due, data.length);
      await writeBatch(writer, data.slice(written, upTo), acks);
      written = upTo;
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  return { acks, seconds: (nowMs() - start) / 1000 };
});
// CPU time used so far (µs), so each run can tell which process is the bottleneck.
app.get('/bench/cpu', async () => process.cpuUsage());
await app.listen({ port: 0, host: '127.0.0.1' });

const echo = new WebSocketServer({ port: 0, host: '127.0.0.1' });
echo.on('connection', (ws) => ws.on('message', (data) => ws.send(data)));
await new Promise((r) => echo.once('listening', r));

process.stdout.write(`READY ${(app.server.address() as AddressInfo).port} ${(echo.address() as AddressInfo).port}\n`);
process.on('SIGTERM', () => {
  echo.close();
  void app.close().then(() => store.close()).then(() => process.exit(0));
});

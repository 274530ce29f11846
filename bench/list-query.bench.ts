import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { uuidv7 } from '../src/core/ids/uuidv7.ts';
import type { Principal, Scope, StoredRecord } from '../src/core/model/common.ts';
import { incidentSchema } from '../src/core/model/incident.ts';
import { KINDS } from '../src/core/model/kinds.ts';
import { createServices } from '../src/services/services.ts';
import type { RecordService } from '../src/services/record.service.ts';
import { openStore } from '../src/storage/open-store.ts';
import type { Store } from '../src/storage/ports.ts';
import { percentile, prng, round } from './support/stats.ts';

export interface ListBenchResult {
  backend: string;
  incidents: number;
  seedSeconds: number;
  queries: number;
  bboxTimeMedianMs: number;
  bboxTimeP99Ms: number;
  bboxTimeMeanItems: number;
  newestPageMedianMs: number;
  newestPageP99Ms: number;
  ratioMedian: number;
}

const JCCS = ['00000000-0000-7000-8000-0000000000a1', '00000000-0000-7000-8000-0000000000a2', '00000000-0000-7000-8000-0000000000a3', '00000000-0000-7000-8000-0000000000a4'];
const DAY = 86_400_000;
const T0 = Date.UTC(2021, 0, 1);
const SPAN_DAYS = 365 * 3;
// The disputed territories, roughly: Sinjar to Khanaqin.
const REGION = { minLon: 41.5, minLat: 33.8, maxLon: 46.0, maxLat: 36.8 };

const reader: Principal = { userId: 'bench-reader', username: 'bench-reader', party: 'peshmerga', roles: ['watch'], jccIds: [JCCS[0]!] };

function scopeFor(r: number): Scope {
  if (r < 0.5) return { kind: 'bilateral' };
  if (r < 0.7) return { kind: 'jcc', jccIds: [JCCS[Math.floor(r * 100) % 4]!] };
  return { kind: 'own' };
}

/** Writes `n` incidents in large transactions, straight through the storage port. */
async function seed(store: Store, n: number): Promise<number> {
  const rand = prng(7);
  const template = incidentSchema.parse({ title: 'x', occurredAt: '2021-01-01T00:00:00Z', location: { type: 'Point', coordinates: [44, 35] } });
  const started = performance.now();
  const BATCH = 5000;
  for (let done = 0; done < n; done += BATCH) {
    await store.write(async (tx) => {
      for (let i = done; i < Math.min(n, done + BATCH); i++) {
        const t = new Date(T0 + rand() * SPAN_DAYS * DAY).toISOString();
        const lon = REGION.minLon + rand() * (REGION.maxLon - REGION.minLon);
        const lat = REGION.minLat + rand() * (REGION.maxLat - REGION.minLat);
        const party = rand() < 0.5 ? 'peshmerga' : 'federal';
        const data = { ...template, title: `Incident ${i} near village ${i % 997}`, occurredAt: t, location: { type: 'Point' as const, coordinates: [lon, lat] }, verification: rand() < 0.05 ? 'draft' as const : 'confirmed' as const };
        const index = KINDS.incident.index(data);
        const rec: StoredRecord = {
          id: uuidv7(), type: 'incident', originParty: party, originSite: 'bench', version: 1, scope: scopeFor(rand()), tlp: rand() < 0.03 ? 'red' : 'amber',
          draft: index.draft, deleted: false, createdAt: t, updatedAt: t, createdBy: 'seed', updatedBy: 'seed', data,
        };
        await tx.insertRecord(rec, index);
      }
    });
  }
  return (performance.now() - started) / 1000;
}

async function timeQueries(svc: RecordService, queries: number, params: (rand: () => number) => Parameters<RecordService['list']>[2]): Promise<{ ms: number[]; items: number[] }> {
  const rand = prng(99);
  const ms: number[] = [];
  const items: number[] = [];
  for (let i = 0; i < queries + 20; i++) {
    const t0 = performance.now();
    const page = await svc.list(reader, 'incident', params(rand));
    if (i >= 20) {
      ms.push(performance.now() - t0);
      items.push(page.items.length);
    }
  }
  return { ms, items };
}

/**
 * List incidents in a 30 km box and a 30-day window with `n` incidents stored, page of 100, as a
 * peshmerga watch officer (the access predicate is part of every query), through the service.
 * Reference in the same run: the newest page with no filter.
 */
export async function benchListQuery(backend: 'sqlite' | 'postgres', opts: { incidents: number; queries: number; pgUrl?: string }): Promise<ListBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'tansiq-list-'));
  const schema = `bench_list_${Date.now()}`;
  const store = await openStore(backend === 'sqlite' ? { dataDir: dir } : { dataDir: dir, databaseUrl: opts.pgUrl!, pgSchema: schema });
  try {
    await store.migrate();
    const site = await store.ensureSite({ id: 'bench', name: 'bench', party: 'peshmerga', createdAt: new Date().toISOString() });
    const seedSeconds = await seed(store, opts.incidents);
    const svc = createServices(store, site).records;
    const box = 0.3; // about 30 km
    const filtered = await timeQueries(svc, opts.queries, (rand) => {
      const lon = REGION.minLon + rand() * (REGION.maxLon - REGION.minLon - box);
      const lat = REGION.minLat + rand() * (REGION.maxLat - REGION.minLat - box);
      const since = T0 + rand() * (SPAN_DAYS - 30) * DAY;
      return { bbox: [lon, lat, lon + box, lat + box], since: new Date(since).toISOString(), until: new Date(since + 30 * DAY).toISOString(), limit: 100 };
    });
    const newest = await timeQueries(svc, opts.queries, () => ({ limit: 100 }));
    const med = percentile(filtered.ms, 50);
    return {
      backend,
      incidents: opts.incidents,
      seedSeconds: round(seedSeconds, 1),
      queries: opts.queries,
      bboxTimeMedianMs: round(med, 2),
      bboxTimeP99Ms: round(percentile(filtered.ms, 99), 2),
      bboxTimeMeanItems: round(filtered.items.reduce((a, b) => a + b, 0) / filtered.items.length, 1),
      newestPageMedianMs: round(percentile(newest.ms, 50), 2),
      newestPageP99Ms: round(percentile(newest.ms, 99), 2),
      ratioMedian: round(med / percentile(newest.ms, 50), 2),
    };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
    if (backend === 'postgres') {
      const c = new pg.Client({ connectionString: opts.pgUrl });
      await c.connect();
      await c.query(`drop schema if exists "${schema}" cascade`);
      await c.end();
    }
  }
}

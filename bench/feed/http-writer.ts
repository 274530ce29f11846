/** The feed bench's writer over HTTP: bilateral incidents (create, then release) on a schedule. */
import http from 'node:http';
import { incidentBody, nowMs } from './feed-common.ts';

interface Reply {
  status: number;
  body: { id?: string; version?: number };
}

/** Writes in flight above which the writer stops starting new ones: the server is saturated. */
const MAX_IN_FLIGHT = 64;

function post(agent: http.Agent, port: number, path: string, body: string, cookie: string): Promise<Reply> {
  return new Promise((resolve) => {
    const req = http.request({ host: '127.0.0.1', port, method: 'POST', path, agent, headers: { 'content-type': 'application/json', cookie } }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? (JSON.parse(text) as Reply['body']) : {} }));
    });
    req.on('error', () => resolve({ status: 0, body: {} }));
    req.end(body);
  });
}

export interface WriteRun {
  /** `id/version` → when the write's 2xx reply arrived (epoch ms). */
  acks: Map<string, number>;
  failed: number;
  seconds: number;
}

/**
 * Open loop at `eventsPerSecond` (each incident is two events: its creation, seen by its own
 * party, and its bilateral release, seen by both). Writes due while MAX_IN_FLIGHT are pending are
 * skipped, so an overloaded server shows as a lower achieved rate rather than a growing queue.
 */
export async function writeOverHttp(port: number, cookie: string, eventsPerSecond: number, seconds: number): Promise<WriteRun> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: MAX_IN_FLIGHT });
  const acks = new Map<string, number>();
  let failed = 0;
  let inFlight = 0;
  let started = 0;
  const pending = new Set<Promise<void>>();
  const incident = async (i: number): Promise<void> => {
    const created = await post(agent, port, '/api/incidents', incidentBody(i), cookie);
    if (created.status !== 201 || !created.body.id) return void failed++;
    acks.set(`${created.body.id}/1`, nowMs());
    const released = await post(agent, port, `/api/incidents/${created.body.id}/release`, JSON.stringify({ version: 1, scope: 'bilateral' }), cookie);
    if (released.status !== 200) return void failed++;
    acks.set(`${created.body.id}/2`, nowMs());
  };
  const start = nowMs();
  while (nowMs() - start < seconds * 1000) {
    const due = Math.floor((((nowMs() - start) / 1000) * eventsPerSecond) / 2);
    for (; started < due; started++) {
      if (inFlight >= MAX_IN_FLIGHT) continue;
      inFlight++;
      const p: Promise<void> = incident(started).finally(() => {
        inFlight--;
        pending.delete(p);
      });
      pending.add(p);
    }
    await new Promise((r) => setTimeout(r, 2));
  }
  await Promise.all(pending);
  agent.destroy();
  return { acks, failed, seconds: (nowMs() - start) / 1000 };
}

/** The simulated browsers of the feed bench: WebSocket clients that note when each entry arrives. */
import { WebSocket } from 'ws';
import { nowMs } from './feed-common.ts';

/** Entries are found without parsing the record: the load generator must not be the bottleneck. */
const ENTRY_RE = /"seq":\d+,"op":"(?:create|update|release)","type":"[a-z-]+","id":"([0-9a-f-]{36})","version":(\d+)/g;

export class FeedClients {
  /** `id/version` → arrival times, one per client that received it. */
  readonly arrivals = new Map<string, number[]>();
  frames = 0;
  entries = 0;
  readonly sockets: WebSocket[] = [];
  closedEarly = 0;

  /** Opens `count` clients with the given Cookie header; resolves once every one has said hello. */
  async open(port: number, cookie: string, count: number): Promise<void> {
    await Promise.all(Array.from({ length: count }, () => this.#openOne(port, cookie)));
  }

  /** Forgets what arrived so far (between runs). */
  reset(): void {
    this.arrivals.clear();
    this.frames = 0;
    this.entries = 0;
  }

  close(): void {
    for (const ws of this.sockets) ws.terminate();
  }

  #openOne(port: number, cookie: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(`ws://127.0.0.1:${port}/api/live`, { headers: { cookie } });
      this.sockets.push(ws);
      ws.on('error', reject);
      ws.on('close', (code) => {
        if (code !== 1001 && code !== 1005 && code !== 1006) this.closedEarly++;
      });
      ws.on('message', (data) => {
        const t = nowMs();
        const text = data.toString();
        if (text.startsWith('{"type":"hello"')) resolve();
        if (!text.startsWith('{"type":"events"')) return;
        this.frames++;
        for (const m of text.matchAll(ENTRY_RE)) {
          const key = `${m[1]}/${m[2]}`;
          const list = this.arrivals.get(key);
          if (list) list.push(t);
          else this.arrivals.set(key, [t]);
          this.entries++;
        }
      });
    });
  }
}

/** Round trips through a bare `ws` echo server: the floor under any WebSocket latency here. */
export async function echoRoundTrips(port: number, n: number): Promise<number[]> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}`);
  await new Promise((r, j) => ws.once('open', r).once('error', j));
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = nowMs();
    await new Promise<void>((r) => {
      ws.once('message', () => r());
      ws.send(`{"type":"ping","i":${i}}`);
    });
    times.push(nowMs() - t0);
  }
  ws.terminate();
  return times;
}

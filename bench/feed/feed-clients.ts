/** The simulated browsers of the feed bench: WebSocket clients that note when each entry arrives. */
import { WebSocket } from 'ws';
import { nowMs } from './feed-common.ts';

/**
 * The simulated clients do not parse records: 200 clients × 1,000 events/s × ~1 KB is ~200 MB/s of
 * JSON in this one process, which shares the CPU with the server, whereas a real browser parses
 * its own frames on its own machine. A client only needs each entry's id and version (what the
 * writer's acknowledgements are keyed by), found in the frame's bytes without decoding the frame.
 * An entry starts with `{"seq":`; inside a JSON string every `"` is escaped as `\"`, so neither
 * that nor the `","` separators the anchored match checks can come from record data, and records
 * have no "seq" key. Only the entry head is decoded, as latin1: every byte it needs is ASCII.
 */
const ENTRY_START = Buffer.from('{"seq":');
const ENTRY_RE = /^\{"seq":\d+,"op":"(?:create|update|release)","type":"[a-z-]+","id":"([0-9a-f-]{36})","version":(\d+)/;
/** Longer than any entry head up to its version digits. */
const ENTRY_HEAD_BYTES = 192;
const HELLO = Buffer.from('{"type":"hello"');
const EVENTS = Buffer.from('{"type":"events"');
const startsWith = (frame: Buffer, prefix: Buffer): boolean => frame.subarray(0, prefix.length).equals(prefix);

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

  #noteEntries(frame: Buffer, t: number): void {
    for (let at = frame.indexOf(ENTRY_START); at >= 0; at = frame.indexOf(ENTRY_START, at + ENTRY_START.length)) {
      const m = ENTRY_RE.exec(frame.toString('latin1', at, at + ENTRY_HEAD_BYTES));
      if (!m) continue;
      const key = `${m[1]}/${m[2]}`;
      const list = this.arrivals.get(key);
      if (list) list.push(t);
      else this.arrivals.set(key, [t]);
      this.entries++;
    }
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
        // The default binaryType: every message, text included, arrives as one Buffer.
        const frame = data as Buffer;
        if (startsWith(frame, HELLO)) resolve();
        if (!startsWith(frame, EVENTS)) return;
        this.frames++;
        this.#noteEntries(frame, t);
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

import { isVisible } from '../core/access/access.ts';
import { isTansiqError, TansiqError } from '../core/errors.ts';
import type { Principal } from '../core/model/common.ts';
import { parseOrThrow } from '../core/validation.ts';
import type { Store } from '../storage/ports.ts';
import { latestEventSeq } from './event-head.ts';
import { LiveConnection, type ConnectionLimits, type LiveSocket, type SharedFrames } from './live-connection.ts';
import { clientMessageSchema, CLOSE_CODES, cursorFrame, errorFrame, type ClientMessage } from './live-protocol.ts';
import { PreparedEvent } from './prepared-event.ts';

export interface LiveHubOptions extends ConnectionLimits {
  /** Poll period: the source of truth, and how events written by other instances arrive. */
  pollMs: number;
  /** Shortest time between two reads when writes nudge: events of that time share one frame. */
  batchMs: number;
  /** Ping and cursor heartbeat period; a client that missed a whole period's pong is dropped. */
  heartbeatMs: number;
  /** How often every connection's credential is checked again. */
  authCheckMs: number;
  /** A client further behind than this many events is told to resync instead of replayed. */
  maxReplay: number;
  /** Events read from the store per query. */
  pageSize: number;
  maxConnections: number;
  maxConnectionsPerUser: number;
}

export const DEFAULT_LIVE_OPTIONS: LiveHubOptions = {
  pollMs: 50,
  batchMs: 20,
  heartbeatMs: 5_000,
  authCheckMs: 5_000,
  maxReplay: 10_000,
  pageSize: 1_000,
  maxBufferedBytes: 4 * 1024 * 1024,
  maxRemembered: 50_000,
  maxConnections: 5_000,
  maxConnectionsPerUser: 16,
};

const STOP_GRACE_MS = 1_000;

/** What a connecting client asked for and how to check its credential again later. */
export interface ConnectRequest {
  principal: Principal;
  /** The last seq the client processed; omitted for "from now on". */
  after?: number;
  revalidate: () => Promise<Principal>;
}

/**
 * The live feed of one process (DESIGN §7): one reader loop pulls committed events from the
 * store in seq order and fans them out to the connected clients through the access function,
 * one frame per client per read, each event serialised once. The store is the source of truth:
 * a nudge after a local commit only makes the next read come sooner.
 */
export class LiveHub {
  #options: LiveHubOptions;
  #head = 0;
  #running = false;
  #timers: NodeJS.Timeout[] = [];
  #nudge: NodeJS.Timeout | undefined;
  #lastRead = 0;
  /** Reads and `known` checks run one at a time, so a check never races the events it concerns. */
  #queue: Promise<void> = Promise.resolve();
  #readQueued = false;
  readonly #connections = new Set<LiveConnection>();
  readonly #perUser = new Map<string, number>();

  constructor(
    private readonly store: Store,
    options: Partial<LiveHubOptions> = {},
  ) {
    this.#options = { ...DEFAULT_LIVE_OPTIONS, ...options };
  }

  get options(): Readonly<LiveHubOptions> {
    return this.#options;
  }

  /** Changes the timing or limits; only while stopped (tests shorten the periods). */
  configure(options: Partial<LiveHubOptions>): void {
    if (this.#running) throw new TansiqError('CONFLICT', 'stop the live feed before changing its options');
    this.#options = { ...this.#options, ...options };
  }

  /** The last seq read and fanned out. */
  get head(): number {
    return this.#head;
  }

  get connectionCount(): number {
    return this.#connections.size;
  }

  async start(): Promise<void> {
    if (this.#running) return;
    this.#running = true;
    this.#head = await latestEventSeq(this.store);
    const { pollMs, heartbeatMs, authCheckMs } = this.#options;
    this.#timers = [
      setInterval(() => void this.read(), pollMs),
      setInterval(() => this.#heartbeat(), heartbeatMs),
      setInterval(() => void this.#revalidateAll(), authCheckMs),
    ];
  }

  /** Stops the loop and closes every connection (clients reconnect with `after`). */
  async stop(): Promise<void> {
    if (!this.#running) return;
    this.#running = false;
    for (const t of this.#timers) clearInterval(t);
    this.#timers = [];
    clearTimeout(this.#nudge);
    this.#nudge = undefined;
    const open = [...this.#connections];
    for (const c of open) c.close(CLOSE_CODES.goingAway, 'server stopping');
    this.#connections.clear();
    this.#perUser.clear();
    await this.#queue;
    // A client that does not answer the close handshake must not hold the server's shutdown.
    if (open.length > 0) setTimeout(() => open.forEach((c) => c.socket.terminate()), STOP_GRACE_MS).unref();
  }

  /** A local write committed: read soon, but no sooner than `batchMs` after the last read. */
  nudge(): void {
    if (!this.#running || this.#nudge) return;
    const wait = Math.max(0, this.#lastRead + this.#options.batchMs - Date.now());
    this.#nudge = setTimeout(() => {
      this.#nudge = undefined;
      void this.read();
    }, wait);
  }

  /** Why `p` may not open another connection now, if it may not. */
  refusal(p: Principal): TansiqError | undefined {
    if (!this.#running) return new TansiqError('UNAVAILABLE', 'the live feed is not running');
    if (this.#connections.size >= this.#options.maxConnections) return new TansiqError('UNAVAILABLE', 'too many live connections on this server: try again later');
    if ((this.#perUser.get(p.userId) ?? 0) >= this.#options.maxConnectionsPerUser) {
      return new TansiqError('RATE_LIMITED', `at most ${this.#options.maxConnectionsPerUser} live connections per account`);
    }
    return undefined;
  }

  /** Registers a client; missed events (after `after`) are replayed before live ones. */
  async connect(socket: LiveSocket, req: ConnectRequest): Promise<LiveConnection> {
    const refused = this.refusal(req.principal);
    if (refused) throw refused;
    // A cursor ahead of this reader may only be a few ms ahead (another instance); read first.
    if (req.after !== undefined && req.after > this.#head) await this.read();
    const after = req.after ?? this.#head;
    const c = new LiveConnection(socket, req.principal, Math.min(after, this.#head), req.revalidate, this.#options);
    this.#connections.add(c);
    this.#perUser.set(c.principal.userId, (this.#perUser.get(c.principal.userId) ?? 0) + 1);
    c.send(cursorFrame('hello', c.cursor));
    if (after > this.#head || this.#head - after > this.#options.maxReplay) {
      // Too far behind to replay, or a cursor from another database: start over from the lists.
      c.cursor = this.#head;
      c.send(cursorFrame('resync', c.cursor));
    } else if (after < this.#head) {
      void this.#replay(c);
    }
    return c;
  }

  disconnect(c: LiveConnection): void {
    c.closed = true;
    if (!this.#connections.delete(c)) return;
    const n = (this.#perUser.get(c.principal.userId) ?? 1) - 1;
    if (n > 0) this.#perUser.set(c.principal.userId, n);
    else this.#perUser.delete(c.principal.userId);
  }

  /**
   * A notice that is not a record change (e.g. "new coverage result"), serialised once and sent
   * to the connections whose principal `audience` admits: the notice's own access decision.
   */
  publishNotice(kind: string, payload: unknown, audience: (p: Principal) => boolean): number {
    const frame = JSON.stringify({ type: 'notice', kind, payload });
    let sent = 0;
    for (const c of this.#connections) if (audience(c.principal) && c.send(frame)) sent++;
    return sent;
  }

  /** A text message from a client; bad input gets an `error` frame, never a crash. */
  async receive(c: LiveConnection, text: string): Promise<void> {
    let msg: ClientMessage;
    try {
      msg = parseOrThrow(clientMessageSchema, parseJson(text), 'live message');
    } catch (e) {
      c.send(errorFrame(isTansiqError(e) ? e : new TansiqError('VALIDATION', 'invalid live message')));
      return;
    }
    await this.#exclusive(() => this.#registerKnown(c, msg.records));
  }

  /** Reads every committed event after the head and fans it out; one read at a time. */
  read(): Promise<void> {
    if (this.#readQueued) return this.#queue;
    this.#readQueued = true;
    return this.#exclusive(async () => {
      this.#readQueued = false;
      this.#lastRead = Date.now();
      for (;;) {
        const events = await this.store.listEvents(this.#head, this.#options.pageSize);
        const last = events.at(-1);
        if (!last || !this.#running) return;
        this.#head = last.seq;
        this.#fanOut(events.map((e) => new PreparedEvent(e)), last.seq);
        if (events.length < this.#options.pageSize) return;
      }
    });
  }

  #fanOut(batch: PreparedEvent[], upTo: number): void {
    const shared: SharedFrames = new Map();
    for (const c of this.#connections) {
      if (!c.replaying) c.deliver(batch, upTo, shared);
      if (c.closed) this.disconnect(c);
    }
  }

  /** Brings one client from its cursor up to the head from the store, then it joins the fan-out. */
  async #replay(c: LiveConnection): Promise<void> {
    c.replaying = true;
    try {
      while (!c.closed && c.cursor < this.#head) {
        const limit = Math.min(this.#options.pageSize, this.#head - c.cursor);
        const events = await this.store.listEvents(c.cursor, limit);
        const inRange = events.filter((e) => e.seq <= this.#head);
        const last = inRange.at(-1);
        if (!last) break;
        c.deliver(inRange.map((e) => new PreparedEvent(e)), last.seq);
      }
      c.cursor = Math.max(c.cursor, this.#head);
    } catch {
      c.close(CLOSE_CODES.resync, 'could not read missed events: reload and reconnect');
      this.disconnect(c);
    } finally {
      c.replaying = false;
    }
  }

  /**
   * Records a client says it holds (from list reads): those it may read now are remembered, so it
   * hears when they go; the rest are answered `gone` at once, as a read by id would answer 404.
   */
  async #registerKnown(c: LiveConnection, records: ClientMessage['records']): Promise<void> {
    const gone: ClientMessage['records'] = [];
    for (const r of records) {
      const rec = await this.store.getRecord(r.type, r.id);
      if (rec && isVisible(c.filter, rec)) c.hold(r.id);
      else {
        c.release(r.id);
        gone.push(r);
      }
    }
    c.send(JSON.stringify({ type: 'known', holding: records.length - gone.length, gone }));
  }

  #exclusive(fn: () => Promise<void>): Promise<void> {
    const run = this.#queue.then(fn);
    this.#queue = run.catch(() => undefined);
    return run.catch(() => undefined);
  }

  #heartbeat(): void {
    for (const c of this.#connections) {
      if (!c.alive) {
        c.socket.terminate();
        this.disconnect(c);
        continue;
      }
      c.alive = false;
      c.socket.ping();
      if (!c.replaying) c.send(cursorFrame('heartbeat', c.cursor));
    }
  }

  async #revalidateAll(): Promise<void> {
    for (const c of [...this.#connections]) {
      if (c.closed) continue;
      try {
        if (c.setPrincipal(await c.revalidate())) c.send(cursorFrame('resync', c.cursor));
      } catch (e) {
        if (!isTansiqError(e) || e.code !== 'UNAUTHENTICATED') continue;
        c.close(CLOSE_CODES.unauthenticated, 'signed out: sign in again');
        this.disconnect(c);
      }
    }
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new TansiqError('VALIDATION', 'a live message must be JSON');
  }
}

import type { HeldRecord, LinkState, LiveEvent, LiveSource } from '../app/contracts.ts';
import { backoffMs } from './backoff.ts';
import { HeldRecords, knownMessages } from './held-records.ts';

/** The subset of the browser WebSocket the source uses, so tests can drive it. */
export interface SocketLike {
  onopen: (() => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: { code: number }) => void) | null;
  onerror: (() => void) | null;
  close(): void;
  send(data: string): void;
}

export interface LiveSourceOptions {
  /** Builds the socket for a URL such as `/api/live?after=12` (resolved against the page origin by the factory). */
  connect: (path: string) => SocketLike;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  random?: () => number;
  /** Silence longer than this (no frame, not even a heartbeat) counts as a dead link. */
  staleAfterMs?: number;
}

/** After this many failed attempts in a row the link shows as offline (it keeps retrying). */
const OFFLINE_AFTER = 3;
/** The server's close code for a client that fell too far behind (src/realtime/live-protocol.ts). */
const CLOSE_RESYNC = 4000;
/** `known` messages go out a few at a time, one slice per timer tick, so a large list never holds up a render. */
const KNOWN_SLICE = 10;
const KNOWN_DELAY_MS = 16;

interface Frame {
  type?: string;
  upTo?: number;
  events?: LiveEvent[];
  gone?: HeldRecord[];
}

export interface ClosableLiveSource extends LiveSource {
  close(): void;
}

/**
 * The live feed over `/api/live`: reconnects with backoff, resumes after the last seq it saw,
 * and tells subscribers to reload when the server answers `resync`.
 */
export function createLiveSource(opts: LiveSourceOptions): ClosableLiveSource {
  const setTimer = opts.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = opts.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  const staleAfter = opts.staleAfterMs ?? 45_000;
  const eventListeners = new Set<(events: LiveEvent[]) => void>();
  const resyncListeners = new Set<() => void>();
  const stateListeners = new Set<(s: LinkState) => void>();
  let state: LinkState = 'connecting';
  let lastSeq: number | undefined;
  let failures = 0;
  let socket: SocketLike | null = null;
  let retry: unknown = null;
  let watchdog: unknown = null;
  let closed = false;
  const held = new HeldRecords();
  let outbox: string[] = [];
  let flushTimer: unknown = null;

  const setState = (s: LinkState): void => {
    if (s === state) return;
    state = s;
    for (const l of stateListeners) l(s);
  };

  const armWatchdog = (): void => {
    if (watchdog !== null) clearTimer(watchdog);
    watchdog = setTimer(() => socket?.close(), staleAfter);
  };

  const flush = (): void => {
    flushTimer = null;
    if (socket === null || state !== 'live') return;
    for (const m of outbox.splice(0, KNOWN_SLICE)) socket.send(m);
    if (outbox.length > 0) flushTimer = setTimer(flush, KNOWN_DELAY_MS);
  };

  const declare = (records: readonly HeldRecord[]): void => {
    if (state !== 'live' || records.length === 0) return;
    outbox.push(...knownMessages(records));
    flushTimer ??= setTimer(flush, KNOWN_DELAY_MS);
  };

  const dropOutbox = (): void => {
    outbox = [];
    if (flushTimer !== null) clearTimer(flushTimer);
    flushTimer = null;
  };

  const emit = (events: LiveEvent[]): void => {
    held.note(events);
    for (const l of eventListeners) l(events);
  };

  const onFrame = (frame: Frame): void => {
    armWatchdog();
    if (frame.type === 'hello') {
      failures = 0;
      if (typeof frame.upTo === 'number') lastSeq = Math.max(lastSeq ?? 0, frame.upTo);
      setState('live');
      // A new connection holds nothing yet: declare again everything this client still shows.
      dropOutbox();
      declare(held.all());
    } else if (frame.type === 'events' && Array.isArray(frame.events)) {
      const fresh = frame.events.filter((e) => lastSeq === undefined || e.seq > lastSeq);
      if (typeof frame.upTo === 'number') lastSeq = Math.max(lastSeq ?? 0, frame.upTo);
      for (const e of fresh) lastSeq = Math.max(lastSeq ?? 0, e.seq);
      if (fresh.length > 0) emit(fresh);
    } else if (frame.type === 'heartbeat') {
      if (typeof frame.upTo === 'number') lastSeq = Math.max(lastSeq ?? 0, frame.upTo);
    } else if (frame.type === 'known' && Array.isArray(frame.gone)) {
      // Gone as of the server's check, which follows every event up to the cursor.
      const seq = lastSeq ?? 0;
      const gone = frame.gone.map((r): LiveEvent => ({ seq, op: 'gone', type: r.type, id: r.id }));
      if (gone.length > 0) emit(gone);
    } else if (frame.type === 'resync') {
      resync();
    }
  };

  const resync = (): void => {
    lastSeq = undefined;
    // The views reload their lists and declare them afresh.
    held.clear();
    dropOutbox();
    for (const l of resyncListeners) l();
  };

  const open = (): void => {
    if (closed) return;
    const path = `/api/live${lastSeq === undefined ? '' : `?after=${lastSeq}`}`;
    const s = opts.connect(path);
    socket = s;
    s.onopen = () => armWatchdog();
    s.onmessage = (ev) => {
      if (typeof ev.data !== 'string') return;
      try {
        onFrame(JSON.parse(ev.data) as Frame);
      } catch {
        // A frame that is not JSON is the server's bug, not a reason to drop the link.
      }
    };
    s.onerror = () => s.close();
    s.onclose = (ev) => {
      if (socket !== s) return;
      socket = null;
      dropOutbox();
      if (watchdog !== null) clearTimer(watchdog);
      if (closed) return;
      if (ev.code === CLOSE_RESYNC) resync();
      failures++;
      setState(failures >= OFFLINE_AFTER ? 'offline' : 'reconnecting');
      retry = setTimer(open, backoffMs(failures - 1, opts.random));
    };
  };

  open();
  return {
    state: () => state,
    subscribe(l) {
      eventListeners.add(l);
      return () => eventListeners.delete(l);
    },
    onResync(l) {
      resyncListeners.add(l);
      return () => resyncListeners.delete(l);
    },
    onState(l) {
      stateListeners.add(l);
      return () => stateListeners.delete(l);
    },
    declareKnown(records) {
      declare(held.add(records));
    },
    close() {
      closed = true;
      dropOutbox();
      if (retry !== null) clearTimer(retry);
      if (watchdog !== null) clearTimer(watchdog);
      socket?.close();
      setState('offline');
    },
  };
}

/** The browser's WebSocket on the page's own origin (ws: or wss: to match http: or https:). */
export function browserSocket(path: string): SocketLike {
  const proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const ws = new WebSocket(`${proto}//${location.host}${path}`);
  const s: SocketLike = {
    onopen: null,
    onmessage: null,
    onclose: null,
    onerror: null,
    close: () => ws.close(),
    send: (data) => {
      if (ws.readyState === WebSocket.OPEN) ws.send(data);
    },
  };
  ws.onopen = () => s.onopen?.();
  ws.onmessage = (e) => s.onmessage?.(e);
  ws.onclose = (e) => s.onclose?.(e);
  ws.onerror = () => s.onerror?.();
  return s;
}

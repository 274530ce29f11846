import { readFilterFor, type ReadFilter } from '../core/access/access.ts';
import type { Principal } from '../core/model/common.ts';
import { CLOSE_CODES } from './live-protocol.ts';
import type { PreparedEvent } from './prepared-event.ts';

/** What the hub needs of a socket (the `ws` package's WebSocket has it; tests use a fake). */
export interface LiveSocket {
  /** Bytes queued and not yet written to the network. */
  readonly bufferedAmount: number;
  /** Text frames only; a Buffer must hold UTF-8 text (it lets one encoding serve many clients). */
  send(data: string | Buffer, options: { binary: false }): void;
  ping(): void;
  close(code: number, reason: string): void;
  terminate(): void;
}

export interface ConnectionLimits {
  /** A client whose unsent bytes exceed this is dropped with a resync code. */
  maxBufferedBytes: number;
  /** Record ids remembered per connection for `gone` entries (oldest forgotten first). */
  maxRemembered: number;
}

/**
 * One signed-in client of the live feed: who it is, how far it has been brought (`cursor`), and
 * the ids of the records it holds — delivered here or declared with `known` and checked — so it
 * is told when one of them stops being visible, and never hears of records it could not see.
 */
export class LiveConnection {
  principal: Principal;
  filter: ReadFilter;
  /** The last seq this connection has been brought up to (delivered or skipped as invisible). */
  cursor: number;
  /** Reading missed events from the store; the live fan-out skips it until it has caught up. */
  replaying = false;
  /** Answered the last ping. */
  alive = true;
  closed = false;
  readonly #held = new Set<string>();
  /** Readers with the same key see the same records (except TLP:RED ones of their own party). */
  #groupKey = '';

  constructor(
    readonly socket: LiveSocket,
    principal: Principal,
    cursor: number,
    /** Resolves the connection's credential again (sign-out, disabled account, changed roles). */
    readonly revalidate: () => Promise<Principal>,
    private readonly limits: ConnectionLimits,
  ) {
    this.principal = principal;
    this.filter = readFilterFor(principal);
    this.#groupKey = groupKeyOf(this.filter);
    this.cursor = cursor;
  }

  /** Takes the principal of a revalidation; true when what it may read has changed. */
  setPrincipal(p: Principal): boolean {
    const next = readFilterFor(p);
    const f = this.filter;
    const changed = next.party !== f.party || next.seesRed !== f.seesRed || next.jccIds.join() !== f.jccIds.join();
    this.principal = p;
    this.filter = next;
    this.#groupKey = groupKeyOf(next);
    if (changed) this.#held.clear();
    return changed;
  }

  hold(id: string): void {
    if (this.#held.has(id)) return;
    if (this.#held.size >= this.limits.maxRemembered) this.#held.delete(this.#held.values().next().value as string);
    this.#held.add(id);
  }

  /** Forgets `id`; true when the client held it. */
  release(id: string): boolean {
    return this.#held.delete(id);
  }

  /** This connection's entry for one event: the record, a `gone`, or nothing at all. */
  entryOf(e: PreparedEvent): string | undefined {
    if (e.visibleTo(this.filter)) {
      this.hold(e.recordId);
      return e.entryFor(this.principal);
    }
    const held = this.release(e.recordId);
    return held || e.visibleBeforeDelete(this.filter) ? e.goneEntry() : undefined;
  }

  /**
   * Sends one frame with the entries of `events` after the cursor, and moves the cursor to `upTo`.
   * No frame when nothing is visible: an empty frame would tell the client when the other party
   * writes. Connections of one group that start from the same cursor and get no `gone` receive
   * the same bytes, encoded once per read in `shared`.
   */
  deliver(events: readonly PreparedEvent[], upTo: number, shared?: Map<string, Buffer>): void {
    const from = this.cursor;
    const entries: string[] = [];
    let last = 0;
    let personal = false;
    for (const e of events) {
      if (e.seq <= from) continue;
      const entry = this.entryOf(e);
      if (entry === undefined) continue;
      entries.push(entry);
      last = e.seq;
      personal ||= e.isGoneEntry(entry) || this.#seesAsAuthorOnly(e);
    }
    this.cursor = Math.max(from, upTo);
    if (entries.length === 0) return;
    const frame = (): string => `{"type":"events","upTo":${last},"events":[${entries.join(',')}]}`;
    if (personal || !shared) {
      this.send(frame());
      return;
    }
    const key = `${this.#groupKey}@${from}`;
    let bytes = shared.get(key);
    if (!bytes) shared.set(key, (bytes = Buffer.from(frame())));
    this.send(bytes);
  }

  /** Sends unless the client is not keeping up, in which case it is dropped: memory must not grow. */
  send(frame: string | Buffer): boolean {
    if (this.closed) return false;
    if (this.socket.bufferedAmount > this.limits.maxBufferedBytes) {
      this.close(CLOSE_CODES.resync, 'too slow: reload and reconnect');
      return false;
    }
    this.socket.send(frame, { binary: false });
    return true;
  }

  /** A TLP:RED record of the reader's party that it reads only as its author: not shareable. */
  #seesAsAuthorOnly(e: PreparedEvent): boolean {
    const r = e.event.record;
    return r.tlp === 'red' && r.originParty === this.filter.party && !this.filter.seesRed;
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.socket.close(code, reason);
  }
}

const groupKeyOf = (f: ReadFilter): string => `${f.party}|${f.seesRed}|${[...f.jccIds].sort().join(',')}`;

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
 * What every connection of one reader group starting from the same cursor gets from one read: the
 * encoded frame (none when nothing is visible), the ids it shows and the ids it hides. `null`: the
 * group could not decide for all its members (a `gone` or an author-only record), each builds its own.
 */
interface GroupShare {
  bytes: Buffer | undefined;
  shown: string[];
  hidden: string[];
}

/** One read's shared frames, by reader group and starting cursor. */
export type SharedFrames = Map<string, GroupShare | null>;

interface BuiltFrame {
  entries: string[];
  last: number;
  shown: string[];
  hidden: string[];
  personal: boolean;
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
    // Runs once per delivered record per connection: only a full memory pays for the lookup.
    if (this.#held.size >= this.limits.maxRemembered && !this.#held.has(id)) this.#held.delete(this.#held.values().next().value as string);
    this.#held.add(id);
  }

  /** Forgets `id`; true when the client held it. */
  release(id: string): boolean {
    return this.#held.delete(id);
  }

  /**
   * Sends one frame with the entries of `events` after the cursor, and moves the cursor to `upTo`.
   * No frame when nothing is visible: an empty frame would tell the client when the other party
   * writes. Connections of one group that start from the same cursor see the same records, so the
   * first one decides visibility and encodes the frame once per read in `shared`; the others only
   * note what they now hold. One that held a record the group cannot see builds its own (a `gone`).
   */
  deliver(events: readonly PreparedEvent[], upTo: number, shared?: SharedFrames): void {
    const key = `${this.#groupKey}@${this.cursor}`;
    const share = shared?.get(key);
    if (share && !share.hidden.some((id) => this.#held.has(id))) {
      for (const id of share.shown) this.hold(id);
      this.cursor = Math.max(this.cursor, upTo);
      if (share.bytes) this.send(share.bytes);
      return;
    }
    const own = this.#build(events);
    this.cursor = Math.max(this.cursor, upTo);
    const frame = own.entries.length === 0 ? undefined : `{"type":"events","upTo":${own.last},"events":[${own.entries.join(',')}]}`;
    if (shared && share === undefined) {
      const group = own.personal ? null : { bytes: frame === undefined ? undefined : Buffer.from(frame), shown: own.shown, hidden: own.hidden };
      shared.set(key, group);
      if (group?.bytes) {
        this.send(group.bytes);
        return;
      }
    }
    if (frame !== undefined) this.send(frame);
  }

  /** This connection's entries for the events after its cursor: records, `gone`s, or nothing at all. */
  #build(events: readonly PreparedEvent[]): BuiltFrame {
    const out: BuiltFrame = { entries: [], last: 0, shown: [], hidden: [], personal: false };
    for (const e of events) {
      if (e.seq <= this.cursor) continue;
      out.personal ||= this.#decidedPerReader(e);
      if (e.visibleTo(this.filter)) {
        this.hold(e.recordId);
        out.shown.push(e.recordId);
        out.entries.push(e.entryFor(this.principal));
        out.last = e.seq;
        continue;
      }
      out.hidden.push(e.recordId);
      if (this.release(e.recordId) || e.visibleBeforeDelete(this.filter)) {
        out.entries.push(e.goneEntry());
        out.last = e.seq;
        out.personal = true;
      }
    }
    return out;
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

  /** A TLP:RED record of the reader's party: only its author sees it, so the group cannot decide for everyone. */
  #decidedPerReader(e: PreparedEvent): boolean {
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

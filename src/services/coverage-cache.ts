/**
 * Caching of gap analyses. A result is keyed by everything it depends on (region, parameters,
 * what the reader may see, the time step, and the version of the inputs), so an entry is never
 * invalidated: a change makes a new key and the old entry ages out of the LRU.
 */
import type { RecordType } from '../core/model/common.ts';
import type { Store } from '../storage/ports.ts';

/** A small LRU of results, sharing one computation between callers who ask at the same time. */
export class ResultCache<T> {
  readonly #entries = new Map<string, Promise<T>>();

  constructor(private readonly max: number) {}

  /** The cached value for `key`, or `compute()`'s; a failed computation is not kept. */
  async get(key: string, compute: () => Promise<T>): Promise<{ value: T; hit: boolean }> {
    const cached = this.#entries.get(key);
    if (cached) {
      // Re-inserting moves the entry to the young end of the map's insertion order.
      this.#entries.delete(key);
      this.#entries.set(key, cached);
      return { value: await cached, hit: true };
    }
    const pending = compute();
    this.#entries.set(key, pending);
    this.#evict();
    try {
      return { value: await pending, hit: false };
    } catch (e) {
      if (this.#entries.get(key) === pending) this.#entries.delete(key);
      throw e;
    }
  }

  get size(): number {
    return this.#entries.size;
  }

  #evict(): void {
    for (const key of this.#entries.keys()) {
      if (this.#entries.size <= this.max) return;
      this.#entries.delete(key);
    }
  }
}

const PAGE = 1000;

/**
 * The sequence number of the newest change to a gap-analysis input, read from the event log. Every
 * change writes its event in its own transaction and sequence numbers are handed out in commit
 * order, so reading on from the last seen number never misses one, on any instance. Each call
 * reads only the events since the previous call: usually one query that finds nothing.
 */
export class InputVersion {
  #scanned: number | undefined;
  #relevant = 0;
  // Calls run one after another: a call that joined a read already under way could miss a change
  // committed after that read began, and serve a result its caller knows to be stale.
  #queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly store: Store, private readonly types: ReadonlySet<RecordType>) {}

  current(): Promise<number> {
    const next = this.#queue.then(() => this.#advance());
    this.#queue = next.catch(() => undefined);
    return next;
  }

  async #advance(): Promise<number> {
    if (this.#scanned === undefined) {
      // The history before start-up is not read: any of it may have touched an input.
      this.#scanned = await headSeq(this.store);
      this.#relevant = this.#scanned;
    }
    for (;;) {
      const events = await this.store.listEvents(this.#scanned, PAGE);
      for (const e of events) {
        if (this.types.has(e.recordType)) this.#relevant = e.seq;
        this.#scanned = e.seq;
      }
      if (events.length < PAGE) return this.#relevant;
    }
  }
}

/** The newest event's sequence number (0 for none), found by bisection in about 2·log2(n) lookups of one row. */
export async function headSeq(store: Store): Promise<number> {
  const after = async (seq: number): Promise<boolean> => (await store.listEvents(seq, 1)).length > 0;
  let hi = 1;
  while (await after(hi)) hi *= 2;
  let lo = 0;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (await after(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

import type { LiveEvent } from '../app/contracts.ts';
import type { RecordView } from '../api/records.ts';

/**
 * In-memory records of one type, kept equal to the server's through live events. Applying an
 * event twice, or an older version after a newer one, changes nothing (idempotent, ordered).
 */
export class RecordStore<D = Record<string, unknown>> {
  private readonly byId = new Map<string, RecordView<D>>();
  private lastSeq = 0;

  constructor(readonly type: string) {}

  /** Replaces everything with a fresh list (first load, or after a resync). */
  reset(items: readonly RecordView<D>[], upToSeq = this.lastSeq): void {
    this.byId.clear();
    for (const r of items) this.byId.set(r.id, r);
    this.lastSeq = upToSeq;
  }

  get(id: string): RecordView<D> | undefined {
    return this.byId.get(id);
  }

  all(): RecordView<D>[] {
    return [...this.byId.values()];
  }

  get size(): number {
    return this.byId.size;
  }

  /** Applies the events of this store's type in seq order; returns the ids that changed (upserted or removed). */
  apply(events: readonly LiveEvent[]): { upserted: RecordView<D>[]; removed: string[] } {
    const upserted = new Map<string, RecordView<D>>();
    const removed = new Set<string>();
    const mine = events.filter((e) => e.type === this.type && this.isNew(e)).sort((a, b) => a.seq - b.seq);
    for (const e of mine) {
      this.lastSeq = e.seq;
      const current = this.byId.get(e.id);
      if (e.op === 'delete' || e.op === 'gone' || e.record === undefined) {
        if (!current || (e.version !== undefined && e.version < current.version)) continue;
        this.byId.delete(e.id);
        upserted.delete(e.id);
        removed.add(e.id);
        continue;
      }
      const next = e.record as RecordView<D>;
      if (current && current.version >= next.version) continue;
      this.byId.set(e.id, next);
      removed.delete(e.id);
      upserted.set(e.id, next);
    }
    return { upserted: [...upserted.values()], removed: [...removed] };
  }

  /**
   * A change is new when its seq is past the last one applied. A `gone` answering a `known` check
   * carries the cursor it was checked at, which may equal that seq, and is just as new.
   */
  private isNew(e: LiveEvent): boolean {
    return e.seq > this.lastSeq || (e.op === 'gone' && e.seq === this.lastSeq);
  }
}

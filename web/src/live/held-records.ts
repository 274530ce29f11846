import type { HeldRecord, LiveEvent } from '../app/contracts.ts';

/** Records per `known` message: the server refuses more (src/realtime/live-protocol.ts). */
export const KNOWN_PER_MESSAGE = 1000;

/**
 * The records this client holds, by type and id: those declared from list reads and those the feed
 * delivered. A new connection knows none of them, so each one is declared again on every `hello`.
 */
export class HeldRecords {
  private readonly byType = new Map<string, Set<string>>();

  /** Adds records; returns those not held before (the only ones worth declaring now). */
  add(records: readonly HeldRecord[]): HeldRecord[] {
    const fresh: HeldRecord[] = [];
    for (const r of records) {
      let ids = this.byType.get(r.type);
      if (!ids) this.byType.set(r.type, (ids = new Set()));
      if (ids.has(r.id)) continue;
      ids.add(r.id);
      fresh.push({ type: r.type, id: r.id });
    }
    return fresh;
  }

  remove(r: HeldRecord): void {
    this.byType.get(r.type)?.delete(r.id);
  }

  /** Follows the feed: a delivered record is held, a deleted or gone one is not. */
  note(events: readonly LiveEvent[]): void {
    for (const e of events) {
      if (e.op === 'gone' || e.op === 'delete') this.remove(e);
      else this.add([e]);
    }
  }

  clear(): void {
    this.byType.clear();
  }

  all(): HeldRecord[] {
    return [...this.byType].flatMap(([type, ids]) => [...ids].map((id) => ({ type, id })));
  }

  get size(): number {
    let n = 0;
    for (const ids of this.byType.values()) n += ids.size;
    return n;
  }
}

/** The `known` messages that declare records, at most `per` records each. */
export function knownMessages(records: readonly HeldRecord[], per = KNOWN_PER_MESSAGE): string[] {
  const out: string[] = [];
  for (let i = 0; i < records.length; i += per) {
    out.push(JSON.stringify({ type: 'known', records: records.slice(i, i + per) }));
  }
  return out;
}

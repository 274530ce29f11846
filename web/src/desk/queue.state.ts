import type { LiveEvent } from '../app/contracts.ts';
import type { RecordView } from '../api/records.ts';
import { RecordStore } from '../live/reconcile.ts';
import type { IncidentData } from './incident.model.ts';

export type QueuedIncident = RecordView<IncidentData>;

/** New reports wait in the queue until someone confirms or disputes them. */
export const QUEUE_STATES = ['draft', 'reported'] as const;

/**
 * Which incidents are the desk's: new reports in the user's JCCs. Staff without a JCC assignment
 * (headquarters, administrators) see new reports of every JCC they may read.
 */
export function inQueue(r: QueuedIncident, jccIds: readonly string[]): boolean {
  if (!(QUEUE_STATES as readonly string[]).includes(r.data.verification)) return false;
  return jccIds.length === 0 || (r.data.jccId !== undefined && jccIds.includes(r.data.jccId));
}

/** Newest first by when it happened; ties by id (UUIDv7: the later-logged first). */
export function byNewest(a: QueuedIncident, b: QueuedIncident): number {
  const d = Date.parse(b.data.occurredAt) - Date.parse(a.data.occurredAt);
  return d !== 0 ? d : b.id.localeCompare(a.id);
}

/** The desk's queue, kept current by the live feed through the shared record store. */
export class DeskQueue {
  private readonly store = new RecordStore<IncidentData>('incident');

  constructor(private readonly jccIds: readonly string[]) {}

  /** A fresh list from the server (first load or after a resync). */
  load(items: readonly QueuedIncident[]): void {
    this.store.reset(items.filter((r) => inQueue(r, this.jccIds)));
  }

  /** Applies live events; true when the queue changed. */
  apply(events: readonly LiveEvent[]): boolean {
    const { upserted, removed } = this.store.apply(events);
    const leaving = upserted.filter((r) => !inQueue(r, this.jccIds));
    // Records that left the queue (confirmed, moved to another JCC) are dropped, not kept hidden.
    if (leaving.length > 0) this.store.reset(this.store.all().filter((r) => inQueue(r, this.jccIds)));
    return upserted.length > 0 || removed.length > 0;
  }

  /** One record as the server answered a write from this desk (faster than waiting for its event). */
  put(r: QueuedIncident): void {
    const current = this.store.get(r.id);
    if (current && current.version >= r.version) return;
    const others = this.store.all().filter((x) => x.id !== r.id);
    this.store.reset(inQueue(r, this.jccIds) ? [...others, r] : others);
  }

  items(): QueuedIncident[] {
    return this.store.all().sort(byNewest);
  }
}

/** The list requests that fill the queue: one per JCC and state, merged and de-duplicated by the caller. */
export function queueQueries(jccIds: readonly string[], limit: number): Record<string, string>[] {
  const jccs: (string | undefined)[] = jccIds.length > 0 ? [...jccIds] : [undefined];
  return jccs.flatMap((jcc) => QUEUE_STATES.map((status) => ({ status, limit: String(limit), ...(jcc ? { jcc } : {}) })));
}

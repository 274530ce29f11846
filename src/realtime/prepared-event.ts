import { isVisible, type ReadFilter } from '../core/access/access.ts';
import type { Principal } from '../core/model/common.ts';
import { toView } from '../services/record-view.ts';
import type { ChangeEvent } from '../storage/ports.ts';

/**
 * One change, serialised at most once per kind of reader and shared by every connection: the
 * record as its own party sees it, as the other party sees it (no staff ids), or as a `gone`.
 * Serialising per connection would make the fan-out cost grow with events × clients.
 */
export class PreparedEvent {
  #ownParty: string | undefined;
  #otherParty: string | undefined;
  #gone: string | undefined;

  constructor(readonly event: ChangeEvent) {}

  get seq(): number {
    return this.event.seq;
  }

  get recordId(): string {
    return this.event.recordId;
  }

  visibleTo(f: ReadFilter): boolean {
    return isVisible(f, this.event.record);
  }

  /**
   * Whether the version before this change was visible to `f`. Known exactly only for deletes,
   * whose tombstone keeps the last scope, label and draft state; other narrowing changes rely on
   * the connection's memory of what it delivered.
   */
  visibleBeforeDelete(f: ReadFilter): boolean {
    return this.event.op === 'delete' && isVisible(f, { ...this.event.record, deleted: false });
  }

  /** The upsert entry for `p`; call only when the record is visible to `p`. */
  entryFor(p: Principal): string {
    const own = this.event.record.originParty === p.party;
    if (own) return (this.#ownParty ??= this.#serialise(p));
    return (this.#otherParty ??= this.#serialise(p));
  }

  isGoneEntry(entry: string): boolean {
    return entry === this.#gone;
  }

  goneEntry(): string {
    const e = this.event;
    return (this.#gone ??= JSON.stringify({ seq: e.seq, op: 'gone', type: e.recordType, id: e.recordId }));
  }

  #serialise(p: Principal): string {
    const e = this.event;
    return JSON.stringify({ seq: e.seq, op: e.op, type: e.recordType, id: e.recordId, version: e.version, record: toView(p, e.record) });
  }
}

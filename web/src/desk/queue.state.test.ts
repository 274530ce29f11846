import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LiveEvent } from '../app/contracts.ts';
import { DeskQueue, inQueue, queueQueries, type QueuedIncident } from './queue.state.ts';

const J1 = 'jcc-1';
const J2 = 'jcc-2';

function incident(n: number, over: { at?: string; jccId?: string; verification?: string; version?: number } = {}): QueuedIncident {
  return {
    id: `0193a000-0000-7000-8000-${String(n).padStart(12, '0')}`, type: 'incident', originParty: 'peshmerga', originSite: 's',
    version: over.version ?? 1, scope: 'own', tlp: 'amber', draft: over.verification === 'draft', createdAt: '', updatedAt: '', createdBy: null, updatedBy: null,
    data: {
      title: `incident ${n}`, occurredAt: over.at ?? `2021-12-0${n}T10:00:00.000Z`, jccId: over.jccId ?? J1, verification: over.verification ?? 'reported',
    } as QueuedIncident['data'],
  };
}

const ev = (seq: number, r: QueuedIncident, op: LiveEvent['op'] = 'update'): LiveEvent => ({ seq, op, type: 'incident', id: r.id, version: r.version, record: r });
const titles = (q: DeskQueue): string[] => q.items().map((r) => r.data.title);

describe('the desk queue', () => {
  it('holds new reports (draft, reported) of the user\'s JCCs, every JCC for staff without one', () => {
    assert.equal(inQueue(incident(1), [J1]), true);
    assert.equal(inQueue(incident(1, { verification: 'draft' }), [J1]), true);
    assert.equal(inQueue(incident(1, { verification: 'confirmed' }), [J1]), false);
    assert.equal(inQueue(incident(1, { jccId: J2 }), [J1]), false);
    assert.equal(inQueue(incident(1, { jccId: J2 }), []), true);
  });

  it('orders newest first by when it happened, then by id', () => {
    const q = new DeskQueue([J1]);
    q.load([incident(1), incident(3), incident(2), incident(4, { at: '2021-12-03T10:00:00.000Z' }), incident(5, { verification: 'confirmed' })]);
    assert.deepEqual(titles(q), ['incident 4', 'incident 3', 'incident 2', 'incident 1']);
  });

  it('adds, updates and removes through live events, ignoring other types and stale versions', () => {
    const q = new DeskQueue([J1]);
    q.load([incident(1), incident(2)]);
    assert.equal(q.apply([ev(1, incident(3), 'create')]), true);
    assert.deepEqual(titles(q), ['incident 3', 'incident 2', 'incident 1']);
    // Confirmed: leaves the queue. Moved to another JCC: leaves too.
    q.apply([ev(2, incident(3, { verification: 'confirmed', version: 2 })), ev(3, incident(2, { jccId: J2, version: 2 }))]);
    assert.deepEqual(titles(q), ['incident 1']);
    // An older version arriving late and events of other types change nothing.
    q.apply([ev(4, { ...incident(1), data: { ...incident(1).data, title: 'newer' }, version: 3 })]);
    q.apply([ev(5, { ...incident(1), data: { ...incident(1).data, title: 'older' }, version: 2 })]);
    assert.equal(q.apply([{ seq: 6, op: 'create', type: 'unit', id: 'u', version: 1, record: {} }]), false);
    assert.deepEqual(titles(q), ['newer']);
    q.apply([{ seq: 7, op: 'gone', type: 'incident', id: incident(1).id }]);
    assert.deepEqual(titles(q), []);
  });

  it('replayed events (after a reconnect) are applied once', () => {
    const q = new DeskQueue([J1]);
    q.load([]);
    const batch = [ev(10, incident(1), 'create'), ev(11, incident(2), 'create')];
    q.apply(batch);
    assert.equal(q.apply(batch), false);
    assert.equal(q.items().length, 2);
  });

  it('takes the answer of a write at once, and the later event of the same version is a no-op', () => {
    const q = new DeskQueue([J1]);
    q.load([incident(1)]);
    const confirmed = incident(1, { verification: 'confirmed', version: 2 });
    q.put(confirmed);
    assert.deepEqual(titles(q), []);
    q.put(incident(2));
    assert.equal(q.apply([ev(20, incident(2))]), false);
    assert.deepEqual(titles(q), ['incident 2']);
  });

  it('asks for each JCC and state, or each state across JCCs', () => {
    assert.deepEqual(queueQueries([J1, J2], 50), [
      { status: 'draft', limit: '50', jcc: J1 }, { status: 'reported', limit: '50', jcc: J1 },
      { status: 'draft', limit: '50', jcc: J2 }, { status: 'reported', limit: '50', jcc: J2 },
    ]);
    assert.deepEqual(queueQueries([], 50), [{ status: 'draft', limit: '50' }, { status: 'reported', limit: '50' }]);
  });
});

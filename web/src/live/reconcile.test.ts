import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LiveEvent } from '../app/contracts.ts';
import type { RecordView } from '../api/records.ts';
import { RecordStore } from './reconcile.ts';

const rec = (id: string, version: number, title = `t${version}`): RecordView => ({
  id, type: 'incident', originParty: 'peshmerga', originSite: 's', version, scope: 'bilateral', tlp: 'green', draft: false,
  createdAt: '2021-12-02T00:00:00Z', updatedAt: '2021-12-02T00:00:00Z', createdBy: null, updatedBy: null, data: { title },
});
const ev = (seq: number, op: LiveEvent['op'], id: string, version?: number): LiveEvent => ({
  seq, op, type: 'incident', id, ...(version === undefined ? {} : { version }),
  ...(op === 'delete' || op === 'gone' || version === undefined ? {} : { record: rec(id, version) }),
});

describe('RecordStore', () => {
  it('adds, updates and removes by id and version', () => {
    const s = new RecordStore('incident');
    s.reset([rec('a', 1)]);
    const r = s.apply([ev(1, 'create', 'b', 1), ev(2, 'update', 'a', 2), ev(3, 'delete', 'b', 2)]);
    assert.deepEqual(r.upserted.map((x) => x.id), ['a']);
    assert.deepEqual(r.removed, ['b']);
    assert.equal(s.get('a')?.version, 2);
    assert.equal(s.size, 1);
  });

  it('is idempotent: the same batch twice changes nothing the second time', () => {
    const s = new RecordStore('incident');
    const batch = [ev(5, 'create', 'a', 1), ev(6, 'update', 'a', 2)];
    s.apply(batch);
    const again = s.apply(batch);
    assert.deepEqual(again, { upserted: [], removed: [] });
    assert.equal(s.get('a')?.version, 2);
  });

  it('applies events in seq order and never goes back to an older version', () => {
    const s = new RecordStore('incident');
    s.apply([ev(8, 'update', 'a', 3), ev(7, 'create', 'a', 1)]);
    assert.equal(s.get('a')?.version, 3);
    s.reset([rec('a', 5)], 8);
    s.apply([ev(9, 'update', 'a', 4)]);
    assert.equal(s.get('a')?.version, 5, 'a stale version is ignored');
  });

  it('ignores other types and removes records that are gone (scope narrowed)', () => {
    const s = new RecordStore('incident');
    s.reset([rec('a', 1)]);
    const other: LiveEvent = { seq: 1, op: 'create', type: 'unit', id: 'u', version: 1, record: { ...rec('u', 1), type: 'unit' } };
    assert.deepEqual(s.apply([other]), { upserted: [], removed: [] });
    assert.deepEqual(s.apply([{ seq: 2, op: 'gone', type: 'incident', id: 'a' }]).removed, ['a']);
    assert.equal(s.size, 0);
  });

  it('a gone answering a known check removes the record even at the last seq applied', () => {
    const s = new RecordStore('incident');
    s.reset([rec('a', 1), rec('b', 1)]);
    s.apply([ev(4, 'update', 'b', 2)]);
    assert.deepEqual(s.apply([{ seq: 4, op: 'gone', type: 'incident', id: 'a' }]).removed, ['a']);
    assert.deepEqual(s.apply([{ seq: 3, op: 'gone', type: 'incident', id: 'b' }]).removed, [], 'an older gone is stale');
    assert.deepEqual(s.all().map((r) => r.id), ['b']);
  });

  it('an old tombstone does not remove a newer version', () => {
    const s = new RecordStore('incident');
    s.reset([rec('a', 4)]);
    assert.deepEqual(s.apply([ev(1, 'delete', 'a', 2)]).removed, []);
    assert.equal(s.size, 1);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HeldRecords, knownMessages } from './held-records.ts';

describe('HeldRecords', () => {
  it('adds by type and id, returning only the records not held before', () => {
    const h = new HeldRecords();
    assert.deepEqual(h.add([{ type: 'incident', id: 'a' }, { type: 'unit', id: 'a' }]).length, 2);
    assert.deepEqual(h.add([{ type: 'incident', id: 'a' }, { type: 'incident', id: 'b' }]), [{ type: 'incident', id: 'b' }]);
    assert.equal(h.size, 3);
  });

  it('follows the feed: delivered records are held, deleted and gone ones are not', () => {
    const h = new HeldRecords();
    h.add([{ type: 'incident', id: 'a' }, { type: 'incident', id: 'b' }]);
    h.note([
      { seq: 1, op: 'create', type: 'incident', id: 'c', version: 1, record: {} },
      { seq: 2, op: 'gone', type: 'incident', id: 'a' },
      { seq: 3, op: 'delete', type: 'incident', id: 'b', version: 2 },
    ]);
    assert.deepEqual(h.all(), [{ type: 'incident', id: 'c' }]);
    h.clear();
    assert.equal(h.size, 0);
  });
});

describe('knownMessages', () => {
  it('chunks records into messages of at most 1,000', () => {
    const records = Array.from({ length: 2_500 }, (_, i) => ({ type: 'incident', id: `i${i}` }));
    const messages = knownMessages(records).map((m) => JSON.parse(m) as { type: string; records: unknown[] });
    assert.deepEqual(messages.map((m) => [m.type, m.records.length]), [['known', 1000], ['known', 1000], ['known', 500]]);
    assert.deepEqual(knownMessages([]), []);
  });
});

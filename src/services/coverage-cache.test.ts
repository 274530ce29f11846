import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { uuidv7 } from '../core/ids/uuidv7.ts';
import type { RecordType, StoredRecord } from '../core/model/common.ts';
import type { Store } from '../storage/ports.ts';
import { openSqliteStore } from '../storage/sqlite/sqlite.store.ts';
import { headSeq, InputVersion, ResultCache } from './coverage-cache.ts';

void describe('result cache', () => {
  test('keeps the newest entries, and a hit makes an entry young again', async () => {
    const cache = new ResultCache<string>(2);
    let computed = 0;
    const get = (key: string) => cache.get(key, async () => `${key}${++computed}`);
    assert.deepEqual(await get('a'), { value: 'a1', hit: false });
    assert.deepEqual(await get('b'), { value: 'b2', hit: false });
    assert.deepEqual(await get('a'), { value: 'a1', hit: true });
    await get('c');
    assert.equal(cache.size, 2);
    assert.deepEqual(await get('a'), { value: 'a1', hit: true }, 'a was used after b, so b went');
    assert.deepEqual(await get('b'), { value: 'b4', hit: false });
  });

  test('callers asking at the same time share one computation; a failure is not kept', async () => {
    const cache = new ResultCache<number>(4);
    let runs = 0;
    const slow = () => new Promise<number>((r) => setTimeout(() => r(++runs), 10));
    const [x, y] = await Promise.all([cache.get('k', slow), cache.get('k', slow)]);
    assert.equal(runs, 1);
    assert.deepEqual([x.hit, y.hit], [false, true]);
    await assert.rejects(cache.get('bad', () => Promise.reject(new Error('boom'))), /boom/);
    assert.deepEqual(await cache.get('bad', async () => 7), { value: 7, hit: false });
  });
});

void describe('input version from the event log', () => {
  let store: Store;
  before(async () => {
    store = openSqliteStore({ path: ':memory:' });
    await store.migrate();
  });
  after(() => store.close());

  const change = (type: RecordType): Promise<number> => {
    const now = new Date().toISOString();
    const record: StoredRecord = { id: uuidv7(), type, originParty: 'peshmerga', originSite: 's', version: 1, scope: { kind: 'own' }, tlp: 'amber', draft: false, deleted: false, createdAt: now, updatedAt: now, createdBy: 'u', updatedBy: 'u', data: {} };
    return store.write((tx) => tx.appendEvent({ at: now, recordType: type, recordId: record.id, op: 'create', version: 1, originParty: 'peshmerga', actorId: 'u', record }));
  };

  test('the head of the log is found by bisection, for any length', async () => {
    assert.equal(await headSeq(store), 0);
    for (let n = 1; n <= 37; n++) {
      await change('meeting');
      if ([1, 2, 3, 8, 9, 37].includes(n)) assert.equal(await headSeq(store), n);
    }
  });

  test('moves on only for changes to the types it watches', async () => {
    const version = new InputVersion(store, new Set<RecordType>(['unit', 'incident']));
    const start = await version.current();
    assert.equal(start, await headSeq(store), 'history before the first call counts as a change');
    await change('meeting');
    assert.equal(await version.current(), start);
    const unitSeq = await change('unit');
    await change('report');
    assert.equal(await version.current(), unitSeq);
    const [a, b] = await Promise.all([change('incident').then(() => version.current()), version.current()]);
    assert.equal(a, await headSeq(store));
    assert.ok(b <= a);
  });
});

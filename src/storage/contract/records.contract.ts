import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Store } from '../ports.ts';
import { JCC, insertAll, makeRecord, T, viewer, withStore } from './fixtures.ts';

const code = (c: string) => (e: unknown): boolean => (e as { code?: string }).code === c;

export function recordsContract(open: () => Promise<Store>): void {
  describe('records', () => {
    const store = withStore(open);

    it('returns an inserted record exactly as given, and nothing for another type or id', async () => {
      const a = makeRecord({ scope: { kind: 'jcc', jccIds: [JCC[0], JCC[2]] }, tlp: 'amber+strict', data: { title: 'قرەچوغ', f: 0.1, big: 2 ** 40, neg: -3, nested: { list: ['x', null, false] } } });
      await insertAll(store(), [a]);
      assert.deepEqual(await store().getRecord('incident', a.rec.id), a.rec);
      assert.equal(await store().getRecord('unit', a.rec.id), undefined);
      assert.equal(await store().getRecord('incident', '0190a000-0000-7000-8000-0000000000ff'), undefined);
    });

    it('refuses a second insert of the same id with CONFLICT', async () => {
      const a = makeRecord();
      await insertAll(store(), [a]);
      await assert.rejects(insertAll(store(), [makeRecord({ id: a.rec.id, data: { other: true } })]), code('CONFLICT'));
      assert.deepEqual((await store().getRecord('incident', a.rec.id))?.data, a.rec.data);
    });

    it('updates only from the expected version (compare-and-set)', async () => {
      const a = makeRecord();
      await insertAll(store(), [a]);
      const v2 = { ...a.rec, version: 2, data: { title: 'v2' }, updatedAt: T('2024-03-02T00:00:00Z') };
      assert.equal(await store().write((tx) => tx.updateRecord(v2, a.index, 1)), true);
      assert.deepEqual(await store().getRecord('incident', a.rec.id), v2);

      const stale = { ...a.rec, version: 2, data: { title: 'lost update' } };
      assert.equal(await store().write((tx) => tx.updateRecord(stale, a.index, 1)), false);
      assert.deepEqual(await store().getRecord('incident', a.rec.id), v2);
      assert.equal(await store().write((tx) => tx.updateRecord({ ...v2, id: '0190a000-0000-7000-8000-0000000000fe' }, a.index, 2)), false);
    });

    it('keeps tombstones: getRecord returns them, lists and counts do not', async () => {
      const a = makeRecord({ type: 'checkpoint' });
      await insertAll(store(), [a]);
      const tomb = { ...a.rec, version: 2, deleted: true };
      assert.equal(await store().write((tx) => tx.updateRecord(tomb, a.index, 1)), true);
      assert.deepEqual(await store().getRecord('checkpoint', a.rec.id), tomb);
      assert.deepEqual((await store().listRecords({ type: 'checkpoint', filter: viewer, limit: 10 })).items, []);
      assert.equal(await store().countRecords({ type: 'checkpoint', filter: viewer }), 0);
    });

    it('sees its own uncommitted writes inside a transaction', async () => {
      const a = makeRecord();
      const seen = await store().write(async (tx) => {
        await tx.insertRecord(a.rec, a.index);
        return tx.getRecord('incident', a.rec.id);
      });
      assert.deepEqual(seen, a.rec);
    });

    it('refuses invalid envelopes with VALIDATION and stores nothing', async () => {
      const badScope = makeRecord({ scope: { kind: 'jcc', jccIds: ['not-a-uuid'] } });
      await assert.rejects(insertAll(store(), [badScope]), code('VALIDATION'));
      const emptyJcc = makeRecord({ scope: { kind: 'jcc', jccIds: [] } });
      await assert.rejects(insertAll(store(), [emptyJcc]), code('VALIDATION'));
      const offsetTime = makeRecord({ createdAt: '2024-03-01T11:00:00+03:00' });
      await assert.rejects(insertAll(store(), [offsetTime]), code('VALIDATION'));
      const badSpan = makeRecord({ index: { tStart: 'yesterday' } });
      await assert.rejects(insertAll(store(), [badSpan]), code('VALIDATION'));
      const nul = makeRecord({ data: { title: 'a\u0000b' } });
      await assert.rejects(insertAll(store(), [nul]), code('VALIDATION'));
      const nulSearch = makeRecord({ index: { search: 'x\u0000' } });
      await assert.rejects(insertAll(store(), [nulSearch]), code('VALIDATION'));
      for (const r of [badScope, emptyJcc, offsetTime, badSpan, nul, nulSearch]) assert.equal(await store().getRecord('incident', r.rec.id), undefined);
      // The six characters \u0000 typed as text are just text.
      const literal = makeRecord({ data: { title: '\\u0000 and \\\\u0000' } });
      await insertAll(store(), [literal]);
      assert.deepEqual(await store().getRecord('incident', literal.rec.id), literal.rec);
    });

    it('refuses to be used inside its own write() instead of deadlocking', async () => {
      await assert.rejects(store().write(() => store().getSite()), code('INTERNAL'));
      await assert.rejects(store().write(() => store().write(() => Promise.resolve(1))), code('INTERNAL'));
      assert.equal(await store().write(() => Promise.resolve(7)), 7);
    });
  });
}

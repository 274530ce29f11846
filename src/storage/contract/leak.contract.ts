import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { isVisible, type ReadFilter } from '../../core/access/access.ts';
import { PARTIES, TLPS, type Scope } from '../../core/model/common.ts';
import type { RecordListQuery, Store } from '../ports.ts';
import { JCC, insertAll, makeRecord, pickOf, prng, T, withStore } from './fixtures.ts';

const SEED = Number(process.env['TANSIQ_LEAK_SEED'] ?? 20240301);
const RECORDS = 300;
const READERS = 30;
const USERS = ['user-1', 'user-2', 'user-3', 'user-4', 'user-5', 'user-6'];
const STATUSES = ['reported', 'confirmed', null] as const;

/**
 * The leak property: for random records and random readers, what a list (paged to the end) and
 * a count return is exactly the set `isVisible` accepts, no more and no less. Reproduce a
 * failure with TANSIQ_LEAK_SEED=<seed printed in the assertion message>.
 */
export function leakContract(open: () => Promise<Store>): void {
  describe('access predicate in SQL equals isVisible (leak property)', () => {
    const store = withStore(open);
    const rnd = prng(SEED);
    const pick = pickOf(rnd);
    const subset = (ids: readonly string[]): string[] => ids.filter(() => rnd() < 0.4);

    const randomScope = (): Scope => {
      const k = rnd();
      if (k < 0.3) return { kind: 'own' };
      if (k < 0.55) return { kind: 'bilateral' };
      const ids = subset(JCC);
      return { kind: 'jcc', jccIds: (ids.length ? ids : [pick(JCC)]).sort() };
    };
    const records = Array.from({ length: RECORDS }, (_, i) =>
      makeRecord({
        originParty: pick(PARTIES),
        scope: randomScope(),
        tlp: pick(TLPS),
        draft: rnd() < 0.25,
        deleted: rnd() < 0.15,
        createdBy: pick(USERS),
        // Few distinct sort keys, so pages often split runs of equal keys.
        createdAt: T(`2024-03-0${1 + (i % 3)}T00:00:00Z`),
        index: { status: pick(STATUSES), jccId: rnd() < 0.5 ? pick(JCC) : null },
      }),
    );
    // Reader JCC lists include ids no record uses, and ids that join two real ones with a comma
    // (a naive substring match on the stored ",a,b," would let those through).
    const strange = ['0190a000-0000-7000-8000-0000000000ff', `${JCC[0]},${JCC[1]}`, `${JCC[1]},${JCC[2]}`, `${JCC[2]},`, `,${JCC[3]}`, ''];
    const readers: ReadFilter[] = [
      ...Array.from({ length: READERS }, () => ({
        party: pick(PARTIES),
        userId: rnd() < 0.8 ? pick(USERS) : 'user-none',
        seesRed: rnd() < 0.4,
        jccIds: [...subset(JCC), ...(rnd() < 0.3 ? [pick(strange)] : [])],
      })),
      // Every strange id alone, for both parties: nothing released to a JCC may reach these.
      ...PARTIES.flatMap((party) => strange.map((id) => ({ party, userId: 'user-none', seesRed: false, jccIds: [id] }))),
    ];

    before(() => insertAll(store(), records));

    it(`lists and counts exactly what isVisible accepts (${readers.length} readers × ${RECORDS} records, seed ${SEED})`, async () => {
      let visibleTotal = 0;
      for (const [n, filter] of readers.entries()) {
        const extra: Partial<RecordListQuery> = {};
        if (rnd() < 0.3) extra.party = pick(PARTIES);
        if (rnd() < 0.3) extra.status = pick(['reported', 'confirmed']);
        if (rnd() < 0.2) extra.jccId = pick(JCC);
        const expected = records
          .filter(({ rec, index }) =>
            isVisible(filter, rec) &&
            (extra.party === undefined || rec.originParty === extra.party) &&
            (extra.status === undefined || index.status === extra.status) &&
            (extra.jccId === undefined || index.jccId === extra.jccId))
          .map(({ rec }) => rec.id)
          .sort();
        visibleTotal += expected.length;

        const got: string[] = [];
        const limit = 1 + Math.floor(rnd() * 40);
        let cursor: string | undefined;
        do {
          const page = await store().listRecords({ type: 'incident', filter, limit, ...extra, ...(cursor ? { cursor } : {}) });
          got.push(...page.items.map((r) => r.id));
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        const why = `seed ${SEED}, reader #${n} ${JSON.stringify({ filter, extra, limit })}`;
        assert.equal(new Set(got).size, got.length, `a record came twice: ${why}`);
        assert.deepEqual([...got].sort(), expected, `list differs from isVisible: ${why}`);
        assert.equal(await store().countRecords({ type: 'incident', filter, ...extra }), expected.length, `count differs from isVisible: ${why}`);
      }
      // Guard against a vacuous pass (everything hidden, or everything shown).
      assert.ok(visibleTotal > 0 && visibleTotal < readers.length * RECORDS, `degenerate data: ${visibleTotal} visible`);
    });
  });
}

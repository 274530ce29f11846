import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CoverageSnapshot, Store } from '../ports.ts';
import { withStore } from './fixtures.ts';

const snapshot = (id: string, computedAt: string, over: Partial<CoverageSnapshot> = {}): CoverageSnapshot => ({
  id,
  regionKey: 'jcc:KRK|50',
  visibilityKey: 'federal|KRK',
  computedAt,
  regionKm2: 4_000.5,
  uncoveredKm2: 1_234.25,
  ...over,
});

export function coverageSnapshotsContract(open: () => Promise<Store>): void {
  describe('coverage snapshots', () => {
    const store = withStore(open);
    const q = { regionKey: 'jcc:KRK|50', visibilityKey: 'federal|KRK', since: '2021-11-01T00:00:00.000Z', until: '2021-12-01T00:00:00.000Z', limit: 100 };

    it('lists the snapshots of one region and visibility in a window, oldest first, with exact numbers', async () => {
      await store().write(async (tx) => {
        await tx.insertCoverageSnapshot(snapshot('b', '2021-11-20T10:00:00.000Z', { uncoveredKm2: 1_000.125 }));
        await tx.insertCoverageSnapshot(snapshot('a', '2021-11-10T10:00:00.000Z'));
        await tx.insertCoverageSnapshot(snapshot('c', '2021-12-01T00:00:00.000Z'));
        await tx.insertCoverageSnapshot(snapshot('d', '2021-11-15T00:00:00.000Z', { visibilityKey: 'peshmerga|KRK' }));
        await tx.insertCoverageSnapshot(snapshot('e', '2021-11-15T00:00:00.000Z', { regionKey: 'jcc:MKH|50' }));
      });
      const got = await store().listCoverageSnapshots(q);
      assert.deepEqual(got.map((s) => s.id), ['a', 'b'], 'window is [since, until), one region, one visibility');
      assert.deepEqual(got[1], snapshot('b', '2021-11-20T10:00:00.000Z', { uncoveredKm2: 1_000.125 }));
      assert.deepEqual((await store().listCoverageSnapshots({ ...q, limit: 1 })).map((s) => s.id), ['a']);
    });

    it('refuses a duplicate id and a NUL character', async () => {
      await assert.rejects(store().write((tx) => tx.insertCoverageSnapshot(snapshot('a', '2021-11-11T00:00:00.000Z'))));
      await assert.rejects(store().write((tx) => tx.insertCoverageSnapshot(snapshot('z', '2021-11-11T00:00:00.000Z', { regionKey: 'x\0y' }))), /NUL|character/i);
    });
  });
}

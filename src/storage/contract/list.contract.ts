import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { StoredRecord } from '../../core/model/common.ts';
import { foldText, foldTokens } from '../../core/text/fold.ts';
import type { RecordListQuery, Store } from '../ports.ts';
import { JCC, insertAll, makeRecord, T, viewer, withStore } from './fixtures.ts';

type Query = Omit<RecordListQuery, 'type' | 'filter' | 'limit'>;

export function listContract(open: () => Promise<Store>): void {
  describe('list filters and paging', () => {
    const store = withStore(open);
    const a = makeRecord({ originParty: 'peshmerga', index: { bbox: [44, 35.5, 44, 35.5], tStart: T('2024-03-01T10:00:00Z'), tEnd: T('2024-03-01T10:00:00Z'), status: 'confirmed', jccId: JCC[0], search: foldText('هجوم على قرية خضر جيجة') } });
    // Open-ended: no end yet.
    const b = makeRecord({ originParty: 'federal', index: { bbox: [43, 36, 43.5, 36.5], tStart: T('2024-02-01T00:00:00Z'), tEnd: null, status: 'reported', jccId: JCC[1], search: 'makhmour patrol 50% off a_b' } });
    // No time span: windows match it by updated_at.
    const c = makeRecord({ originParty: 'peshmerga', createdAt: T('2024-01-01T00:00:00Z'), updatedAt: T('2024-03-10T00:00:00Z'), index: { search: foldText('الحويجة') } });
    const d = makeRecord({ originParty: 'federal', index: { bbox: [45, 34, 45, 34], tStart: T('2024-01-01T00:00:00Z'), tEnd: T('2024-01-31T00:00:00Z'), status: 'confirmed', search: 'diyala' } });
    const gone = makeRecord({ originParty: 'peshmerga', deleted: true, index: { bbox: [44, 35.5, 44, 35.5], tStart: T('2024-03-01T10:00:00Z'), status: 'confirmed', jccId: JCC[0], search: 'makhmour diyala' } });
    const name = new Map([a, b, c, d, gone].map((r, i) => [r.rec.id, 'abcdx'[i]]));

    before(() => insertAll(store(), [a, b, c, d, gone]));

    const names = async (q: Query): Promise<string> => {
      const page = await store().listRecords({ type: 'incident', filter: viewer, limit: 50, ...q });
      const count = await store().countRecords({ type: 'incident', filter: viewer, ...q });
      assert.equal(count, page.items.length, 'countRecords disagrees with listRecords');
      return page.items.map((r) => name.get(r.id)).sort().join('');
    };

    it('filters by bbox intersection, edges included', async () => {
      assert.equal(await names({ bbox: [43.9, 35.4, 44.1, 35.6] }), 'a');
      assert.equal(await names({ bbox: [43.5, 36.5, 44, 37] }), 'b');
      assert.equal(await names({ bbox: [43.2, 36.2, 43.3, 36.3] }), 'b');
      assert.equal(await names({ bbox: [40, 30, 50, 40] }), 'abd');
    });

    it('filters by time-window overlap, open spans and updated_at for records without a span', async () => {
      assert.equal(await names({ since: T('2024-02-15T00:00:00Z'), until: T('2024-02-20T00:00:00Z') }), 'b');
      assert.equal(await names({ since: T('2024-03-05T00:00:00Z'), until: T('2024-03-15T00:00:00Z') }), 'bc');
      assert.equal(await names({ since: T('2024-01-15T00:00:00Z'), until: T('2024-01-20T00:00:00Z') }), 'd');
      assert.equal(await names({ since: '2024-01-31T03:00:00+03:00', until: '2024-01-31T03:00:00+03:00' }), 'd');
      assert.equal(await names({ until: T('2024-01-10T00:00:00Z') }), 'd');
      assert.equal(await names({ since: T('2024-03-05T00:00:00Z') }), 'bc');
      assert.equal(await names({ since: T('2030-01-01T00:00:00Z') }), 'b');
      await assert.rejects(names({ since: 'last week' }), (e: { code?: string }) => e.code === 'VALIDATION');
    });

    it('filters by jcc, party and status', async () => {
      assert.equal(await names({ jccId: JCC[0] }), 'a');
      assert.equal(await names({ party: 'federal' }), 'bd');
      assert.equal(await names({ status: 'confirmed' }), 'ad');
      assert.equal(await names({ status: 'confirmed', bbox: [44.5, 33.5, 45.5, 34.5], since: T('2024-01-10T00:00:00Z'), until: T('2024-01-11T00:00:00Z') }), 'd');
    });

    it('matches folded query tokens, Arabic and Kurdish spellings alike, with no wildcards', async () => {
      assert.equal(await names({ qTokens: foldTokens('خضر جیجه') }), 'a');
      assert.equal(await names({ qTokens: foldTokens('قریة خضر') }), 'a');
      assert.equal(await names({ qTokens: foldTokens('الحويجه') }), 'c');
      assert.equal(await names({ qTokens: ['makhmour', 'patrol'] }), 'b');
      assert.equal(await names({ qTokens: ['makhmour', 'diyala'] }), '');
      assert.equal(await names({ qTokens: ['%'] }), 'b');
      assert.equal(await names({ qTokens: ['a_b'] }), 'b');
      assert.equal(await names({ qTokens: ['_'] }), 'b');
      assert.equal(await names({ qTokens: ['a%b'] }), '');
    });

    it('pages with the keyset cursor: every record exactly once, newest first, ties by id', async () => {
      const same = T('2024-05-05T05:05:05Z');
      const items = Array.from({ length: 250 }, (_, i) =>
        makeRecord({ type: 'report', createdAt: T(`2024-04-01T00:00:00Z`), index: { tStart: i % 5 === 0 ? same : new Date(Date.UTC(2024, 0, 1) + i * 3_600_000).toISOString() } }),
      );
      await insertAll(store(), items);
      const seen: StoredRecord[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await store().listRecords({ type: 'report', filter: viewer, limit: 7, ...(cursor ? { cursor } : {}) });
        seen.push(...page.items);
        cursor = page.nextCursor ?? undefined;
        pages++;
      } while (cursor);
      assert.equal(pages, Math.ceil(250 / 7));
      assert.equal(new Set(seen.map((r) => r.id)).size, 250);
      const key = (id: string): string => {
        const item = items.find((x) => x.rec.id === id)!;
        return `${item.index.tStart}|${id}`;
      };
      const keys = seen.map((r) => key(r.id));
      assert.deepEqual(keys, [...keys].sort().reverse());
      assert.equal(await store().countRecords({ type: 'report', filter: viewer }), 250);
    });

    it('refuses a malformed cursor or limit with VALIDATION', async () => {
      const bad = (e: { code?: string }) => e.code === 'VALIDATION';
      await assert.rejects(store().listRecords({ type: 'incident', filter: viewer, limit: 10, cursor: 'not a cursor!' }), bad);
      await assert.rejects(store().listRecords({ type: 'incident', filter: viewer, limit: 10, cursor: Buffer.from('no-bar').toString('base64url') }), bad);
      await assert.rejects(store().listRecords({ type: 'incident', filter: viewer, limit: 0 }), bad);
    });
  });
}

import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Bbox } from '../../core/geo/geometry.ts';
import type { RecordIndex } from '../../core/model/kinds.ts';
import type { StoredRecord } from '../../core/model/common.ts';
import type { RecordListQuery, Store } from '../ports.ts';
import { insertAll, makeRecord, pickOf, prng, viewer, withStore } from './fixtures.ts';

const SEED = Number(process.env['TANSIQ_FILTER_SEED'] ?? 7_2024);
const DAY = 86_400_000;
const T0 = Date.UTC(2023, 0, 1);
const iso = (ms: number): string => new Date(ms).toISOString();
// Coordinates on fine (0.1°) and coarse (1°) cell edges, where a rounding slip would lose records.
const EDGES_X = [43, 43.1, 43.2, 44, 44.3];
const EDGES_Y = [35, 35.1, 35.7, 36];

/** The list filters as plain code: what the SQL (cells, time slices, bounds) must reproduce. */
function matches(q: Pick<RecordListQuery, 'bbox' | 'since' | 'until'>, rec: StoredRecord, index: RecordIndex): boolean {
  if (q.bbox) {
    const b = index.bbox;
    if (!b || b[0] > q.bbox[2] || b[2] < q.bbox[0] || b[1] > q.bbox[3] || b[3] < q.bbox[1]) return false;
  }
  const since = q.since === undefined ? -Infinity : Date.parse(q.since);
  const until = q.until === undefined ? Infinity : Date.parse(q.until);
  if (index.tStart !== null) {
    const end = index.tEnd === null ? Infinity : Date.parse(index.tEnd);
    return Date.parse(index.tStart) <= until && end >= since;
  }
  const updated = Date.parse(rec.updatedAt);
  return updated >= since && updated <= until;
}

/**
 * Random boxes and spans against random bbox/time queries: exercises the spatial cells (points
 * on cell edges, boxes across cells, boxes too big for cells, boxes off the map), the time slices
 * and the span lower bound, paged to the end.
 */
export function filterPropertyContract(open: () => Promise<Store>): void {
  describe('bbox and time filters equal their plain definition (property)', () => {
    const store = withStore(open);
    const rnd = prng(SEED);
    const pick = pickOf(rnd);
    const around = (c: number, spread: number): number => c + (rnd() - 0.5) * 2 * spread;

    const randomBox = (): Bbox | null => {
      const k = rnd();
      if (k < 0.1) return null;
      if (k < 0.5) {
        const [x, y] = [around(44, 1.5), around(35.5, 1.5)];
        return [x, y, x, y];
      }
      if (k < 0.6) {
        // Exactly on fine and coarse cell edges.
        const [x, y] = [pick(EDGES_X), pick(EDGES_Y)];
        return [x, y, x, y];
      }
      if (k < 0.95) {
        const [x, y, w, h] = [around(44, 1.5), around(35.5, 1.5), rnd() * pick([0.05, 0.3, 2, 6]), rnd() * pick([0.05, 0.3, 2])];
        return [x, y, x + w, y + h];
      }
      return [190, 95, 191, 96];
    };

    const records = Array.from({ length: 400 }, () => {
      const created = T0 + Math.floor(rnd() * 700 * DAY);
      const k = rnd();
      const tStart = k < 0.75 ? T0 + Math.floor(rnd() * 700 * DAY) : null;
      const tEnd = tStart === null ? null : k < 0.65 ? tStart + Math.floor(rnd() * pick([0, 3_600_000, 5 * DAY, 90 * DAY])) : null;
      // Untimed records are windowed by updated_at, sometimes long after creation, once in a
      // while before it (a skewed clock).
      const updated = rnd() < 0.1 ? created - Math.floor(rnd() * 10 * DAY) : created + Math.floor(rnd() * pick([0, DAY, 200 * DAY]));
      return makeRecord({
        createdAt: iso(created),
        updatedAt: iso(updated),
        index: { bbox: randomBox(), tStart: tStart === null ? null : iso(tStart), tEnd: tEnd === null ? null : iso(tEnd) },
      });
    });

    before(() => insertAll(store(), records));

    it(`lists and counts exactly the matching records (60 random and 60 cell-edge queries × ${records.length} records, seed ${SEED})`, async () => {
      let total = 0;
      // Boxes that touch the edge points exactly: zero-size, ending there, starting there.
      const edgeBoxes = EDGES_X.flatMap((x) => EDGES_Y.flatMap((y): Bbox[] => [[x, y, x, y], [x - 0.05, y - 0.05, x, y], [x, y, x + 0.05, y + 0.05]]));
      for (let n = 0; n < 60 + edgeBoxes.length; n++) {
        const q: Pick<RecordListQuery, 'bbox' | 'since' | 'until'> = {};
        const size = n < 60 ? pick([null, 0.02, 0.3, 1.5, 3, 400]) : null;
        if (size !== null) {
          const [x, y] = [around(44, 1.5), around(35.5, 1.5)];
          q.bbox = [x - size / 2, y - size / 2, x + size / 2, y + size / 2];
        }
        if (n >= 60) q.bbox = edgeBoxes[n - 60];
        const end = T0 + Math.floor(rnd() * 800 * DAY);
        const len = pick([null, 0, DAY, 30 * DAY, 365 * DAY]);
        if (len !== null && n < 60) {
          if (rnd() < 0.8) q.until = iso(end);
          if (rnd() < 0.8) q.since = iso(end - len);
        }
        const expected = records.filter((r) => matches(q, r.rec, r.index)).map((r) => r.rec.id).sort();
        total += expected.length;

        const limit = 1 + Math.floor(rnd() * 50);
        const got: string[] = [];
        let cursor: string | undefined;
        do {
          const page = await store().listRecords({ type: 'incident', filter: viewer, limit, ...q, ...(cursor ? { cursor } : {}) });
          got.push(...page.items.map((r) => r.id));
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        const why = `seed ${SEED}, query #${n} ${JSON.stringify({ ...q, limit })}`;
        assert.equal(new Set(got).size, got.length, `a record came twice: ${why}`);
        assert.deepEqual([...got].sort(), expected, `list differs: ${why}`);
        assert.equal(await store().countRecords({ type: 'incident', filter: viewer, ...q }), expected.length, `count differs: ${why}`);
      }
      assert.ok(total > 60, `degenerate data: ${total} matches in all`);
    });
  });
}

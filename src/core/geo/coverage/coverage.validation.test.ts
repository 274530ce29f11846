/** Bad input gets a clear VALIDATION error naming the field; oversized jobs are refused before allocating. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isTansiqError } from '../../errors.ts';
import { computeCoverage, prepareCoverage } from './coverage.ts';
import type { CoverageInput } from './coverage.types.ts';
import { at, rectangle } from './coverage-test.util.ts';

const base: CoverageInput = { region: rectangle(-10_000, -10_000, 10_000, 10_000), sources: [], nowMs: Date.UTC(2021, 11, 31) };

function assertRefused(input: unknown, path: string, message: RegExp): void {
  assert.throws(() => computeCoverage(input as CoverageInput), (e: unknown) => {
    assert.ok(isTansiqError(e), `a TansiqError, got ${String(e)}`);
    assert.equal(e.code, 'VALIDATION');
    assert.ok(e.fields.some((f) => f.path.startsWith(path)), `a field at ${path}: ${JSON.stringify(e.fields)}`);
    assert.match(e.message, message);
    return true;
  });
}

const circleAt = (center: unknown, radiusM: unknown = 1_000): CoverageInput => ({ ...base, sources: [{ party: 'peshmerga', kind: 'circle', center, radiusM } as never] });

test('a self-intersecting (bow-tie) region is refused', () => {
  const bowTie = { type: 'Polygon', coordinates: [[at(0, 0), at(10_000, 10_000), at(10_000, 0), at(0, 10_000), at(0, 0)]] };
  assertRefused({ ...base, region: bowTie }, 'region', /intersects itself/);
});

test('empty and unclosed polygons are refused', () => {
  assertRefused({ ...base, region: { type: 'Polygon', coordinates: [] } }, 'region', /at least one ring/);
  assertRefused({ ...base, region: { type: 'Polygon', coordinates: [[at(0, 0), at(1_000, 0), at(0, 1_000)]] } }, 'region', /ring needs at least 4/);
  assertRefused({ ...base, region: undefined }, 'region', /region/);
});

test('zero, negative and non-numeric radii are refused', () => {
  assertRefused(circleAt(at(0, 0), 0), 'sources.0.radiusM', /greater than 0/);
  assertRefused(circleAt(at(0, 0), -5), 'sources.0.radiusM', /greater than 0/);
  assertRefused(circleAt(at(0, 0), NaN), 'sources.0.radiusM', /finite number/);
  assertRefused(circleAt(at(0, 0), '500'), 'sources.0.radiusM', /finite number/);
});

test('NaN coordinates and points outside UTM zone 38 are refused', () => {
  assertRefused(circleAt([NaN, 35]), 'sources.0.center', /finite numbers/);
  assertRefused(circleAt([44]), 'sources.0.center', /finite numbers/);
  assertRefused(circleAt([30, 35]), 'sources.0.center', /more than 9° from UTM zone 38/);
  assertRefused(circleAt([45, 85]), 'sources.0.center', /latitude 85/);
  assertRefused({ ...base, incidents: [{ id: 'a', point: [60, 35], atMs: 0 }] }, 'incidents.0.point', /central meridian/);
});

test('unknown parties and kinds, and malformed corridors, are refused', () => {
  assertRefused({ ...base, sources: [{ party: 'other', kind: 'circle', center: at(0, 0), radiusM: 1 }] }, 'sources.0.party', /peshmerga, federal/);
  assertRefused({ ...base, sources: [{ party: 'federal', kind: 'blob' }] }, 'sources.0.kind', /circle, corridor or polygon/);
  assertRefused({ ...base, sources: [{ party: 'federal', kind: 'corridor', route: { type: 'LineString', coordinates: [at(0, 0)] }, widthM: 100 }] }, 'sources.0.route', /2 distinct positions/);
  assertRefused({ ...base, sources: [{ party: 'federal', kind: 'corridor', route: { type: 'LineString', coordinates: [at(0, 0), at(1, 1)] }, widthM: 0 }] }, 'sources.0.widthM', /greater than 0/);
});

test('bad options are refused with their range', () => {
  assertRefused({ ...base, cellM: 0 }, 'cellM', /at least 1/);
  assertRefused({ ...base, nowMs: undefined }, 'nowMs', /finite number/);
  assertRefused({ ...base, halfLifeDays: 0 }, 'halfLifeDays', /greater than 0/);
  assertRefused({ ...base, maxCells: 1e12 }, 'maxCells', /at most 128,000,000/);
  assertRefused(null, '(body)', /object/);
});

test('a region of about 1,000,000 km² is refused with the cell count, before allocating', () => {
  const huge = { type: 'Polygon', coordinates: [[[39, 29], [48.5, 29], [48.5, 37.5], [39, 37.5], [39, 29]]] };
  assertRefused({ ...base, region: huge }, 'cellM', /needs [\d,]+ cells .* the limit is 64,000,000: use cells of at least \d+ m/);
});

test('1 m cells over a large region are refused; the same region at 100 m is accepted', () => {
  const region = rectangle(-50_000, -50_000, 50_000, 50_000, 5_000);
  assertRefused({ ...base, region, cellM: 1 }, 'cellM', /10,000,\d{3},\d{3} cells/);
  // 1,000 × 1,000 cells, plus a row and a column where the snapped grid origin falls.
  const { cells } = prepareCoverage({ ...base, region, cellM: 100 });
  assert.ok(cells >= 1_000 ** 2 && cells <= 1_002 ** 2, `${cells} cells`);
});

test('too many shapes for the grid are refused before rasterising', () => {
  const sources = Array.from({ length: 60_000 }, () => ({ party: 'peshmerga' as const, kind: 'circle' as const, center: at(0, 0), radiusM: 400_000 }));
  const region = rectangle(-200_000, -200_000, 200_000, 200_000, 10_000);
  assertRefused({ ...base, region, sources, cellM: 100 }, 'sources', /would cross [\d,]+ cell rows/);
});

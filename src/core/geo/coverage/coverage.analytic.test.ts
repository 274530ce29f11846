/** The engine against answers known in closed form, in UTM 38N metres (DESIGN §6). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { computeCoverage } from './coverage.ts';
import type { CoverageInput, CoverageSource } from './coverage.types.ts';
import { at, rectangle, utmDistance } from './coverage-test.util.ts';

const REGION = rectangle(-30_000, -30_000, 30_000, 30_000);
const NOW = Date.UTC(2021, 11, 31);
const km2 = (m2: number): number => m2 / 1e6;

function run(sources: CoverageSource[], extra: Partial<CoverageInput> = {}): ReturnType<typeof computeCoverage> {
  return computeCoverage({ region: REGION, sources, nowMs: NOW, ...extra });
}

function assertClose(actual: number, expected: number, relative: number, what: string): void {
  assert.ok(Math.abs(actual - expected) <= relative * expected, `${what}: ${actual} vs ${expected} (${((100 * (actual - expected)) / expected).toFixed(4)} %)`);
}

const circle = (party: 'peshmerga' | 'federal', dx: number, dy: number, radiusM: number): CoverageSource => ({ party, kind: 'circle', center: at(dx, dy), radiusM });

test('one circle covers πr² within 0.1 %, and the rest of the region is the gap', () => {
  const r = run([circle('peshmerga', 1_234, -567, 10_000)]);
  assertClose(r.areas.peshmergaOnlyKm2, km2(Math.PI * 1e8), 0.001, 'circle');
  assertClose(r.areas.regionKm2, 3_600, 0.001, 'region');
  assert.equal(r.areas.federalOnlyKm2, 0);
  assert.equal(r.areas.bothKm2, 0);
  assert.equal(r.gaps.length, 1);
  const gap = r.gaps[0]!;
  assert.equal(gap.geometry.type, 'Polygon');
  assert.equal(gap.geometry.coordinates.length, 2, 'the circle is a hole in the gap');
  assertClose(gap.areaKm2, r.areas.noneKm2, 1e-12, 'gap area');
});

test('small cells converge: a 1.5 km circle at 25 m is within 0.1 %', () => {
  const r = run([circle('federal', 0, 0, 1_500)], { cellM: 25 });
  assertClose(r.areas.federalOnlyKm2, km2(Math.PI * 1_500 ** 2), 0.001, 'circle');
});

test('two disjoint circles add up; overlapping circles of both parties give the lens as "both"', () => {
  const disjoint = run([circle('peshmerga', -10_000, 0, 6_000), circle('peshmerga', 10_000, 0, 8_000)]);
  assertClose(disjoint.areas.peshmergaOnlyKm2, km2(Math.PI * (36e6 + 64e6)), 0.001, 'two circles');
  const d = 6_000, r = 5_000;
  const lens = 2 * r * r * Math.acos(d / (2 * r)) - (d / 2) * Math.sqrt(4 * r * r - d * d);
  const both = run([circle('peshmerga', -3_000, 0, r), circle('federal', 3_000, 0, r)]);
  assertClose(both.areas.bothKm2, km2(lens), 0.002, 'lens');
  assertClose(both.areas.peshmergaOnlyKm2, km2(Math.PI * r * r - lens), 0.001, 'peshmerga only');
});

test('a corridor covers length × width plus the two round caps (πw²/4)', () => {
  // Not a lattice-friendly slope (like 2/5), which would alias with the cell centres.
  const route = [at(-20_000, -5_017), at(15_321, 9_137)];
  const w = 1_000;
  const r = run([{ party: 'federal', kind: 'corridor', route: { type: 'LineString', coordinates: route }, widthM: w }]);
  assertClose(r.areas.federalOnlyKm2, km2(utmDistance(route[0]!, route[1]!) * w + (Math.PI * w * w) / 4), 0.001, 'corridor');
});

test('a circle crossing the region edge counts only the part inside', () => {
  const radius = 8_000, d = 3_000;
  // Centre 3 km inside the east edge (x = 30 km): the outside cap is r²·acos(d/r) − d·√(r² − d²).
  const cap = radius * radius * Math.acos(d / radius) - d * Math.sqrt(radius * radius - d * d);
  const r = run([circle('peshmerga', 30_000 - d, 0, radius)]);
  assertClose(r.areas.peshmergaOnlyKm2, km2(Math.PI * radius * radius - cap), 0.001, 'clipped circle');
});

test('polygons held by a party count as covered, with their holes left out', () => {
  const outer = rectangle(-10_000, -10_000, 10_000, 10_000).coordinates[0]!;
  const hole = [...rectangle(-5_000, -5_000, 5_000, 5_000).coordinates[0]!].reverse();
  const r = run([{ party: 'peshmerga', kind: 'polygon', area: { type: 'Polygon', coordinates: [outer, hole] } }]);
  assertClose(r.areas.peshmergaOnlyKm2, 400 - 100, 0.001, 'polygon with hole');
  assert.equal(r.gaps.length, 2, 'the region round the square and the hole inside it');
});

test('the strip between two parallel lines s apart, at depth D, is 2D − s wide', () => {
  const D = 10_000, s = 12_000;
  const line = (y: number): { type: 'LineString'; coordinates: number[][] } => ({ type: 'LineString', coordinates: [at(-60_000, y), at(60_000, y)] });
  const r = run([], { forceLines: [{ party: 'peshmerga', geometry: line(s / 2) }, { party: 'federal', geometry: line(-s / 2) }], stripDepthM: D });
  assert.ok(r.strip);
  assertClose(r.strip.areaKm2, km2(60_000 * (2 * D - s)), 0.002, 'strip area');
  assertClose(r.strip.meanWidthKm, (2 * D - s) / 1000, 0.01, 'mean width');
  assert.ok(r.strip.widthProfile.length > 10);
  assert.equal(r.strip.geometry?.type, 'Polygon');
  assert.equal(r.gaps[0]!.inStripShare, Math.round((r.strip.areaKm2 / 3_600) * 1e4) / 1e4, 'the one gap is the whole region');
});

test('held areas are not part of the strip', () => {
  const held = rectangle(-60_000, 2_000, 60_000, 40_000);
  const line = { type: 'LineString' as const, coordinates: [at(-60_000, -6_000), at(60_000, -6_000)] };
  const r = run([], { forceLines: [{ party: 'peshmerga', geometry: held }, { party: 'federal', geometry: line }], stripDepthM: 10_000 });
  // Within 10 km of the held area's edge (y = 2 km) and of the line (y = −6 km), outside the area: y in [−8, 2] km.
  assertClose(r.strip!.areaKm2, km2(60_000 * 10_000), 0.002, 'strip area');
});

test('gaps are ranked by decayed incident weight per area, with the explanation', () => {
  // A corridor splits the region into a west and an east gap; incidents fall in the east one.
  const corridor: CoverageSource = { party: 'federal', kind: 'corridor', route: { type: 'LineString', coordinates: [at(0, -40_000), at(0, 40_000)] }, widthM: 2_000 };
  const day = 86_400_000;
  const incidents = [
    { id: 'old', point: at(15_000, 0), atMs: NOW - 60 * day, weight: 2 },
    { id: 'new', point: at(16_000, 1_000), atMs: NOW - 1 * day },
    { id: 'edge', point: at(-2_500, 0), atMs: NOW },
  ];
  const r = run([corridor], { incidents, halfLifeDays: 30, nearM: 2_000 });
  assert.equal(r.gaps.length, 2);
  const [first, second] = r.gaps as [typeof r.gaps[0], typeof r.gaps[0]];
  assert.equal(first.rank, 1);
  assert.ok(first.centroid[0]! > second.centroid[0]!, 'the east gap ranks first');
  assert.deepEqual(first.explanation.incidentIds, ['new', 'old']);
  assert.equal(first.explanation.incidentsInside, 2);
  const weighted = 2 * 0.5 ** 2 + 0.5 ** (1 / 30);
  assertClose(first.explanation.weightedIncidents, weighted, 1e-6, 'weighted');
  assertClose(first.risk, (weighted / first.areaKm2) * 100, 1e-4, 'risk');
  assert.equal(first.explanation.daysSinceLast, 1);
  // 'edge' lies 1.5 km west of the corridor's edge: inside the west gap.
  assert.equal(second.explanation.incidentsInside, 1);
  assert.equal(second.explanation.daysSinceLast, 0);
});

test('an incident on covered ground counts as near every gap within nearM', () => {
  const corridor: CoverageSource = { party: 'federal', kind: 'corridor', route: { type: 'LineString', coordinates: [at(0, -40_000), at(0, 40_000)] }, widthM: 2_000 };
  const r = run([corridor], { incidents: [{ id: 'road', point: at(0, 0), atMs: NOW }], nearM: 1_500 });
  assert.deepEqual(r.gaps.map((g) => [g.explanation.incidentsInside, g.explanation.incidentsNear]), [[0, 1], [0, 1]]);
  const far = run([corridor], { incidents: [{ id: 'road', point: at(0, 0), atMs: NOW }], nearM: 500 });
  assert.deepEqual(far.gaps.map((g) => g.explanation.incidentsNear), [0, 0]);
});

test('the same input gives the same output', () => {
  const sources = [circle('peshmerga', -5_000, 2_000, 7_000), circle('federal', 6_000, -1_000, 9_000)];
  const strip = (r: ReturnType<typeof run>): unknown => ({ ...r, timings: null });
  assert.deepEqual(strip(run(sources)), strip(run(sources)));
});

test('without lines of both parties there is no strip; a MultiLineString line counts as its parts', () => {
  const lines = { type: 'MultiLineString' as const, coordinates: [[at(-60_000, 5_000), at(0, 5_000)], [at(0, 5_000), at(60_000, 5_000)]] };
  assert.equal(run([], { forceLines: [{ party: 'peshmerga', geometry: lines }] }).strip, null);
  const both = run([], { forceLines: [{ party: 'peshmerga', geometry: lines }, { party: 'federal', geometry: { type: 'LineString', coordinates: [at(-60_000, -5_000), at(60_000, -5_000)] } }] });
  assertClose(both.strip!.areaKm2, km2(60_000 * 10_000), 0.002, 'strip between lines 10 km apart');
});

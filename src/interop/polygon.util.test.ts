import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isTansiqError } from '../core/errors.ts';
import { featureFailer } from './importer.util.ts';
import type { PolygonalGeometry } from './polygon.util.ts';
import { measurePolygonal, polygonalGeometry } from './polygon.util.ts';

// The authalic radius the brief prescribes; the expected values below are computed from it.
const AUTHALIC_RADIUS_M = 6371007.2;
const polygonAreaKm2 = (rings: number[][][]): number => measurePolygonal({ type: 'Polygon', coordinates: rings }).areaKm2;
const geometryAreaKm2 = (g: PolygonalGeometry): number => measurePolygonal(g).areaKm2;
const bboxOf = (g: PolygonalGeometry): number[] => measurePolygonal(g).bbox;

const fail = featureFailer('test.geojson', 7);
const square = (lon: number, lat: number, size: number): number[][] => [
  [lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat],
];
const near = (actual: number, expected: number, relative: number): void =>
  assert.ok(Math.abs(actual - expected) <= Math.abs(expected) * relative, `${actual} is not within ${relative * 100}% of ${expected}`);

test('a spherical octant has exactly one eighth of the sphere’s area', () => {
  const octant = [[0, 0], [90, 0], [0, 90], [0, 0]];
  const expected = (4 * Math.PI * AUTHALIC_RADIUS_M ** 2) / 8 / 1e6;
  near(polygonAreaKm2([octant]), expected, 1e-12);
});

test('area does not depend on ring winding', () => {
  const ring = square(44, 35, 1);
  near(polygonAreaKm2([[...ring].reverse()]), polygonAreaKm2([ring]), 1e-12);
});

test('a 1° cell at 35°N has the area of its spherical zone slice (great-circle edges bulge a little)', () => {
  const zone = (AUTHALIC_RADIUS_M ** 2 * (Math.PI / 180) * (Math.sin((36 * Math.PI) / 180) - Math.sin((35 * Math.PI) / 180))) / 1e6;
  near(polygonAreaKm2([square(44, 35, 1)]), zone, 2e-3);
});

test('holes are subtracted and the parts of a MultiPolygon added', () => {
  const outer = square(44, 35, 1);
  const hole = square(44.25, 35.25, 0.5);
  const withHole = polygonAreaKm2([outer, hole]);
  near(withHole, polygonAreaKm2([outer]) - polygonAreaKm2([hole]), 1e-12);
  const multi = geometryAreaKm2({ type: 'MultiPolygon', coordinates: [[outer, hole], [square(46, 35, 0.5)]] });
  near(multi, withHole + polygonAreaKm2([square(46, 35, 0.5)]), 1e-12);
});

test('a polygon across the antimeridian is measured the short way round', () => {
  const across = [[179.5, 10], [-179.5, 10], [-179.5, 11], [179.5, 11], [179.5, 10]];
  near(polygonAreaKm2([across]), polygonAreaKm2([square(10, 10, 1)]), 1e-9);
});

test('bbox spans every part of a MultiPolygon', () => {
  assert.deepEqual(bboxOf({ type: 'MultiPolygon', coordinates: [[square(44, 35, 1)], [square(46, 34, 0.5)]] }), [44, 34, 46.5, 36]);
});

test('polygonalGeometry accepts Polygon and MultiPolygon, keeping the coordinates as they are', () => {
  const polygon = { type: 'Polygon', coordinates: [square(44, 35, 1)], bbox: [44, 35, 45, 36] };
  assert.deepEqual(polygonalGeometry(polygon, fail), { type: 'Polygon', coordinates: polygon.coordinates });
  const multi = { type: 'MultiPolygon', coordinates: [[square(44, 35, 1)]] };
  assert.equal(polygonalGeometry(multi, fail).coordinates, multi.coordinates);
});

test('polygonalGeometry names the feature and the offending coordinate', () => {
  const cases: [unknown, RegExp, string][] = [
    [null, /missing geometry/, 'features.7.geometry'],
    [{ type: 'Point', coordinates: [44, 35] }, /"Point" is not Polygon or MultiPolygon/, 'features.7.geometry.type'],
    [{ type: 'Polygon', coordinates: [] }, /at least one ring/, 'features.7.geometry.coordinates'],
    [{ type: 'Polygon', coordinates: [[[44, 35], [45, 35], [44, 35]]] }, /at least 4 positions/, 'features.7.geometry.coordinates.0'],
    [{ type: 'Polygon', coordinates: [[[44, 35], [45, 35], [45, 36], [44, 36]]] }, /not closed/, 'features.7.geometry.coordinates.0'],
    [{ type: 'Polygon', coordinates: [[[44, 35], [45, 95], [45, 36], [44, 35]]] }, /latitude 95/, 'features.7.geometry.coordinates.0.1'],
    [{ type: 'Polygon', coordinates: [[[44, 35], [45, 35], ['x', 36], [44, 35]]] }, /longitude x/, 'features.7.geometry.coordinates.0.2'],
    [{ type: 'MultiPolygon', coordinates: [[square(44, 35, 1)], [[[44, 35], [null, 35], [45, 36], [44, 35]]]] }, /longitude null/, 'features.7.geometry.coordinates.1.0.1'],
  ];
  for (const [geometry, message, path] of cases) {
    assert.throws(
      () => polygonalGeometry(geometry, fail),
      (e: unknown) => isTansiqError(e) && e.code === 'VALIDATION' && message.test(e.message) && e.message.startsWith('test.geojson: features[7]') && e.fields[0]?.path === path,
      `${JSON.stringify(geometry)} → ${path}`,
    );
  }
});

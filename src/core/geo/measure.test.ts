import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { bboxOf, centroidOf, geodesicAreaKm2, haversineM, planarRingArea, pointInArea, ringSide } from './measure.ts';
import type { MultiPolygon, Polygon, Ring } from './types.ts';

const R_AUTHALIC = 6_371_007.2;
const RAD = Math.PI / 180;

const box = (minLon: number, minLat: number, maxLon: number, maxLat: number): Ring => [
  [minLon, minLat], [maxLon, minLat], [maxLon, maxLat], [minLon, maxLat], [minLon, minLat],
];
const polygon = (...rings: Ring[]): Polygon => ({ type: 'Polygon', coordinates: rings });
/** Area of a box bounded by meridians and parallels on the authalic sphere, in km². */
const zoneAreaKm2 = (dLon: number, lat1: number, lat2: number): number =>
  (R_AUTHALIC ** 2 * dLon * RAD * (Math.sin(lat2 * RAD) - Math.sin(lat1 * RAD))) / 1e6;
const near = (actual: number, expected: number, relative: number): void =>
  assert.ok(Math.abs(actual - expected) <= Math.abs(expected) * relative, `${actual} is not within ${relative * 100}% of ${expected}`);

describe('bboxOf', () => {
  it('covers every position of every geometry type', () => {
    assert.deepEqual(bboxOf({ type: 'Point', coordinates: [44.39, 35.47] }), [44.39, 35.47, 44.39, 35.47]);
    assert.deepEqual(bboxOf({ type: 'LineString', coordinates: [[44, 35], [45.5, 34.2, 300], [43.9, 36]] }), [43.9, 34.2, 45.5, 36]);
    const multi: MultiPolygon = { type: 'MultiPolygon', coordinates: [[box(44, 35, 45, 36)], [box(42, 33, 42.5, 33.5)]] };
    assert.deepEqual(bboxOf(multi), [42, 33, 45, 36]);
    assert.deepEqual(bboxOf({ type: 'MultiLineString', coordinates: [[[44, 35], [45, 36]], [[46, 30], [46.5, 30]]] }), [44, 30, 46.5, 36]);
  });
});

describe('planarRingArea', () => {
  it('is positive counter-clockwise and negative clockwise', () => {
    assert.equal(planarRingArea(box(44, 35, 46, 36)), 2);
    assert.equal(planarRingArea([...box(44, 35, 46, 36)].reverse()), -2);
  });

  it('keeps precision for a tiny ring far from the origin', () => {
    const tiny = box(44.39, 35.47, 44.39 + 1e-6, 35.47 + 1e-6);
    near(planarRingArea(tiny), 1e-12, 1e-6);
  });
});

describe('centroidOf', () => {
  it('returns the point for a point and the vertex mean for lines', () => {
    assert.deepEqual(centroidOf({ type: 'Point', coordinates: [44.39, 35.47, 250] }), [44.39, 35.47]);
    assert.deepEqual(centroidOf({ type: 'LineString', coordinates: [[44, 35], [45, 35], [45, 38]] }), [44 + 2 / 3, 36]);
    assert.deepEqual(centroidOf({ type: 'MultiLineString', coordinates: [[[0, 0], [2, 0]], [[2, 2], [4, 2]]] }), [2, 1]);
  });

  it('weights polygons by area, not by vertex count', () => {
    // Extra vertices along the bottom edge would pull a vertex mean down.
    const square: Ring = [[0, 0], [1, 0], [2, 0], [3, 0], [4, 0], [4, 4], [0, 4], [0, 0]];
    const [x, y] = centroidOf(polygon(square));
    near(x, 2, 1e-12);
    near(y, 2, 1e-12);
  });

  it('computes an L-shape and is independent of orientation', () => {
    const l: Ring = [[0, 0], [2, 0], [2, 1], [1, 1], [1, 2], [0, 2], [0, 0]];
    // Three unit squares centred at (0.5, 0.5), (1.5, 0.5) and (0.5, 1.5).
    for (const ring of [l, [...l].reverse()]) {
      const [x, y] = centroidOf(polygon(ring));
      near(x, 2.5 / 3, 1e-12);
      near(y, 2.5 / 3, 1e-12);
    }
  });

  it('subtracts holes', () => {
    const [x, y] = centroidOf(polygon(box(0, 0, 4, 4), [...box(2, 0.5, 3.5, 3.5)].reverse()));
    // Outer 16 at (2,2) minus hole 4.5 at (2.75,2): (32 − 12.375) / 11.5.
    near(x, (32 - 12.375) / 11.5, 1e-12);
    near(y, 2, 1e-12);
  });

  it('weights the polygons of a multi-polygon by their areas', () => {
    const [x, y] = centroidOf({ type: 'MultiPolygon', coordinates: [[box(0, 0, 2, 2)], [box(10, 0, 11, 1)]] });
    near(x, (4 * 1 + 1 * 10.5) / 5, 1e-12);
    near(y, (4 * 1 + 1 * 0.5) / 5, 1e-12);
  });

  it('works at Kirkuk coordinates', () => {
    const [x, y] = centroidOf(polygon(box(44.3, 35.4, 44.5, 35.5)));
    near(x, 44.4, 1e-12);
    near(y, 35.45, 1e-12);
  });
});

describe('pointInArea', () => {
  const withHole = polygon(box(44, 35, 45, 36), box(44.4, 35.4, 44.6, 35.6));

  it('is true inside the outer ring and false in a hole or outside', () => {
    assert.equal(pointInArea(44.2, 35.2, withHole), true);
    assert.equal(pointInArea(44.5, 35.5, withHole), false);
    assert.equal(pointInArea(45.2, 35.5, withHole), false);
    assert.equal(pointInArea(44.5, 36.01, withHole), false);
  });

  it('does not depend on ring orientation', () => {
    const reversed = polygon([...box(44, 35, 45, 36)].reverse(), [...box(44.4, 35.4, 44.6, 35.6)].reverse());
    assert.equal(pointInArea(44.2, 35.2, reversed), true);
    assert.equal(pointInArea(44.5, 35.5, reversed), false);
  });

  it('checks every polygon of a multi-polygon', () => {
    const multi: MultiPolygon = { type: 'MultiPolygon', coordinates: [[box(44, 35, 45, 36)], [box(43, 33, 43.5, 33.5)]] };
    assert.equal(pointInArea(43.2, 33.2, multi), true);
    assert.equal(pointInArea(44.5, 35.5, multi), true);
    assert.equal(pointInArea(43.7, 33.2, multi), false);
  });

  it('handles a concave outline', () => {
    const c = polygon([[0, 0], [3, 0], [3, 1], [1, 1], [1, 2], [3, 2], [3, 3], [0, 3], [0, 0]]);
    assert.equal(pointInArea(2, 1.5, c), false);
    assert.equal(pointInArea(0.5, 1.5, c), true);
    assert.equal(pointInArea(2, 2.5, c), true);
  });
});

describe('ringSide', () => {
  it('tells inside, outside and boundary apart', () => {
    const ring = box(0, 0, 4, 4);
    assert.equal(ringSide(2, 2, ring), 1);
    assert.equal(ringSide(5, 2, ring), -1);
    assert.equal(ringSide(4, 2, ring), 0);
    assert.equal(ringSide(0, 0, ring), 0);
    assert.equal(ringSide(2, 0, ring), 0);
  });
});

describe('geodesicAreaKm2', () => {
  it('gives about 12,364 km² for a 1°×1° box at the equator', () => {
    const km2 = geodesicAreaKm2(polygon(box(0, 0, 1, 1)));
    near(km2, 12_364, 0.005);
    // Edges are great circles, not parallels, so the match with the zone formula is close, not exact.
    near(km2, zoneAreaKm2(1, 0, 1), 1e-4);
  });

  it('shrinks with cos(latitude): a 1°×1° box at 36°–37° N', () => {
    const equator = geodesicAreaKm2(polygon(box(0, 0, 1, 1)));
    const kirkuk = geodesicAreaKm2(polygon(box(44, 36, 45, 37)));
    near(kirkuk, zoneAreaKm2(1, 36, 37), 1e-4);
    near(kirkuk / equator, Math.cos(36.5 * RAD), 0.005);
  });

  it('measures a small square precisely', () => {
    // About 900 m × 1,100 m near Kirkuk.
    const small = polygon(box(44.39, 35.47, 44.4, 35.48));
    near(geodesicAreaKm2(small), zoneAreaKm2(0.01, 35.47, 35.48), 1e-6);
  });

  it('does not depend on ring orientation', () => {
    const ring = box(44, 35, 45, 36);
    assert.equal(geodesicAreaKm2(polygon([...ring].reverse())), geodesicAreaKm2(polygon(ring)));
  });

  it('subtracts holes and adds the polygons of a multi-polygon', () => {
    const outer = box(44, 35, 45, 36);
    const hole = box(44.25, 35.25, 44.75, 35.75);
    const outerKm2 = geodesicAreaKm2(polygon(outer));
    const holeKm2 = geodesicAreaKm2(polygon(hole));
    near(geodesicAreaKm2(polygon(outer, hole)), outerKm2 - holeKm2, 1e-12);
    near(geodesicAreaKm2(polygon(outer, [...hole].reverse())), outerKm2 - holeKm2, 1e-12);
    const multi: MultiPolygon = { type: 'MultiPolygon', coordinates: [[outer, hole], [box(40, 30, 40.5, 30.5)]] };
    near(geodesicAreaKm2(multi), outerKm2 - holeKm2 + geodesicAreaKm2(polygon(box(40, 30, 40.5, 30.5))), 1e-12);
  });

  it('is far from the Web Mercator answer (which is 1.5× too large here)', () => {
    const km2 = geodesicAreaKm2(polygon(box(44, 35, 45, 36)));
    const mercatorKm2 = zoneAreaKm2(1, 35, 36) / Math.cos(35.5 * RAD) ** 2;
    assert.ok(mercatorKm2 / km2 > 1.45);
  });
});

describe('haversineM', () => {
  it('gives one degree of latitude as about 111.2 km', () => {
    near(haversineM([44, 35], [44, 36]), (6_371_008.8 * Math.PI) / 180, 1e-9);
  });

  it('is zero for the same place and symmetric', () => {
    assert.equal(haversineM([44.39, 35.47], [44.39, 35.47]), 0);
    assert.equal(haversineM([44.39, 35.47], [44.01, 36.19]), haversineM([44.01, 36.19], [44.39, 35.47]));
  });

  it('measures Kirkuk to Erbil at about 87 km and ignores altitude', () => {
    const d = haversineM([44.3922, 35.4681], [44.0092, 36.1911, 420]);
    assert.ok(d > 85_000 && d < 90_000, `${d}`);
  });

  it('shrinks east-west distances with latitude', () => {
    near(haversineM([44, 36], [45, 36]) / haversineM([0, 0], [1, 0]), Math.cos(36 * RAD), 1e-4);
  });
});

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { z } from 'zod';
import {
  anyGeometrySchema,
  areaSchema,
  lineSchema,
  lineStringSchema,
  MAX_POSITIONS,
  multiLineStringSchema,
  multiPolygonSchema,
  pointSchema,
  polygonSchema,
  SERVICE_AREA,
  type Position,
  type Ring,
} from './geometry.ts';

type Issue = { path: PropertyKey[]; message: string };
const issuesOf = (schema: z.ZodType, value: unknown): Issue[] => {
  const r = schema.safeParse(value);
  return r.success ? [] : r.error.issues.map((i) => ({ path: i.path, message: i.message }));
};
const accepts = (schema: z.ZodType, value: unknown): void => assert.deepEqual(issuesOf(schema, value), []);
const rejects = (schema: z.ZodType, value: unknown, message: RegExp, path?: PropertyKey[]): void => {
  const issues = issuesOf(schema, value);
  assert.ok(issues.length > 0, 'expected a rejection');
  const hit = issues.find((i) => message.test(i.message));
  assert.ok(hit, `no issue matches ${message}: ${JSON.stringify(issues)}`);
  if (path) assert.deepEqual(hit.path, path);
};

const KIRKUK: Position = [44.39, 35.47];
const SWAPPED = /coordinates look swapped: GeoJSON order is \[longitude, latitude\]/;
const OUTSIDE = /is outside the service area \(Iraq and its borders\)/;
const point = (coordinates: unknown) => ({ type: 'Point', coordinates });
const line = (coordinates: unknown) => ({ type: 'LineString', coordinates });
const polygon = (...rings: unknown[]) => ({ type: 'Polygon', coordinates: rings });
const box = (minLon: number, minLat: number, maxLon: number, maxLat: number): Ring => [
  [minLon, minLat], [maxLon, minLat], [maxLon, maxLat], [minLon, maxLat], [minLon, minLat],
];
const circle = (n: number, [cx, cy] = KIRKUK, r = 0.2): Ring => {
  const ring: Ring = Array.from({ length: n }, (_, i) => [cx! + r * Math.cos((2 * Math.PI * i) / n), cy! + r * Math.sin((2 * Math.PI * i) / n)]);
  return [...ring, ring[0]!];
};

describe('positions', () => {
  it('accepts a point in Kirkuk, with or without altitude', () => {
    accepts(pointSchema, point(KIRKUK));
    accepts(pointSchema, point([44.39, 35.47, 350]));
    assert.deepEqual(pointSchema.parse(point(KIRKUK)), { type: 'Point', coordinates: KIRKUK });
  });

  it('accepts the corners of the service area', () => {
    accepts(pointSchema, point([SERVICE_AREA.minLon, SERVICE_AREA.minLat]));
    accepts(pointSchema, point([SERVICE_AREA.maxLon, SERVICE_AREA.maxLat]));
  });

  it('recognises latitude-first coordinates', () => {
    rejects(pointSchema, point([35.47, 44.39]), SWAPPED, ['coordinates']);
    const [issue] = issuesOf(pointSchema, point([35.47, 44.39]));
    assert.match(issue!.message, /should be \[44\.39, 35\.47\]/);
  });

  it('rejects latitudes and longitudes out of range', () => {
    rejects(pointSchema, point([44.39, 95]), /latitude 95 is outside \[-90, 90\]/, ['coordinates']);
    rejects(pointSchema, point([44.39, -90.5]), /latitude -90\.5/);
    rejects(pointSchema, point([200, 35]), /longitude 200 is outside \[-180, 180\]/);
  });

  it('rejects places outside the service area, not calling them swapped', () => {
    const paris = point([2.35, 48.85]);
    rejects(pointSchema, paris, OUTSIDE);
    assert.ok(!issuesOf(pointSchema, paris).some((i) => SWAPPED.test(i.message)));
    rejects(pointSchema, point([0, 0]), OUTSIDE);
    rejects(pointSchema, point([37.9, 35]), OUTSIDE);
  });

  it('rejects NaN, infinities, strings, nulls and wrong lengths with type errors', () => {
    for (const bad of [[Number.NaN, 35], [44, Number.POSITIVE_INFINITY], ['44.39', 35.47], [44.39, null], [44.39], [], [44, 35, 1, 2], '44.39,35.47', null, { lon: 44, lat: 35 }]) {
      const issues = issuesOf(pointSchema, point(bad));
      assert.ok(issues.length > 0, JSON.stringify(bad));
      assert.ok(issues.every((i) => !SWAPPED.test(i.message) && !OUTSIDE.test(i.message)), JSON.stringify(issues));
    }
    rejects(pointSchema, point([44.39]), /a position is \[longitude, latitude\]/);
    rejects(pointSchema, point(['44.39', 35.47]), /expected number, received string/, ['coordinates', 0]);
    rejects(pointSchema, point([44.39, Number.NaN]), /expected number, received NaN/, ['coordinates', 1]);
  });

  it('is strict about the object', () => {
    rejects(pointSchema, { ...point(KIRKUK), properties: {} }, /Unrecognized key/);
    rejects(pointSchema, { type: 'point', coordinates: KIRKUK }, /Point/);
    rejects(pointSchema, { coordinates: KIRKUK }, /Point/);
  });

  it('points at the offending position in a polygon', () => {
    const ring = box(44, 35, 45, 36);
    ring[3] = [36, 44];
    rejects(polygonSchema, polygon(ring), SWAPPED, ['coordinates', 0, 3]);
  });

  it('reports ten bad positions and sums up the rest', () => {
    const swapped = Array.from({ length: 500 }, (_, i) => [35 + i / 1000, 44]);
    const issues = issuesOf(lineStringSchema, line(swapped));
    assert.equal(issues.length, 11);
    assert.deepEqual(issues[0]!.path, ['coordinates', 0]);
    assert.deepEqual(issues[10], { path: ['coordinates'], message: '490 more positions have problems' });
  });

  it(`limits a geometry to ${MAX_POSITIONS} positions and names the limit`, () => {
    const many = Array.from({ length: MAX_POSITIONS + 1 }, (_, i) => [44 + i / 1e6, 35]);
    rejects(lineStringSchema, line(many), /has 100001 positions; the limit is 100,000 per geometry/, ['coordinates']);
    accepts(lineStringSchema, line(many.slice(0, MAX_POSITIONS)));
  });
});

describe('lines', () => {
  it('accepts a line of two or more positions', () => {
    accepts(lineStringSchema, line([KIRKUK, [44.5, 35.6]]));
    accepts(lineStringSchema, line([KIRKUK, [44.5, 35.6], KIRKUK]));
  });

  it('needs two distinct positions', () => {
    rejects(lineStringSchema, line([KIRKUK]), /needs at least 2 distinct positions/, ['coordinates']);
    rejects(lineStringSchema, line([]), /needs at least 2 distinct positions/);
    // Altitude does not make a position distinct.
    rejects(lineStringSchema, line([[44.39, 35.47, 0], [44.39, 35.47, 100]]), /at least 2 distinct/);
  });

  it('checks each line of a multi-line and points at it', () => {
    const multi = { type: 'MultiLineString', coordinates: [[KIRKUK, [44.5, 35.6]], [KIRKUK, KIRKUK]] };
    rejects(multiLineStringSchema, multi, /line 1 needs at least 2 distinct positions/, ['coordinates', 1]);
    rejects(multiLineStringSchema, { type: 'MultiLineString', coordinates: [[KIRKUK, [35.6, 44.5]]] }, SWAPPED, ['coordinates', 0, 1]);
    rejects(multiLineStringSchema, { type: 'MultiLineString', coordinates: [] }, /needs at least one line/);
  });
});

describe('polygons', () => {
  const shell = box(44, 35, 45, 36);

  it('accepts a simple polygon in either orientation', () => {
    accepts(polygonSchema, polygon(shell));
    accepts(polygonSchema, polygon([...shell].reverse()));
  });

  it('rejects a bow-tie and says where it crosses', () => {
    rejects(polygonSchema, polygon([[44, 35], [45, 36], [45, 35], [44, 36], [44, 35]]), /^ring 0 intersects itself near \[44\.5, 35\.5\]$/);
    rejects(polygonSchema, polygon([[44, 35], [45, 36.5], [45, 35], [44, 36], [44, 35]]), /ring 0 intersects itself near/);
  });

  it('rejects an unclosed ring', () => {
    rejects(polygonSchema, polygon([[44, 35], [45, 35], [45, 36], [44, 36]]), /ring 0 is not closed: its last position must repeat the first/, ['coordinates', 0]);
  });

  it('rejects a ring with fewer than four positions', () => {
    rejects(polygonSchema, polygon([[44, 35], [45, 35], [44, 35]]), /ring 0 has 3 positions; a ring needs at least 4/, ['coordinates', 0]);
  });

  it('rejects a ring without area', () => {
    rejects(polygonSchema, polygon([[44, 35], [44.5, 35.5], [45, 36], [44, 35]]), /ring 0 (has no area|intersects itself)/);
    rejects(polygonSchema, polygon([[44.1, 35.1], [44.2, 35.2], [44.3, 35.3], [44.1, 35.1]]), /ring 0 (has no area|intersects itself)/);
    rejects(polygonSchema, polygon([[44, 35], [45, 35], [44, 35], [44, 35]]), /ring 0 (has no area|intersects itself)/);
  });

  it('rejects a polygon with no rings', () => {
    rejects(polygonSchema, polygon(), /needs at least one ring/);
  });

  it('accepts repeated consecutive positions', () => {
    accepts(polygonSchema, polygon([[44, 35], [44, 35], [45, 35], [45, 36], [45, 36], [44, 36], [44, 35]]));
  });

  it('accepts a hole inside the outer ring, also touching it at one point', () => {
    accepts(polygonSchema, polygon(shell, box(44.25, 35.25, 44.75, 35.75)));
    accepts(polygonSchema, polygon(shell, [[44, 35.5], [44.5, 35.75], [44.5, 35.25], [44, 35.5]]));
  });

  it('rejects a hole crossing the outer ring', () => {
    rejects(polygonSchema, polygon(shell, box(44.5, 35.25, 45.5, 35.75)), /^ring 1 crosses ring 0 near \[45, 35\.(25|75)\]$/);
    const issues = issuesOf(polygonSchema, polygon(shell, box(44.5, 35.25, 45.5, 35.75)));
    assert.equal(issues[0]?.path[1], 1);
  });

  it('rejects a hole lying outside the outer ring', () => {
    rejects(polygonSchema, polygon(shell, box(45.5, 35.25, 45.75, 35.75)), /ring 1 is a hole but lies outside ring 0/, ['coordinates', 1]);
    // Touching the outer ring from outside at a vertex is still outside.
    rejects(polygonSchema, polygon(shell, [[45, 35.5], [45.5, 35.25], [45.5, 35.75], [45, 35.5]]), /ring 1 is a hole but lies outside/);
  });

  it('rejects a hole sharing part of an edge with the outer ring', () => {
    rejects(polygonSchema, polygon(shell, [[44.2, 35], [44.6, 35], [44.4, 35.3], [44.2, 35]]), /ring 1 crosses ring 0/);
  });

  it('accepts a 20,000-vertex circle quickly', () => {
    const start = performance.now();
    accepts(polygonSchema, polygon(circle(20_000)));
    const ms = performance.now() - start;
    // Typically well under 200 ms; the margin absorbs a loaded test machine.
    assert.ok(ms < 1000, `${ms.toFixed(0)} ms`);
  });

  it('accepts a 20,000-vertex circle with a 20,000-vertex hole', () => {
    accepts(polygonSchema, polygon(circle(20_000), circle(20_000, KIRKUK, 0.1).reverse()));
  });

  it('rejects a large circle with a single kink', () => {
    const ring = circle(20_000);
    ring[10_000] = [44.39 + 0.25, 35.47];
    rejects(polygonSchema, polygon(ring), /ring 0 intersects itself near/);
  });
});

describe('polygons too intricate to check', () => {
  it('are refused with advice instead of tying up the server', () => {
    const ring: Ring = [];
    for (let i = 0; i < 40_000; i++) ring.push([44, 35 + i * 2e-5], [45, 35 + i * 2e-5 + 1e-5]);
    ring.push([43.9, 35.8], [43.9, 34.9], [44, 35]);
    const start = performance.now();
    rejects(polygonSchema, polygon(ring), /too intricate to check for crossing edges .*; simplify it/, ['coordinates']);
    assert.ok(performance.now() - start < 2000);
  });
});

describe('multi-polygons', () => {
  it('accepts separate polygons and names the failing one', () => {
    accepts(multiPolygonSchema, { type: 'MultiPolygon', coordinates: [[box(44, 35, 45, 36)], [box(42, 33, 43, 34)]] });
    const bowTie = [[44, 35], [45, 36], [45, 35], [44, 36], [44, 35]];
    rejects(multiPolygonSchema, { type: 'MultiPolygon', coordinates: [[box(42, 33, 43, 34)], [bowTie]] }, /^polygon 1: ring 0 intersects itself/);
    const issues = issuesOf(multiPolygonSchema, { type: 'MultiPolygon', coordinates: [[box(42, 33, 43, 34)], [bowTie]] });
    assert.deepEqual(issues[0]?.path.slice(0, 3), ['coordinates', 1, 0]);
  });

  it('points at a bad position with all four indices', () => {
    const ring = box(44, 35, 45, 36);
    ring[2] = [36, 45];
    rejects(multiPolygonSchema, { type: 'MultiPolygon', coordinates: [[box(42, 33, 43, 34)], [ring]] }, SWAPPED, ['coordinates', 1, 0, 2]);
  });

  it('needs at least one polygon with at least one ring', () => {
    rejects(multiPolygonSchema, { type: 'MultiPolygon', coordinates: [] }, /needs at least one polygon/);
    rejects(multiPolygonSchema, { type: 'MultiPolygon', coordinates: [[]] }, /needs at least one ring/);
  });
});

describe('unions', () => {
  const all = {
    Point: point(KIRKUK),
    LineString: line([KIRKUK, [44.5, 35.6]]),
    MultiLineString: { type: 'MultiLineString', coordinates: [[KIRKUK, [44.5, 35.6]]] },
    Polygon: polygon(box(44, 35, 45, 36)),
    MultiPolygon: { type: 'MultiPolygon', coordinates: [[box(44, 35, 45, 36)]] },
  };

  it('areaSchema takes polygons only', () => {
    accepts(areaSchema, all.Polygon);
    accepts(areaSchema, all.MultiPolygon);
    for (const g of [all.Point, all.LineString, all.MultiLineString]) assert.ok(issuesOf(areaSchema, g).length > 0);
  });

  it('lineSchema takes lines only', () => {
    accepts(lineSchema, all.LineString);
    accepts(lineSchema, all.MultiLineString);
    for (const g of [all.Point, all.Polygon]) assert.ok(issuesOf(lineSchema, g).length > 0);
  });

  it('anyGeometrySchema takes every type and still validates the shape', () => {
    for (const g of Object.values(all)) accepts(anyGeometrySchema, g);
    rejects(anyGeometrySchema, polygon([[44, 35], [45, 36], [45, 35], [44, 36], [44, 35]]), /intersects itself/);
    rejects(anyGeometrySchema, point([35.47, 44.39]), SWAPPED);
    assert.ok(issuesOf(anyGeometrySchema, { type: 'GeometryCollection', geometries: [] }).length > 0);
  });
});

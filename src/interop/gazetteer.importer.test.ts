import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { isTansiqError } from '../core/errors.ts';
import { importGazetteer, placesFromGeoJson } from './gazetteer.importer.ts';
import { collectBatches } from './importer.util.ts';

const fixture = (name: string): string => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const isValidation = (pattern: RegExp) => (e: unknown) => isTansiqError(e) && e.code === 'VALIDATION' && pattern.test(e.message);
const point = (properties: Record<string, unknown>, geometry: unknown = { type: 'Point', coordinates: [44, 35] }): unknown => ({
  type: 'FeatureCollection',
  features: [{ type: 'Feature', properties, geometry }],
});

test('gazetteer fixture: names, merged alternate names, kinds, P-codes, ids', async () => {
  const [xizr, hill, crossroads, village] = await collectBatches(importGazetteer(fixture('places.geojson')));
  assert.deepEqual(xizr, {
    id: 'test:khidirjija',
    names: { en: 'Xizr', ar: 'خضر جيجة', ckb: 'خزر', kuLatn: 'Khizir' },
    altNames: ['Khidirjija', 'Khidr Jija', 'خضرجيجة'],
    kind: 'locality',
    lon: 43.68,
    lat: 35.76,
    adm1Pcode: 'IQG11',
    adm2Pcode: 'IQG11Q04',
    adm3Pcode: 'IQG11Q04N03',
    population: null,
    geonamesId: 1000001,
    source: 'hand-made fixture',
  });
  // no id: the GeoNames id; no kind: the GeoNames feature code; alt names flattened to text
  assert.equal(hill?.id, 'geonames:1000002');
  assert.equal(hill?.kind, 'HLL');
  assert.deepEqual(hill?.altNames, ['Tall al Ikhtibar', 'Test Tepe']);
  assert.equal(hill?.population, 0);
  assert.equal(hill?.source, 'places.geojson');
  // neither: a hash of name and position; no kind at all: 'place'; a third coordinate is ignored
  assert.match(crossroads!.id, /^hash:[0-9a-f]{16}$/);
  assert.deepEqual([crossroads?.kind, crossroads?.lon, crossroads?.lat, crossroads?.names], ['place', 44.25, 35.45, { en: 'Unnamed Crossroads' }]);
  // the GeoJSON Feature id counts as the id; P-codes are upper-cased
  assert.deepEqual([village?.id, village?.adm1Pcode, village?.population, village?.names], ['42', 'IQG13', 1200, { ar: 'قرية الاختبار' }]);
});

test('the hash id is deterministic, so a re-import updates rather than duplicates', async () => {
  const first = await collectBatches(importGazetteer(fixture('places.geojson')));
  const second = await collectBatches(importGazetteer(fixture('places.geojson')));
  assert.equal(first[2]?.id, second[2]?.id);
  const moved = placesFromGeoJson(point({ name_en: 'Unnamed Crossroads' }, { type: 'Point', coordinates: [44.26, 35.45] }), 'x.geojson');
  assert.notEqual(moved[0]?.id, first[2]?.id);
});

test('bad gazetteer features are rejected with their index and field', () => {
  const cases: [unknown, RegExp][] = [
    [point({ id: 'a' }, { type: 'Polygon', coordinates: [] }), /features\[0\]: geometry\.type: geometry type "Polygon" is not Point/],
    [point({ id: 'a' }, null), /features\[0\]: geometry: missing geometry/],
    [point({ id: 'a' }, { type: 'Point', coordinates: [44, 91] }), /features\[0\]: geometry\.coordinates: latitude 91/],
    [point({ id: 'a', adm2_pcode: 'Kirkuk district' }), /features\[0\]: properties\.adm2_pcode: "Kirkuk district" is not a P-code/],
    [point({ id: 'a', population: -3 }), /features\[0\]: properties\.population: -3 is not a whole number/],
    [point({ id: 'a', alt_names: ['ok', 7] }), /features\[0\]: properties\.alt_names\.1: must be text/],
    [point({ id: 'a', alt_names: '["ok",' }), /features\[0\]: properties\.alt_names: looks like a JSON list/],
    [{ type: 'FeatureCollection', features: [point({ id: 'a' }), point({ id: 'a' })].map((c) => (c as { features: unknown[] }).features[0]) }, /features\[1\]: properties\.id: duplicate id a \(first at features\[0\]\)/],
  ];
  for (const [json, message] of cases) assert.throws(() => placesFromGeoJson(json, 'bad.geojson'), isValidation(message), String(message));
});

test('alternate names given as a JSON list in text are unpacked', () => {
  const [p] = placesFromGeoJson(point({ id: 'a', alt_names: '["Kerkûk","كركوك"]' }), 'x.geojson');
  assert.deepEqual(p?.altNames, ['Kerkûk', 'كركوك']);
});

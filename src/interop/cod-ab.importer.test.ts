import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { isTansiqError } from '../core/errors.ts';
import type { AdminArea } from '../core/model/reference.ts';
import { adminAreasFromGeoJson, importCodAb, levelOfPcode, parentPcodeOf, pcodeGroups } from './cod-ab.importer.ts';
import { collectBatches } from './importer.util.ts';

const fixture = (name: string): string => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const byPcode = (areas: AdminArea[]): Map<string, AdminArea> => new Map(areas.map((a) => [a.pcode, a]));
const isValidation = (pattern: RegExp) => (e: unknown) => isTansiqError(e) && e.code === 'VALIDATION' && pattern.test(e.message);

const SQUARE = [[[44, 35], [45, 35], [45, 36], [44, 36], [44, 35]]];
const collection = (...properties: Record<string, unknown>[]): unknown => ({
  type: 'FeatureCollection',
  features: properties.map((p) => ({ type: 'Feature', properties: p, geometry: { type: 'Polygon', coordinates: SQUARE } })),
});

test('official COD-AB adm1: level from ADM1_PCODE, names per language, Kurdish routed by script', async () => {
  const areas = byPcode(await collectBatches(importCodAb(fixture('cod-ab-official-adm1.geojson'))));
  const kirkuk = areas.get('IQG13')!;
  assert.equal(kirkuk.level, 1);
  assert.equal(kirkuk.parentPcode, 'IQ');
  assert.deepEqual(kirkuk.names, { en: 'Kirkuk', ar: 'كركوك', ckb: 'کەرکووک' });
  assert.deepEqual(kirkuk.bbox, [43.5, 35, 44.5, 35.8]);
  assert.ok(kirkuk.areaKm2 > 8000 && kirkuk.areaKm2 < 8150, String(kirkuk.areaKm2));
  assert.equal(kirkuk.inKurdistanRegion, null);
  assert.equal(kirkuk.source, 'cod-ab-official-adm1.geojson');
  const erbil = areas.get('IQG11')!;
  assert.deepEqual(erbil.names, { en: 'Erbil', ar: 'اربيل', kuLatn: 'Hewlêr' });
  assert.equal(erbil.geometry.type, 'MultiPolygon');
  assert.deepEqual(erbil.bbox, [43.6, 35.9, 44.9, 36.9]);
});

test('official COD-AB adm2: parent from ADM1_PCODE, null Arabic name is missing', async () => {
  const areas = byPcode(await collectBatches(importCodAb(fixture('cod-ab-official-adm2.geojson'))));
  assert.deepEqual([...areas.keys()], ['IQG13Q02', 'IQG13Q01']);
  for (const a of areas.values()) {
    assert.equal(a.level, 2);
    assert.equal(a.parentPcode, 'IQG13');
  }
  assert.deepEqual(areas.get('IQG13Q01')!.names, { en: 'Al-Hawiga', kuLatn: 'Hewîce' });
});

test('normalised fields: levels 0–3 from the P-code shape, parents explicit or trimmed', async () => {
  const areas = byPcode(await collectBatches(importCodAb(fixture('cod-ab-normalised.geojson'), { defaultSource: 'test' })));
  assert.deepEqual(
    [...areas.values()].map((a) => [a.pcode, a.level, a.parentPcode]),
    [['IQ', 0, null], ['IQG13', 1, 'IQ'], ['IQG13Q02', 2, 'IQG13'], ['IQG13Q02N01', 3, 'IQG13Q02'], ['IQG06', 1, 'IQ']],
  );
  assert.deepEqual(areas.get('IQG13')!.names, { en: 'Kirkuk', ar: 'كركوك', ckb: 'کەرکووک', kuLatn: 'Kerkûk' });
  // null and blank names are missing, not empty strings
  assert.deepEqual(areas.get('IQG13Q02')!.names, { en: 'Kirkuk', ar: 'كركوك' });
  assert.equal(areas.get('IQG06')!.inKurdistanRegion, true);
  assert.equal(areas.get('IQG13')!.inKurdistanRegion, false);
  assert.equal(areas.get('IQG13Q02N01')!.inKurdistanRegion, null);
  assert.equal(areas.get('IQG13')!.source, 'hand-made fixture');
  assert.equal(areas.get('IQG06')!.source, 'test');
});

test('normalised fields: a district list whose own code is adm2_pcode', async () => {
  const [makhmur] = await collectBatches(importCodAb(fixture('cod-ab-adm2-pcode-only.geojson')));
  assert.equal(makhmur?.pcode, 'IQG11Q04');
  assert.equal(makhmur?.level, 2);
  assert.equal(makhmur?.parentPcode, 'IQG11');
  assert.deepEqual(makhmur?.names, { en: 'Makhmur', ar: 'مخمور', ckb: 'مەخموور' });
});

test('lower-cased official fields and older HDX admin1Pcode fields are read too', () => {
  const [lower, hdx] = [
    adminAreasFromGeoJson(collection({ adm2_pcode: 'IQG13Q02', adm2_en: 'Kirkuk', adm2_ar: 'كركوك', adm1_pcode: 'IQG13' }), 'lower.geojson'),
    adminAreasFromGeoJson(collection({ admin1Pcode: 'SY02', admin1Name_en: 'Aleppo', admin1Name_ar: 'حلب', admin0Pcode: 'SY' }), 'hdx.geojson'),
  ];
  assert.deepEqual(lower.map((a) => [a.pcode, a.level, a.parentPcode, a.names]), [['IQG13Q02', 2, 'IQG13', { en: 'Kirkuk', ar: 'كركوك' }]]);
  assert.deepEqual(hdx.map((a) => [a.pcode, a.level, a.parentPcode, a.names]), [['SY02', 1, 'SY', { en: 'Aleppo', ar: 'حلب' }]]);
});

test('P-code shape: letter-grouped codes of any country, digit-only codes only with a level', () => {
  assert.deepEqual(pcodeGroups('IQG13Q02N01'), ['G13', 'Q02', 'N01']);
  assert.deepEqual([levelOfPcode('IQ'), levelOfPcode('IQG13'), levelOfPcode('IQG13Q02'), levelOfPcode('IQG13Q02N01')], [0, 1, 2, 3]);
  assert.equal(levelOfPcode('XXA1B22C333D4'), 4);
  assert.equal(levelOfPcode('AF0101'), null);
  assert.equal(parentPcodeOf('IQG13Q02N01', 3), 'IQG13Q02');
  assert.equal(parentPcodeOf('IQG13', 1), 'IQ');
  assert.equal(parentPcodeOf('IQ', 0), null);
  assert.equal(parentPcodeOf('IQG13Q02', 3), null, 'shape and level disagree');
  assert.equal(parentPcodeOf('AF0101', 2), 'AF01');
  assert.equal(parentPcodeOf('NG001001', 2), 'NG001');
  assert.equal(parentPcodeOf('SY020000', 3), 'SY0200');
  assert.equal(parentPcodeOf('AF01011', 2), null, 'digits do not split evenly');
});

test('the level option decides for digit-only codes and is checked against letter-grouped ones', () => {
  assert.throws(() => adminAreasFromGeoJson(collection({ pcode: 'AF0101' }), 'af.geojson'), isValidation(/features\[0\]: properties\.pcode: cannot tell the level of P-code AF0101.*level option/));
  const [af] = adminAreasFromGeoJson(collection({ pcode: 'AF0101', name_en: 'Kabul' }), 'af.geojson', { level: 2 });
  assert.deepEqual([af?.level, af?.parentPcode], [2, 'AF01']);
  assert.throws(() => adminAreasFromGeoJson(collection({ pcode: 'IQG13Q02' }), 'iq.geojson', { level: 1 }), isValidation(/P-code IQG13Q02 has the shape of level 2, not level 1/));
  assert.throws(() => adminAreasFromGeoJson(collection({ ADM4_PCODE: 'IQG13Q02N01B01', ADM3_PCODE: 'IQG13Q02N01' }), 'iq.geojson'), isValidation(/level 4 is not supported/));
});

test('bad features are rejected with their index and field', () => {
  const cases: [unknown, RegExp][] = [
    [collection({ pcode: 'IQG13' }, { pcode: 'IQG13' }), /features\[1\]: properties: duplicate P-code IQG13 \(first at features\[0\]\)/],
    [collection({ pcode: 'IQG13' }, { pcode: 'iq-g13' }), /features\[1\]: properties\.pcode: "iq-g13" is not a P-code/],
    [collection({ pcode: 'IQG13', name_en: { en: 'x' } }), /features\[0\]: properties\.name_en: must be text/],
    [collection({ pcode: 'IQG13', name_ar: 'ا'.repeat(301) }), /features\[0\]: properties\.name_ar: name longer than 300/],
    [collection({ pcode: 'IQG13', in_kurdistan_region: 'maybe' }), /features\[0\]: properties\.in_kurdistan_region: "maybe" is not true or false/],
    [collection({ name_en: 'Halabja' }), /features\[0\]: properties: feature has no P-code/],
  ];
  for (const [json, message] of cases) assert.throws(() => adminAreasFromGeoJson(json, 'bad.geojson'), isValidation(message), String(message));
  const flags = adminAreasFromGeoJson(collection({ pcode: 'IQG06', in_kurdistan_region: 1 }, { pcode: 'IQG13', in_kurdistan_region: 'false' }), 'flags.geojson');
  assert.deepEqual(flags.map((a) => a.inKurdistanRegion), [true, false]);
});

test('broken files: not JSON, not a FeatureCollection, feature without P-code, wrong geometry', async () => {
  const cases: [string, RegExp][] = [
    ['broken-not-json.geojson', /broken-not-json\.geojson: not valid JSON: .*line 2/],
    ['broken-not-collection.geojson', /not a GeoJSON FeatureCollection \(got type "Feature"\)/],
    ['broken-missing-pcode.geojson', /features\[1\]: properties: feature has no P-code/],
    ['broken-wrong-geometry.geojson', /features\[1\]: geometry\.type: geometry type "LineString" is not Polygon or MultiPolygon/],
  ];
  for (const [name, message] of cases) await assert.rejects(collectBatches(importCodAb(fixture(name))), isValidation(message), name);
});

test('a bad feature late in the file stops the import before the first batch is yielded', async () => {
  let batches = 0;
  await assert.rejects(async () => {
    for await (const _ of importCodAb(fixture('broken-wrong-geometry.geojson'), { batchSize: 1 })) batches++;
  });
  assert.equal(batches, 0);
});

test('batches of batchSize, progress in features, summary at the end', async () => {
  const sizes: number[] = [];
  const progress: [number, number | null][] = [];
  let summary: unknown;
  const opts = { batchSize: 2, onProgress: (d: number, t: number | null) => progress.push([d, t]), onComplete: (s: unknown) => (summary = s) };
  for await (const batch of importCodAb(fixture('cod-ab-normalised.geojson'), opts)) sizes.push(batch.length);
  assert.deepEqual(sizes, [2, 2, 1]);
  assert.deepEqual(progress, [[0, 5], [2, 5], [4, 5], [5, 5]]);
  assert.deepEqual(summary, { read: 5, imported: 5, filtered: 0, skipped: 0, skippedSamples: [] });
});

test('files over maxBytes are refused with a clear message', async () => {
  await assert.rejects(collectBatches(importCodAb(fixture('cod-ab-normalised.geojson'), { maxBytes: 1000 })), (e: unknown) => isTansiqError(e) && e.code === 'PAYLOAD_TOO_LARGE' && /over the 1000 bytes limit/.test(e.message));
});

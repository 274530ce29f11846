import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { isTansiqError } from '../core/errors.ts';
import { detectGeoFormat, importGeoFile } from './geo-import.ts';
import { collectBatches } from './importer.util.ts';

const fixture = (name: string): string => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const isValidation = (pattern: RegExp) => (e: unknown) => isTansiqError(e) && e.code === 'VALIDATION' && pattern.test(e.message);

async function tempDir(t: { after: (fn: () => Promise<void>) => void }): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'tansiq-geo-import-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

test('detectGeoFormat tells the fixtures apart by content', async () => {
  const expected: [string, string][] = [
    ['cod-ab-official-adm1.geojson', 'cod-ab'],
    ['cod-ab-official-adm2.geojson', 'cod-ab'],
    ['cod-ab-normalised.geojson', 'cod-ab'],
    ['cod-ab-adm2-pcode-only.geojson', 'cod-ab'],
    ['places.geojson', 'gazetteer'],
    ['geonames-sample.txt', 'geonames'],
  ];
  for (const [name, format] of expected) assert.equal(await detectGeoFormat(fixture(name)), format, name);
});

test('detectGeoFormat parses the file when the first 64 KiB do not decide', async (t) => {
  const dir = await tempDir(t);
  // Coordinates written before the geometry's type push every hint past the sniffed head.
  const ring = Array.from({ length: 4000 }, (_, i) => [44 + i / 1e4, 35 + (i % 2) / 1e3]);
  ring.push(ring[0]!);
  const feature = { type: 'Feature', geometry: { coordinates: [ring], type: 'Polygon' }, properties: { code: 'IQG13' } };
  const path = join(dir, 'late-hints.json');
  await writeFile(path, JSON.stringify({ type: 'FeatureCollection', features: [feature] }));
  assert.equal(await detectGeoFormat(path), 'cod-ab');

  const empty = join(dir, 'empty.geojson');
  await writeFile(empty, '{"type":"FeatureCollection","features":[]}');
  await assert.rejects(detectGeoFormat(empty), isValidation(/cannot tell the format/));
});

test('detectGeoFormat refuses what it cannot read, naming what it expected', async (t) => {
  const dir = await tempDir(t);
  const notJson = join(dir, 'places.geojson');
  await writeFile(notJson, 'name\tlat\tlon\n');
  await assert.rejects(detectGeoFormat(notJson), isValidation(/places\.geojson: not GeoJSON/));
  const notGeoNames = join(dir, 'IQ.txt');
  await writeFile(notGeoNames, 'some notes\nabout places\n');
  await assert.rejects(detectGeoFormat(notGeoNames), isValidation(/IQ\.txt: cannot tell the format: expected a GeoNames dump \(19 tab-separated columns\)/));
  const other = join(dir, 'data.bin');
  await writeFile(other, 'PK\u0003\u0004');
  await assert.rejects(detectGeoFormat(other), isValidation(/expected GeoJSON or a GeoNames dump/));
  await assert.rejects(detectGeoFormat(join(dir, 'missing.geojson')), (e: unknown) => isTansiqError(e) && e.code === 'NOT_FOUND');
});

test('importGeoFile dispatches to the right importer and says what it yields', async () => {
  const admin = await importGeoFile(fixture('cod-ab-official-adm2.geojson'));
  assert.equal(admin.kind, 'admin-areas');
  if (admin.kind === 'admin-areas') assert.deepEqual((await collectBatches(admin.batches)).map((a) => a.pcode), ['IQG13Q02', 'IQG13Q01']);

  const gazetteer = await importGeoFile(fixture('places.geojson'), { batchSize: 3 });
  assert.deepEqual([gazetteer.kind, gazetteer.format], ['places', 'gazetteer']);
  const sizes: number[] = [];
  for await (const batch of gazetteer.batches) sizes.push(batch.length);
  assert.deepEqual(sizes, [3, 1]);

  const geonames = await importGeoFile(fixture('geonames-sample.txt'), { featureClasses: ['P'] });
  assert.deepEqual([geonames.kind, geonames.format], ['places', 'geonames']);
  assert.equal((await collectBatches<unknown>(geonames.batches)).length, 3);
});

test('importGeoFile honours an explicit format', async () => {
  const forced = await importGeoFile(fixture('cod-ab-normalised.geojson'), { format: 'gazetteer' });
  assert.equal(forced.kind, 'places');
  await assert.rejects(collectBatches<unknown>(forced.batches), isValidation(/features\[0\]: geometry\.type: geometry type "Polygon" is not Point/));
});

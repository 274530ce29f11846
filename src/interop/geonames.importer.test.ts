import assert from 'node:assert/strict';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { isTansiqError } from '../core/errors.ts';
import type { GeoNamesImportOptions } from './geonames.importer.ts';
import { importGeoNames, parseGeoNamesLine } from './geonames.importer.ts';
import type { ImportSummary } from './importer.util.ts';
import { collectBatches, lineFailer } from './importer.util.ts';

const fixture = (name: string): string => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const isValidation = (pattern: RegExp) => (e: unknown) => isTansiqError(e) && e.code === 'VALIDATION' && pattern.test(e.message);

async function run(name: string, opts: GeoNamesImportOptions = {}) {
  let summary: ImportSummary | undefined;
  const places = await collectBatches(importGeoNames(fixture(name), { ...opts, onComplete: (s) => (summary = s) }));
  return { places, summary: summary! };
}

const line = (...cols: string[]): string => cols.join('\t');
const row = (id: string, name: string, alternates: string, lat: string, lon: string, cls = 'P', code = 'PPL', population = ''): string =>
  line(id, name, name, alternates, lat, lon, cls, code, 'IQ', '', '13', '', '', '', population, '', '300', 'Asia/Baghdad', '2024-01-01');

test('GeoNames sample: P and T kept by default, S filtered; ids, kinds and populations', async () => {
  const { places, summary } = await run('geonames-sample.txt');
  assert.deepEqual(places.map((p) => [p.id, p.kind, p.population]), [
    ['geonames:9000001', 'PPLA', 601433],
    ['geonames:9000002', 'MT', null],
    ['geonames:9000004', 'PPL', null],
    ['geonames:9000005', 'PPLA2', null],
  ]);
  assert.deepEqual(summary, { read: 5, imported: 4, filtered: 1, skipped: 0, skippedSamples: [] });
  for (const p of places) {
    assert.deepEqual([p.adm1Pcode, p.adm2Pcode, p.adm3Pcode], [null, null, null], 'GeoNames admin codes are not P-codes');
    assert.equal(p.source, 'geonames');
    assert.equal(p.geonamesId, Number(p.id.slice('geonames:'.length)));
  }
});

test('GeoNames names: Arabic alphabet → ar, Sorani letters → ckb, all alternates kept once', async () => {
  const { places } = await run('geonames-sample.txt');
  const [kirkuk, mountain, village] = places;
  assert.deepEqual(kirkuk?.names, { en: 'Kirkūk', ar: 'كركوك', ckb: 'کەرکووک' });
  assert.deepEqual(kirkuk?.altNames, ['Karkuk', 'Kerkûk', 'Kirkuk', 'Kirkūk', 'كركوك', 'کەرکووک', 'کرکوک']);
  assert.deepEqual([kirkuk?.lon, kirkuk?.lat], [44.39222, 35.46806]);
  assert.deepEqual(mountain?.names, { en: 'Jabal Qarah Chawq', ar: 'جبل قرة جوق' });
  assert.deepEqual(mountain?.altNames, ['Qarachogh', 'Qara Chokh', 'جبل قرة جوق'], 'CRLF line ending and duplicate alternate');
  // A main name in Arabic script is the Arabic name, not the English one.
  assert.deepEqual(village?.names, { ar: 'خضر جيجة' });
  assert.deepEqual(village?.altNames, ['Khidirjija', 'Xizr', 'خزر']);
});

test('featureClasses and bbox filter records', async () => {
  const { places, summary } = await run('geonames-sample.txt', { featureClasses: ['s', 'T'], bbox: [43, 35, 45, 36] });
  assert.deepEqual(places.map((p) => p.kind), ['MT', 'HTL']);
  assert.equal(summary.filtered, 3);
  const north = await run('geonames-sample.txt', { bbox: [43.5, 35.6, 44.5, 36] });
  assert.deepEqual(north.places.map((p) => p.id), ['geonames:9000002', 'geonames:9000004', 'geonames:9000005']);
});

test('invalid filter options are refused', async () => {
  await assert.rejects(run('geonames-sample.txt', { featureClasses: ['Q'] }), isValidation(/unknown GeoNames feature class\(es\): Q/));
  await assert.rejects(run('geonames-sample.txt', { bbox: [45, 35, 44, 36] }), isValidation(/bbox/));
});

test('a malformed line stops the import with its line number and column', async () => {
  await assert.rejects(run('geonames-bad-number.txt'), isValidation(/geonames-bad-number\.txt: line 2: latitude: column 5 is not a latitude in \[-90, 90\]: "35,80"/));
  await assert.rejects(run('geonames-bad-columns.txt'), isValidation(/geonames-bad-columns\.txt: line 3: expected 19 tab-separated columns, found 7/));
});

test('skipBadLines counts and skips malformed lines and reports them at the end', async () => {
  const { places, summary } = await run('geonames-bad-columns.txt', { skipBadLines: true });
  assert.equal(places.length, 4);
  assert.equal(summary.skipped, 1);
  assert.equal(summary.read, 5);
  assert.equal(summary.skippedSamples[0]?.at, 'line 3');
  assert.equal(summary.skippedSamples[0]?.message, 'expected 19 tab-separated columns, found 7');
});

test('parseGeoNamesLine checks ids, coordinates and populations', () => {
  const fail = lineFailer('IQ.txt', 9);
  assert.equal(parseGeoNamesLine(row('1', 'A', '', '35', '44', 'P', 'PPL', '12'), fail).population, 12);
  assert.throws(() => parseGeoNamesLine(row('x1', 'A', '', '35', '44'), fail), isValidation(/IQ\.txt: line 9: geonameid: column 1 is not a whole number/));
  assert.throws(() => parseGeoNamesLine(row('', 'A', '', '35', '44'), fail), isValidation(/line 9: geonameid: column 1 is not a GeoNames id/));
  assert.throws(() => parseGeoNamesLine(row('1', 'A', '', '', '44'), fail), isValidation(/line 9: latitude: column 5/));
  assert.throws(() => parseGeoNamesLine(row('1', 'A', '', '35', '181'), fail), isValidation(/line 9: longitude: column 6 .*"181"/));
  assert.throws(() => parseGeoNamesLine(row('1', 'A', '', '35', '0x10'), fail), isValidation(/longitude/));
  assert.throws(() => parseGeoNamesLine(row('1', 'A', '', '35', '44', 'P', 'PPL', '1.5'), fail), isValidation(/line 9: population: column 15/));
});

test('a large dump is streamed in batches with byte progress, and an early stop closes the file', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'tansiq-geonames-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const path = join(dir, 'big.txt');
  const lines = 20_000;
  const out = createWriteStream(path);
  for (let i = 1; i <= lines; i++) out.write(`${row(String(i), `Village ${i}`, `Qarya ${i},قرية ${i}`, '35.5', String(44 + i / 1e6))}\n`);
  await new Promise((resolve) => out.end(resolve));
  const size = (await stat(path)).size;

  const sizes: number[] = [];
  const progress: [number, number | null][] = [];
  for await (const batch of importGeoNames(path, { onProgress: (d, total) => progress.push([d, total]) })) sizes.push(batch.length);
  assert.equal(sizes.length, 40);
  assert.ok(sizes.every((s) => s === 500));
  assert.deepEqual(progress[0], [0, size]);
  assert.deepEqual(progress.at(-1), [size, size]);
  assert.ok(progress.every(([done], i) => i === 0 || done >= progress[i - 1]![0]), 'progress only grows');

  let seen = 0;
  let completed = false;
  for await (const batch of importGeoNames(path, { batchSize: 1000, onComplete: () => (completed = true) })) {
    seen += batch.length;
    if (seen >= 3000) break;
  }
  assert.equal(seen, 3000);
  assert.equal(completed, false);
});

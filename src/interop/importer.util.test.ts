import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { isTansiqError } from '../core/errors.ts';
import {
  collectBatches,
  emptySummary,
  featuresOf,
  inBatches,
  isArabicLanguageSpelling,
  isArabicScript,
  isLatinScript,
  isSoraniSpelling,
  parseJsonText,
  readHead,
  readJsonFile,
  uniqueNames,
} from './importer.util.ts';

const isValidation = (pattern: RegExp) => (e: unknown) => isTansiqError(e) && e.code === 'VALIDATION' && pattern.test(e.message);

test('inBatches yields slices of batchSize and reports progress after each is consumed', async () => {
  const progress: [number, number | null][] = [];
  let completed = 0;
  const batches: number[][] = [];
  const summary = { ...emptySummary(), read: 5, imported: 5 };
  for await (const b of inBatches([1, 2, 3, 4, 5], { batchSize: 2, onProgress: (d, t) => progress.push([d, t]), onComplete: () => completed++ }, summary)) {
    batches.push(b);
  }
  assert.deepEqual(batches, [[1, 2], [3, 4], [5]]);
  assert.deepEqual(progress, [[0, 5], [2, 5], [4, 5], [5, 5]]);
  assert.equal(completed, 1);
});

test('inBatches does not report completion when the caller stops early', async () => {
  let completed = 0;
  for await (const _ of inBatches([1, 2, 3], { batchSize: 1, onComplete: () => completed++ }, emptySummary())) break;
  assert.equal(completed, 0);
});

test('a batch size that is not a positive integer is refused', async () => {
  for (const batchSize of [0, -1, 2.5]) {
    await assert.rejects(collectBatches(inBatches([1], { batchSize }, emptySummary())), isValidation(/batchSize/));
  }
});

test('invalid JSON is reported with its line and column', () => {
  assert.throws(() => parseJsonText('{\n  "a": 1,\n  "b" 2\n}', 'x.geojson'), isValidation(/^x\.geojson: not valid JSON: .*line 3,? column 7/));
});

test('a byte-order mark does not break JSON parsing', () => {
  assert.deepEqual(parseJsonText('\uFEFF{"a":1}', 'bom.json'), { a: 1 });
});

test('featuresOf requires a FeatureCollection of Features', () => {
  assert.throws(() => featuresOf([], 'f.geojson'), isValidation(/not a GeoJSON FeatureCollection \(got an array\)/));
  assert.throws(() => featuresOf({ type: 'FeatureCollection' }, 'f.geojson'), isValidation(/no "features" array/));
  assert.throws(() => featuresOf({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {} }, { type: 'Point' }] }, 'f.geojson'), isValidation(/f\.geojson: features\[1\]: type: not a GeoJSON Feature/));
  assert.throws(() => featuresOf({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: 'x' }] }, 'f.geojson'), isValidation(/features\[0\]: properties/));
  assert.deepEqual(featuresOf({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: null, geometry: null }] }, 'f.geojson'), [{ id: undefined, properties: {}, geometry: null }]);
});

test('files: missing → NOT_FOUND, too large → PAYLOAD_TOO_LARGE before reading', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'tansiq-interop-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const path = join(dir, 'big.geojson');
  await writeFile(path, JSON.stringify({ type: 'FeatureCollection', features: [] }));
  await assert.rejects(readJsonFile(join(dir, 'missing.geojson')), (e: unknown) => isTansiqError(e) && e.code === 'NOT_FOUND');
  await assert.rejects(readJsonFile(path, 10), (e: unknown) => isTansiqError(e) && e.code === 'PAYLOAD_TOO_LARGE' && /over the 10 bytes limit/.test(e.message));
  await assert.rejects(readJsonFile(dir), isValidation(/not a regular file/));
  assert.deepEqual(await readJsonFile(path), { type: 'FeatureCollection', features: [] });
  assert.equal(await readHead(path, 5), '{"typ');
});

test('uniqueNames trims, drops blanks and duplicates (also in another Unicode normal form)', () => {
  assert.deepEqual(uniqueNames([' Kirkūk ', 'Kirku\u0304k', '', '  ', 'Kirkuk', 'كركوك', 'كركوك', 'x'.repeat(301)]), ['Kirkūk', 'Kirkuk', 'كركوك']);
});

test('script detection tells Arabic, Sorani and Latin spellings apart', () => {
  assert.ok(isArabicScript('خضر جيجة') && !isLatinScript('خضر جيجة'));
  assert.ok(isLatinScript('Khiḑr Jījā') && !isArabicScript('Khiḑr Jījā'));
  assert.ok(!isArabicScript('Kirkuk كركوك') && !isLatinScript('Kirkuk كركوك'));
  assert.ok(isSoraniSpelling('کەرکووک') && isSoraniSpelling('سلێمانی'));
  assert.ok(!isSoraniSpelling('كركوك') && !isSoraniSpelling('Kerkûk'));
  assert.ok(isArabicLanguageSpelling('مدينة الموصل') && isArabicLanguageSpelling('جبل قرةجوغ'));
  // Persian-style ک and ی, and Kurdish letters, are not the Arabic alphabet.
  assert.ok(!isArabicLanguageSpelling('کرکوک') && !isArabicLanguageSpelling('کەرکووک') && !isArabicLanguageSpelling('Kirkuk'));
});

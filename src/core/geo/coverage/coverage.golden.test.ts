/**
 * Golden fixtures: fixtures/in/<name>.json → fixtures/out/<name>.json (the result without its
 * timings). Regenerate on purpose only, after checking the change is wanted:
 *   UPDATE_GOLDEN=1 node --import tsx --test src/core/geo/coverage/coverage.golden.test.ts
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { computeCoverage } from './coverage.ts';
import type { CoverageInput } from './coverage.types.ts';

const dir = new URL('./fixtures/', import.meta.url);
const update = process.env['UPDATE_GOLDEN'] === '1';

for (const file of readdirSync(new URL('in/', dir)).filter((f) => f.endsWith('.json')).sort()) {
  test(`golden: ${file}`, () => {
    const input = JSON.parse(readFileSync(new URL(`in/${file}`, dir), 'utf8')) as CoverageInput;
    const { timings: _timings, ...result } = computeCoverage(input);
    const outFile = new URL(`out/${file}`, dir);
    const actual = JSON.parse(JSON.stringify(result)) as unknown;
    if (update || !existsSync(outFile)) writeFileSync(outFile, `${JSON.stringify(actual, null, 1)}\n`);
    assert.deepEqual(actual, JSON.parse(readFileSync(outFile, 'utf8')));
  });
}

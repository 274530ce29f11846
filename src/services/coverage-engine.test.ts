import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { isTansiqError } from '../core/errors.ts';
import type { CoverageInput } from '../core/geo/coverage/coverage.types.ts';
import { CoverageEngine, MAX_QUEUED } from './coverage-engine.ts';

const square = (lon: number, lat: number, h: number) => ({
  type: 'Polygon' as const,
  coordinates: [[[lon - h, lat - h], [lon + h, lat - h], [lon + h, lat + h], [lon - h, lat + h], [lon - h, lat - h]]],
});
const job = (over: Partial<CoverageInput> = {}): CoverageInput => ({
  region: square(44.4, 35.5, 0.05),
  cellM: 100,
  sources: [{ party: 'federal', kind: 'circle', center: [44.4, 35.5], radiusM: 2000 }],
  nowMs: Date.parse('2025-03-01T00:00:00Z'),
  ...over,
});

void describe('gap engine on a worker thread', () => {
  const engine = new CoverageEngine();
  after(() => engine.close());

  test('runs a job and returns the engine result', async () => {
    const r = await engine.run(job());
    assert.ok(r.areas.federalOnlyKm2 > 12 && r.areas.federalOnlyKm2 < 13, String(r.areas.federalOnlyKm2));
    assert.equal(r.areas.peshmergaOnlyKm2, 0);
    assert.equal(r.gaps[0]?.rank, 1);
  });

  test("the engine's refusals come back as the same typed error, with fields and details", async () => {
    await assert.rejects(engine.run(job({ cellM: 1, region: square(44.4, 35.5, 0.5) })), (e) => {
      assert.ok(isTansiqError(e));
      assert.equal(e.code, 'VALIDATION');
      assert.match(e.message, /cells/);
      assert.equal(e.fields[0]?.path, 'cellM');
      assert.equal(typeof e.details?.['cells'], 'number');
      return true;
    });
  });

  test('warms up, refuses a queue longer than the limit, and starts again after close', async () => {
    await engine.warmUp();
    const jobs = Array.from({ length: MAX_QUEUED + 1 }, () => engine.run(job()).then(() => 'done', (e: unknown) => (isTansiqError(e) ? e.code : 'other')));
    const outcomes = await Promise.all(jobs);
    assert.deepEqual(outcomes.filter((o) => o === 'done').length, MAX_QUEUED);
    assert.deepEqual(outcomes.filter((o) => o !== 'done'), ['UNAVAILABLE']);
    await engine.close();
    assert.ok((await engine.run(job())).cells > 0);
  });
});

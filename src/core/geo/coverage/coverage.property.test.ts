/** Seeded random jobs: invariants that hold for any input. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { computeCoverage } from './coverage.ts';
import type { CoverageInput, CoverageSource } from './coverage.types.ts';
import { at, rectangle, seeded } from './coverage-test.util.ts';

const region = rectangle(-25_000, -20_000, 25_000, 20_000);

function randomSource(rnd: () => number): CoverageSource {
  const party = rnd() < 0.5 ? 'peshmerga' : 'federal';
  const p = (): number[] => at((rnd() - 0.5) * 60_000, (rnd() - 0.5) * 50_000);
  const kind = rnd();
  if (kind < 0.6) return { party, kind: 'circle', center: p(), radiusM: 200 + rnd() * 8_000 };
  if (kind < 0.9) return { party, kind: 'corridor', route: { type: 'LineString', coordinates: [p(), p(), p()] }, widthM: 100 + rnd() * 2_000 };
  const [x, y] = [(rnd() - 0.5) * 50_000, (rnd() - 0.5) * 40_000];
  return { party, kind: 'polygon', area: rectangle(x, y, x + 1_000 + rnd() * 8_000, y + 1_000 + rnd() * 8_000, 1_000) };
}

const job = (sources: CoverageSource[]): CoverageInput => ({ region, sources, nowMs: 0, cellM: 100 });

test('none + peshmerga only + federal only + both = the region, and gaps never exceed "none"', () => {
  for (let seed = 1; seed <= 12; seed++) {
    const rnd = seeded(seed);
    const r = computeCoverage(job(Array.from({ length: Math.floor(rnd() * 40) }, () => randomSource(rnd))));
    const { regionKm2, noneKm2, peshmergaOnlyKm2, federalOnlyKm2, bothKm2 } = r.areas;
    // Each area is rounded to the m², so the sum may differ from the region by a few m².
    assert.ok(Math.abs(noneKm2 + peshmergaOnlyKm2 + federalOnlyKm2 + bothKm2 - regionKm2) < 1e-5, `seed ${seed}`);
    assert.ok(r.gaps.reduce((s, g) => s + g.areaKm2, 0) <= noneKm2 + 1e-9, `seed ${seed}`);
    assert.deepEqual(r.gaps.map((g) => g.rank), r.gaps.map((_, i) => i + 1));
    assert.ok(r.gaps.every((g) => g.areaKm2 >= 0.5), 'the minimum-area filter');
  }
});

test('adding a source never increases the uncovered area, nor what a party alone covers of the other', () => {
  for (let seed = 100; seed < 110; seed++) {
    const rnd = seeded(seed);
    const sources: CoverageSource[] = [];
    let before = computeCoverage(job(sources)).areas;
    for (let i = 0; i < 8; i++) {
      sources.push(randomSource(rnd));
      const after = computeCoverage(job(sources)).areas;
      assert.ok(after.noneKm2 <= before.noneKm2, `seed ${seed}, source ${i}: ${after.noneKm2} > ${before.noneKm2}`);
      assert.ok(after.peshmergaOnlyKm2 + after.bothKm2 >= before.peshmergaOnlyKm2 + before.bothKm2, `seed ${seed}: Peshmerga coverage shrank`);
      assert.ok(after.federalOnlyKm2 + after.bothKm2 >= before.federalOnlyKm2 + before.bothKm2, `seed ${seed}: federal coverage shrank`);
      before = after;
    }
  }
});

test('the order of the sources does not change the result', () => {
  const rnd = seeded(7);
  const sources = Array.from({ length: 30 }, () => randomSource(rnd));
  const a = computeCoverage(job(sources));
  const b = computeCoverage(job([...sources].reverse()));
  assert.deepEqual({ ...a, timings: null }, { ...b, timings: null });
});

/**
 * `npm run bench:gaps [-- --quick] [-- --json] [-- --only=<case>]`: the raster gap engine against a
 * GEOS vector reference on seeded synthetic jobs (bench/gaps/synthetic.case.ts). Warm medians in
 * this process; the first call and the peak memory in a fresh child process per case.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { computeCoverage, warmUpCoverageEngine } from '../src/core/geo/coverage/coverage.ts';
import { loadGeos, referenceUncoveredKm2 } from './gaps/geos-reference.ts';
import { median, round, timed } from './gaps/stats.ts';
import { buildCase, CASES } from './gaps/synthetic.case.ts';

const args = new Set(process.argv.slice(2));
const quick = args.has('--quick');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const engineRuns = quick ? 5 : 21;
const referenceRuns = quick ? 1 : 3;
const child = fileURLToPath(new URL('./gaps/engine-child.ts', import.meta.url));

function freshProcess(name: string): { firstCallMs: number; peakMemoryMb: number } {
  return JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', child, name], { encoding: 'utf8' })) as { firstCallMs: number; peakMemoryMb: number };
}

const geos = await loadGeos();
warmUpCoverageEngine();
const results = [];
for (const spec of CASES.filter((c) => !only || c.name === only)) {
  const c = buildCase(spec);
  const times: number[] = [];
  let areaKm2 = 0;
  for (let i = 0; i < engineRuns; i++) {
    const [r, ms] = timed(() => computeCoverage(c.input));
    times.push(ms);
    areaKm2 = r.areas.noneKm2;
  }
  const refTimes: number[] = [];
  let referenceAreaKm2 = 0;
  for (let i = 0; i < referenceRuns; i++) {
    const [a, ms] = timed(() => referenceUncoveredKm2(geos, c));
    refTimes.push(ms);
    referenceAreaKm2 = a;
  }
  const fresh = freshProcess(spec.name);
  const row = {
    case: spec.name,
    shapes: c.input.sources.length,
    cellM: spec.cellM,
    medianMs: round(median(times)),
    firstCallMs: round(fresh.firstCallMs),
    referenceMedianMs: round(median(refTimes)),
    areaKm2: round(areaKm2, 3),
    referenceAreaKm2: round(referenceAreaKm2, 3),
    peakMemoryMb: round(fresh.peakMemoryMb, 1),
  };
  results.push(row);
  if (!args.has('--json')) {
    const diff = (100 * (areaKm2 - referenceAreaKm2)) / referenceAreaKm2;
    console.log(`${row.case}: ${row.shapes} shapes at ${row.cellM} m: engine ${row.medianMs} ms (first call ${row.firstCallMs} ms, peak ${row.peakMemoryMb} MB), ` +
      `GEOS ${row.referenceMedianMs} ms (${round(row.referenceMedianMs / row.medianMs, 1)}× slower); uncovered ${row.areaKm2} km² vs ${row.referenceAreaKm2} km² (${round(diff, 4)} %)`);
  }
}
if (args.has('--json')) console.log(JSON.stringify(results, null, 2));

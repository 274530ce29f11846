/**
 * Runs one synthetic case in a fresh process: the time of the very first call (no warm-up: what a
 * server would pay without `warmUpCoverageEngine`) and the process's peak resident memory over a
 * few calls. Prints one JSON object.
 */
import { computeCoverage } from '../../src/core/geo/coverage/coverage.ts';
import { buildCase, CASES } from './synthetic.case.ts';

const spec = CASES.find((c) => c.name === process.argv[2]);
if (!spec) throw new Error(`unknown case ${process.argv[2]}; cases: ${CASES.map((c) => c.name).join(', ')}`);
const { input } = buildCase(spec);
const t0 = performance.now();
computeCoverage(input);
const firstCallMs = performance.now() - t0;
for (let i = 0; i < 3; i++) computeCoverage(input);
console.log(JSON.stringify({ firstCallMs, peakMemoryMb: process.resourceUsage().maxRSS / 1024 }));

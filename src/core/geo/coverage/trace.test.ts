/** Outline tracing and labelling on small hand-drawn and random cell sets. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { labelRuns } from './components.ts';
import { RunList } from './run-list.ts';
import { seeded } from './coverage-test.util.ts';
import { simplifyRing } from './simplify.ts';
import { traceRing, twiceSignedArea, untraced, type CellSet } from './trace.ts';

/** Rows listed north first, as drawn; '#' is in the set. */
function draw(...rows: string[]): CellSet {
  const height = rows.length;
  const width = rows[0]!.length;
  const cells = new Uint8Array(width * height);
  rows.forEach((line, r) => [...line].forEach((ch, c) => { cells[(height - 1 - r) * width + c] = ch === '#' ? 1 : 0; }));
  return { cells, width, height, mask: 1, value: 1, visitedBit: 2 };
}

function runsOf(set: CellSet): RunList {
  const runs = new RunList();
  runs.reset(set.height);
  for (let row = 0; row < set.height; row++) {
    runs.beginRow(row);
    let start = -1;
    for (let col = 0; col <= set.width; col++) {
      const inside = col < set.width && (set.cells[row * set.width + col]! & 1) === 1;
      if (inside && start < 0) start = col;
      if (!inside && start >= 0) { runs.push(row, start, col, 0); start = -1; }
    }
  }
  runs.finish(set.height);
  return runs;
}

/** Rings per component, traced from every run's left edge not yet visited. */
function traceAll(set: CellSet): { comps: ReturnType<typeof labelRuns>; rings: number[][][] } {
  const runs = runsOf(set);
  const comps = labelRuns(runs, set.height);
  const rings: number[][][] = Array.from({ length: comps.count }, () => []);
  for (let k = 0; k < runs.length; k++) {
    if (untraced(set, runs.start[k]!, runs.row[k]!)) rings[comps.ofRun[k]!]!.push(...traceRing(set, runs.start[k]!, runs.row[k]!));
  }
  return { comps, rings };
}

test('one cell is one counter-clockwise square', () => {
  const { rings } = traceAll(draw('#'));
  assert.deepEqual(rings, [[[0, 0, 1, 0, 1, 1, 0, 1]]]);
  assert.equal(twiceSignedArea(rings[0]![0]!), 2);
});

test('cells touching at a corner are separate components with separate rings', () => {
  const { comps, rings } = traceAll(draw('.#', '#.'));
  assert.equal(comps.count, 2);
  assert.deepEqual(rings.map((r) => r.length), [1, 1]);
});

test('a hole comes out clockwise, inside its counter-clockwise outer ring', () => {
  const { comps, rings } = traceAll(draw('###', '#.#', '###'));
  assert.equal(comps.count, 1);
  const areas = rings[0]!.map(twiceSignedArea).sort((a, b) => a - b);
  assert.deepEqual(areas, [-2, 18]);
});

test('a ring closed only at a corner is split there: an outer ring and a hole touching it', () => {
  // The hole at the centre reaches the outside through the corner at the top right.
  const { comps, rings } = traceAll(draw('##..', '#.##', '####'));
  assert.equal(comps.count, 1);
  const areas = rings[0]!.map(twiceSignedArea).sort((a, b) => a - b);
  assert.deepEqual(areas, [-2, 20], 'a one-cell hole and the outer ring');
  const keys = rings[0]!.map((r) => new Set(Array.from({ length: r.length / 2 }, (_, i) => `${r[2 * i]},${r[2 * i + 1]}`)));
  keys.forEach((k, i) => assert.equal(k.size, rings[0]![i]!.length / 2, 'no ring passes a corner twice'));
});

test('on random cell sets, each component\'s rings enclose exactly its cells', () => {
  const rnd = seeded(42);
  for (let trial = 0; trial < 30; trial++) {
    const w = 5 + Math.floor(rnd() * 30), h = 5 + Math.floor(rnd() * 30);
    const fill = 0.3 + rnd() * 0.4;
    const set = draw(...Array.from({ length: h }, () => Array.from({ length: w }, () => (rnd() < fill ? '#' : '.')).join('')));
    const { comps, rings } = traceAll(set);
    rings.forEach((rs, c) => {
      assert.equal(rs.reduce((s, r) => s + twiceSignedArea(r), 0), 2 * comps.cells[c]!, `trial ${trial}, component ${c}`);
      assert.equal(rs.filter((r) => twiceSignedArea(r) > 0).length, 1, 'one outer ring');
    });
  }
});

test('Douglas–Peucker keeps corners beyond the tolerance and drops the staircase', () => {
  const stairs: number[] = [];
  for (let i = 0; i < 10; i++) stairs.push(i, i, i + 1, i);
  stairs.push(10, 10, 0, 10);
  const simple = simplifyRing(stairs, 1);
  assert.ok(simple.length / 2 <= 4, `${simple.length / 2} corners`);
  assert.deepEqual(simplifyRing(stairs, 0), stairs);
  assert.deepEqual(simplifyRing([0, 0, 1, 0, 1, 1, 0, 1], 5), [0, 0, 1, 0, 1, 1, 0, 1], 'a square is already minimal');
});
